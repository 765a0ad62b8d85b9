package dev.sitrep.runbook;

import dev.sitrep.core.Limits;
import dev.sitrep.core.Role;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link JsonTree} into a {@link Runbook}, reporting wrong types, unknown keys, missing
 * fields and a wrong version as located problems. What cannot be read is left out and reading
 * goes on; the references between the parts are checked afterwards by {@link RunbookChecker}.
 */
final class RunbookReader {

    static final List<String> TOP = List.of("version", "id", "title", "summary", "scale", "start", "nodes", "outcomes",
            "sections", "tables");
    static final List<String> NODE = List.of("id", "question", "help", "answers", "notSure");
    static final List<String> ANSWER = List.of("text", "next", "outcome", "section");
    static final List<String> NOT_SURE = List.of("next", "outcome", "section");
    static final List<String> OUTCOME = List.of("id", "title", "summary", "severity", "open", "actions", "roles", "contacts");
    static final List<String> SECTION = List.of("id", "title", "summary", "checklist", "steps", "sections");
    static final List<String> STEP = List.of("text", "command", "expect");
    static final List<String> TABLE = List.of("id", "title", "kind", "scale", "rows");
    static final String DEFAULT_SCALE = SeverityScales.FIVE_LEVEL.id();

    private final Problems problems;

    private RunbookReader(Problems problems) {
        this.problems = problems;
    }

    /** The runbook, or {@code null} when the root is not an object or the version is one this Sitrep does not read. */
    static Runbook read(JsonTree root, Problems problems) {
        return new RunbookReader(problems).runbook(root);
    }

    private Runbook runbook(JsonTree root) {
        Fields top = Fields.of(root, "the runbook", "{\"version\": 1, \"id\": \"...\", \"title\": \"...\"}", problems);
        if (top == null || !versionReadable(top)) {
            return null;
        }
        top.onlyKnown(TOP);
        String id = top.text("id", "add e.g. \"id\": \"payments-triage\" (other runbooks refer to it by this id)");
        String title = top.text("title", "add e.g. \"title\": \"Payments triage\"");
        String summary = orEmpty(top.optionalText("summary"));
        SeverityScale scale = scale(top);
        List<DecisionNode> nodes = new ArrayList<>();
        int number = 1;
        for (JsonTree item : top.list("nodes")) {
            Optional.ofNullable(node(item, number++)).ifPresent(nodes::add);
        }
        String startId = top.optionalText("start");
        Located start = startId != null ? new Located(startId, top.lineOf("start"))
                : !top.has("start") && !nodes.isEmpty() ? new Located(nodes.get(0).id(), nodes.get(0).line()) : null;
        List<Outcome> outcomes = new ArrayList<>();
        number = 1;
        for (JsonTree item : top.list("outcomes")) {
            Optional.ofNullable(outcome(item, number++, scale)).ifPresent(outcomes::add);
        }
        List<Section> sections = sections(top.list("sections"), "the runbook");
        List<ReferenceTable> tables = new ArrayList<>();
        number = 1;
        for (JsonTree item : top.list("tables")) {
            Optional.ofNullable(table(item, number++)).ifPresent(tables::add);
        }
        return new Runbook(orEmpty(id), orEmpty(title), summary, scale == null ? DEFAULT_SCALE : scale.id(), start, nodes,
                outcomes, sections, tables, problems.file());
    }

    /** The runbook's scale: the default when it names none, {@code null} (with a problem) when it names an unknown one. */
    private SeverityScale scale(Fields top) {
        if (!top.has("scale")) {
            return SeverityScales.byId(DEFAULT_SCALE);
        }
        String id = top.optionalText("scale");
        if (id == null) {
            return null;
        }
        Optional<SeverityScale> scale = SeverityScales.find(id);
        if (scale.isEmpty()) {
            problems.add(top.lineOf("scale"), "unknown severity scale \"" + id + "\"" + Suggest.didYouMean(id, scaleIds())
                    + "; the scales are " + String.join(", ", scaleIds()));
        }
        return scale.orElse(null);
    }

