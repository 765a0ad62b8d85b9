package dev.sitrep.comms;

import dev.sitrep.core.SitrepException;
import dev.sitrep.store.SettingsRepository;
import dev.sitrep.store.Store;
import dev.sitrep.store.Tx;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workspace's status-update templates: the built-ins, or the team's edit of each, kept as a
 * workspace setting ({@code template.internal}, ...) so the console and the CLI on one data
 * directory use the same text. An edit is checked before it is saved; a reset removes it.
 */
public final class Templates {

    public static final String SETTING_PREFIX = "template.";
    /** The workspace setting column holds 4000 characters. */
    public static final int MAX_CHARS = 4_000;
    /** Any {{...}} on one line, known or not. */
    private static final Pattern BRACED = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private final Store store;
    private final Clock clock;
    private final Supplier<String> actor;

    public Templates(Store store, Clock clock, Supplier<String> actor) {
        this.store = store;
        this.clock = clock;
        this.actor = actor;
    }

    /** The three templates as this workspace uses them, in the order the console offers them. */
    public List<UpdateTemplate> all() {
        return store.read(tx -> {
            List<UpdateTemplate> out = new ArrayList<>();
            for (UpdateTemplate builtIn : BuiltInTemplates.ALL) {
                out.add(current(tx, builtIn));
            }
            return out;
        });
    }

    /** The template with this id as this workspace uses it; an unknown id is refused, naming the known ones. */
    public UpdateTemplate get(String id) {
        UpdateTemplate builtIn = BuiltInTemplates.byId(id);
        return store.read(tx -> current(tx, builtIn));
    }

    /** True when the team has its own text for this template. */
    public boolean isEdited(String id) {
        UpdateTemplate builtIn = BuiltInTemplates.byId(id);
        return store.read(tx -> tx.settings().get(setting(builtIn)).isPresent());
    }

    /** Checks and saves the team's text for a template. */
    public UpdateTemplate save(String id, String body) {
        UpdateTemplate builtIn = BuiltInTemplates.byId(id);
        String checked = check(id, body);
        store.write(tx -> {
            tx.settings().put(setting(builtIn), checked, actor.get(), clock.instant());
            tx.changed(SettingsRepository.ENTITY, setting(builtIn));
            return null;
        });
        return builtIn.withBody(checked);
    }

    /** Drops the team's text: the built-in applies again. */
    public UpdateTemplate reset(String id) {
        UpdateTemplate builtIn = BuiltInTemplates.byId(id);
        store.write(tx -> {
            if (tx.settings().remove(setting(builtIn))) {
                tx.changed(SettingsRepository.ENTITY, setting(builtIn));
            }
            return null;
        });
        return builtIn;
    }

    /**
     * The body as it would be saved (blank lines around it trimmed), or a refusal listing every
     * problem, one per line: an empty body, one over {@value #MAX_CHARS} characters, an unknown
     * placeholder (named, with the closest known one and the list of known ones), an unclosed {{,
     * or an internal-only placeholder in a customer-facing template.
     */
    public static String check(String templateId, String body) {
        List<String> problems = problems(templateId, body);
        if (!problems.isEmpty()) {
            throw SitrepException.invalid(String.join("\n", problems));
        }
        return body.strip();
    }

    /**
     * What is wrong with a body for this template: the problems of {@link #problems(String)} and, in
     * a customer-facing template, every internal-only placeholder (named with its line, what it
     * quotes and the placeholder to use instead).
     */
    public static List<String> problems(String templateId, String body) {
        UpdateTemplate template = BuiltInTemplates.byId(templateId);
        List<String> problems = new ArrayList<>(problems(body));
        if (template.customerFacing() && body != null) {
            String[] lines = body.strip().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = Placeholder.TOKEN.matcher(lines[i]);
                while (m.find()) {
                    Optional<Placeholder> internal = Placeholder.find(m.group(1)).filter(Placeholder::internalOnly);
                    if (internal.isPresent()) {
                        problems.add("Line " + (i + 1) + ": " + m.group() + " is internal only (it quotes "
                                + internal.get().quotes() + "); the " + template.name()
                                + " goes to customers: use " + internal.get().forCustomers().token() + " instead.");
                    }
                }
            }
        }
        return problems;
    }

    /** What is wrong with any template body, whoever reads it; empty when it has no such problem. */
    public static List<String> problems(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return List.of("The template is empty; write the update's text with placeholders such as {{title}}, "
                    + "or reset it to the built-in text.");
        }
        List<String> problems = new ArrayList<>();
        if (text.length() > MAX_CHARS) {
            problems.add("The template is " + text.length() + " characters; the limit is " + MAX_CHARS + ". Shorten it.");
        }
        String[] lines = text.split("\n", -1);
        boolean unknown = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = BRACED.matcher(lines[i]);
            while (m.find()) {
                String name = m.group(1).strip();
                if (!NAME.matcher(name).matches() || Placeholder.find(name).isEmpty()) {
                    unknown = true;
                    problems.add("Line " + (i + 1) + ": " + m.group() + " is not a placeholder"
                            + closest(name).map(p -> " (did you mean " + p.token() + "?)").orElse("") + ".");
                }
            }
            if (BRACED.matcher(lines[i]).replaceAll("").contains("{{")) {
                problems.add("Line " + (i + 1) + ": a {{ is not closed; write a placeholder as {{name}} on one line.");
            }
        }
        if (unknown) {
            problems.add("Known placeholders: " + Placeholder.tokens() + ".");
        }
        return problems;
    }

    private static UpdateTemplate current(Tx tx, UpdateTemplate builtIn) throws SQLException {
        Optional<String> edited = tx.settings().get(setting(builtIn));
        return edited.map(builtIn::withBody).orElse(builtIn);
    }

    private static String setting(UpdateTemplate template) {
        return SETTING_PREFIX + template.id();
    }

    /** The known placeholder within two edits of {@code name}, if one is. */
    static Optional<Placeholder> closest(String name) {
        String typed = name.toLowerCase(java.util.Locale.ROOT);
        Placeholder best = null;
        int bestDistance = 3;
        for (Placeholder p : Placeholder.values()) {
            int d = distance(typed, p.key());
            if (d < bestDistance) {
                best = p;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitute, Math.min(previous[j] + 1, row[j - 1] + 1));
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[b.length()];
    }
}