    /** False when the version says the file is in another format: then nothing else is worth reporting. */
    private boolean versionReadable(Fields top) {
        JsonTree version = top.raw("version");
        if (version == null) {
            problems.add(top.line(), "no \"version\"; add \"version\": " + Runbook.VERSION + " as the first key");
            return true;
        }
        if (version instanceof JsonTree.Scalar s && s.value() instanceof Number n) {
            if (n.doubleValue() == Runbook.VERSION) {
                return true;
            }
            problems.add(version.line(), "\"version\" is " + n + ", but this Sitrep reads runbook version "
                    + Runbook.VERSION + " only; write \"version\": " + Runbook.VERSION + " (or use a newer Sitrep)");
            return false;
        }
        problems.add(version.line(), "\"version\" must be the number " + Runbook.VERSION + ", not " + version.kind()
                + "; write \"version\": " + Runbook.VERSION);
        return true;
    }

    private DecisionNode node(JsonTree tree, int number) {
        Fields f = Fields.of(tree, "question " + number, "{\"id\": \"...\", \"question\": \"...\", \"answers\": [...]}", problems);
        if (f == null) {
            return null;
        }
        String id = f.text("id", "give each question an id, e.g. \"id\": \"q-scope\"");
        Fields named = id == null ? f : renamed(f, "question \"" + id + "\"");
        named.onlyKnown(NODE);
        String question = named.text("question", "write the question to ask, e.g. \"Are customers affected?\"");
        String help = orEmpty(named.optionalText("help"));
        List<JsonTree> items = named.list("answers");
        if (items.isEmpty() && !named.has("answers")) {
            problems.add(named.line(), named.what() + " has no \"answers\"; give at least two, each with \"text\" and "
                    + "\"next\", \"outcome\" or \"section\"");
        } else if (items.size() == 1) {
            problems.add(named.lineOf("answers"), named.what() + " has one answer; a question needs at least two "
                    + "(a single path is a step, not a question)");
        } else if (items.isEmpty()) {
            problems.add(named.lineOf("answers"), named.what() + " has an empty \"answers\" list; give at least two answers");
        }
        List<Answer> answers = new ArrayList<>();
        int n = 1;
        for (JsonTree item : items) {
            Optional.ofNullable(answer(item, named.what(), n++)).ifPresent(answers::add);
        }
        Target notSure = null;
        JsonTree notSureTree = named.raw("notSure");
        if (notSureTree != null) {
            Fields ns = Fields.of(notSureTree, "\"notSure\" of " + named.what(), "{\"outcome\": \"...\"}", problems);
            if (ns != null) {
                ns.onlyKnown(NOT_SURE);
                notSure = target(ns);
            }
        }
        return id == null ? null : new DecisionNode(id, orEmpty(question), help, answers, notSure, f.line());
    }

    private Answer answer(JsonTree tree, String question, int number) {
        Fields f = Fields.of(tree, "answer " + number + " of " + question,
                "{\"text\": \"Yes\", \"next\": \"q-other\"}", problems);
        if (f == null) {
            return null;
        }
        String text = f.text("text", "write the answer as the commander would say it, e.g. \"Yes\"");
        Fields named = text == null ? f : renamed(f, "answer \"" + text + "\" of " + question);
        named.onlyKnown(ANSWER);
        Target target = target(named);
        return text == null || target == null ? null : new Answer(text, target, f.line());
    }

    /** Exactly one of next / outcome / section. */
    private Target target(Fields f) {
        List<Target> given = new ArrayList<>();
        for (Target.Kind kind : Target.Kind.values()) {
            String ref = f.optionalText(kind.key());
            if (ref != null) {
                given.add(new Target(kind, ref, f.lineOf(kind.key())));
            }
        }
        if (given.size() == 1) {
            return given.get(0);
        }
        if (given.isEmpty()) {
            problems.add(f.line(), f.what() + " leads nowhere; add \"next\" (a question), \"outcome\" or \"section\"");
        } else {
            problems.add(given.get(1).line(), f.what() + " gives both \"" + given.get(0).kind().key() + "\" and \""
                    + given.get(1).kind().key() + "\"; an answer leads to one place: keep one");
        }
        return null;
    }

    private Outcome outcome(JsonTree tree, int number, SeverityScale scale) {
        Fields f = Fields.of(tree, "outcome " + number, "{\"id\": \"...\", \"title\": \"...\", \"severity\": \"SEV2\"}",
                problems);
        if (f == null) {
            return null;
        }
        String id = f.text("id", "give each outcome an id, e.g. \"id\": \"agents-misbehaving\"");
        Fields named = id == null ? f : renamed(f, "outcome \"" + id + "\"");
        named.onlyKnown(OUTCOME);
        String title = named.text("title", "say in a few words what the commander is facing");
        String severity = named.text("severity", "recommend a level on the runbook's scale, e.g. \"severity\": \"SEV2\"");
        if (severity != null && scale != null && scale.find(severity).isEmpty()) {
            problems.add(named.lineOf("severity"), named.what() + " recommends \"" + severity + "\", which is not on the "
                    + scale.id() + " scale: use one of " + scale.codes()
                    + Suggest.didYouMean(severity, scale.levels().stream().map(SeverityLevel::code).toList())
                    + ", or set the runbook's \"scale\"");
        }
        List<Located> open = named.texts("open");
        List<Action> actions = new ArrayList<>();
        for (Located key : named.texts("actions")) {
            Optional<Action> action = Action.byKey(key.text());
            action.ifPresentOrElse(actions::add, () -> problems.add(key.line(), "unknown action \"" + key.text() + "\" in "
                    + named.what() + Suggest.didYouMean(key.text(), Action.keys()) + "; the actions are "
                    + String.join(", ", Action.keys())));
        }
        List<Role> roles = new ArrayList<>();
        List<String> roleKeys = Arrays.stream(Role.values()).map(Role::key).toList();
        for (Located key : named.texts("roles")) {
            Optional<Role> role = Arrays.stream(Role.values()).filter(r -> r.key().equals(key.text())).findFirst();
            role.ifPresentOrElse(roles::add, () -> problems.add(key.line(), "unknown role \"" + key.text() + "\" in "
                    + named.what() + Suggest.didYouMean(key.text(), roleKeys) + "; the roles are "
                    + String.join(", ", roleKeys)));
        }
        String contacts = named.optionalText("contacts");
        return id == null ? null : new Outcome(id, orEmpty(title), orEmpty(named.optionalText("summary")), severity, open,
                actions, roles, contacts == null ? null : new Located(contacts, named.lineOf("contacts")), f.line());
    }

    private List<Section> sections(List<JsonTree> items, String parent) {
        List<Section> out = new ArrayList<>();
        int number = 1;
        for (JsonTree item : items) {
            Optional.ofNullable(section(item, "section " + number++ + " of " + parent)).ifPresent(out::add);
        }
        return out;
    }

    private Section section(JsonTree tree, String where) {
        Fields f = Fields.of(tree, where, "{\"id\": \"...\", \"title\": \"...\", \"steps\": [...]}", problems);
        if (f == null) {
            return null;
        }
        String id = f.text("id", "give each section an id, e.g. \"id\": \"verify\" (outcomes open sections by id)");
        Fields named = id == null ? f : renamed(f, "section \"" + id + "\"");
        named.onlyKnown(SECTION);
        String title = named.text("title", "give it a heading, e.g. \"title\": \"Verify\"");
        List<Step> steps = new ArrayList<>();
        int number = 1;
        for (JsonTree item : named.list("steps")) {
            Optional.ofNullable(step(item, "step " + number++ + " of " + named.what())).ifPresent(steps::add);
        }
        List<Section> inner = sections(named.list("sections"), named.what());
        if (steps.isEmpty() && inner.isEmpty() && !named.has("steps") && !named.has("sections")) {
            problems.add(named.line(), named.what() + " is empty; give it \"steps\" or \"sections\"");
        }
        return id == null ? null : new Section(id, orEmpty(title), orEmpty(named.optionalText("summary")),
                named.bool("checklist"), steps, inner, f.line());
    }

    /** A step: an object, or just its text. */
    private Step step(JsonTree tree, String where) {
        if (tree instanceof JsonTree.Scalar s && s.value() instanceof String text) {
            String stripped = text.strip();
            if (stripped.isEmpty()) {
                problems.add(tree.line(), where + " is empty text; write what to do");
                return null;
            }
            if (stripped.length() > Limits.TEXT_MAX) {
                problems.add(tree.line(), Fields.tooLong("\"text\" in " + where, stripped.length()));
                return null;
            }
            return new Step(stripped, null, null, tree.line());
        }
        Fields f = Fields.of(tree, where, "{\"text\": \"...\", \"command\": \"...\", \"expect\": \"...\"} or just \"text\"",
                problems);
        if (f == null) {
            return null;
        }
        f.onlyKnown(STEP);
        String text = f.text("text", "write what to do");
        return text == null ? null : new Step(text, f.optionalText("command"), f.optionalText("expect"), f.line());
    }

    private ReferenceTable table(JsonTree tree, int number) {
        Fields f = Fields.of(tree, "table " + number, "{\"id\": \"...\", \"kind\": \"contacts\", \"rows\": [...]}", problems);
        if (f == null) {
            return null;
        }
        String id = f.text("id", "give each table an id, e.g. \"id\": \"escalation\"");
        Fields named = id == null ? f : renamed(f, "table \"" + id + "\"");
        named.onlyKnown(TABLE);
        String title = named.text("title", "give it a heading");
        String kindKey = named.text("kind", "say what it holds: one of " + String.join(", ", TableKind.keys()));
        Optional<TableKind> kind = kindKey == null ? Optional.empty() : TableKind.byKey(kindKey);
        if (kindKey != null && kind.isEmpty()) {
            problems.add(named.lineOf("kind"), "unknown table kind \"" + kindKey + "\" in " + named.what()
                    + Suggest.didYouMean(kindKey, TableKind.keys()) + "; the kinds are " + String.join(", ", TableKind.keys()));
        }
        String scale = named.optionalText("scale");
        if (kind.isPresent() && kind.get() == TableKind.SEVERITY && scale == null && !named.has("scale")) {
            problems.add(named.line(), named.what() + " has no \"scale\"; a severity table names its scale, one of "
                    + String.join(", ", scaleIds()));
        } else if (kind.isPresent() && kind.get() != TableKind.SEVERITY && scale != null) {
            problems.add(named.lineOf("scale"), "\"scale\" belongs to severity tables only; remove it from " + named.what());
        }
        List<ReferenceTable.Row> rows = new ArrayList<>();
        int rowNumber = 1;
        for (JsonTree item : named.list("rows")) {
            int n = rowNumber++;
            kind.ifPresent(k -> Optional.ofNullable(row(item, k, "row " + n + " of " + named.what())).ifPresent(rows::add));
        }
        return id == null || kind.isEmpty() ? null
                : new ReferenceTable(id, orEmpty(title), kind.get(), scale, rows, f.line());
    }

    private ReferenceTable.Row row(JsonTree tree, TableKind kind, String where) {
        Fields f = Fields.of(tree, where, "{\"" + String.join("\": \"...\", \"", kind.required()) + "\": \"...\"}",
                problems);
        if (f == null) {
            return null;
        }
        f.onlyKnown(kind.columns());
        Map<String, String> cells = new LinkedHashMap<>();
        for (String column : kind.columns()) {
            String value = kind.required().contains(column)
                    ? f.text(column, "a " + kind.key() + " row needs " + String.join(", ", kind.required()))
                    : f.optionalText(column);
            cells.put(column, orEmpty(value));
        }
        return new ReferenceTable.Row(cells, f.line());
    }

    private static Fields renamed(Fields f, String what) {
        return Fields.rename(f, what);
    }

    private static List<String> scaleIds() {
        return SeverityScales.ALL.stream().map(s -> s.id()).toList();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
