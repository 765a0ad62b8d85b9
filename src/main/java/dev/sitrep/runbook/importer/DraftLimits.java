package dev.sitrep.runbook.importer;

import java.util.List;
import java.util.Map;

/**
 * Keeps every text of the draft within the format's limit (20,000 characters): a longer one keeps
 * its first part and the rest becomes a note, so the output always validates and nothing is lost.
 */
final class DraftLimits {

    private static final int MAX = OutlineBuilder.TEXT_MAX;

    private final ImportLog log;

    private DraftLimits(ImportLog log) {
        this.log = log;
    }

    static void apply(Draft draft, ImportLog log) {
        DraftLimits limits = new DraftLimits(log);
        draft.title = limits.fit(draft.title, Math.max(1, draft.titleLine), "the title");
        draft.summary = limits.fit(draft.summary, 1, "the summary");
        for (Draft.Section s : draft.allSections()) {
            s.title = limits.fit(s.title, s.line, "a heading");
            s.summary = limits.fit(s.summary, s.line, "a section summary");
            for (Draft.Step step : s.steps) {
                step.text = limits.fit(step.text, step.line, "a step");
                step.command = limits.fit(step.command, step.line, "a command");
                step.expect = limits.fit(step.expect, step.line, "an expected result");
            }
        }
        for (Draft.Table t : draft.tables) {
            for (int k = 0; k < t.rows.size(); k++) {
                int line = t.rowLines.get(k);
                for (Map.Entry<String, String> cell : t.rows.get(k).entrySet()) {
                    cell.setValue(limits.fit(cell.getValue(), line, "a table cell"));
                }
            }
        }
        for (Draft.Node n : draft.nodes) {
            n.question = limits.fit(n.question, n.line, "a question");
            n.help = limits.fit(n.help, n.line, "a question's help");
            n.answers.forEach(a -> a.text = limits.fit(a.text, a.line, "an answer"));
        }
        for (Draft.Outcome o : draft.outcomes) {
            o.title = limits.fit(o.title, o.line, "an outcome's title");
            o.summary = limits.fit(o.summary, o.line, "an outcome's summary");
        }
    }

    private String fit(String text, int line, String what) {
        if (text == null || text.length() <= MAX) {
            return text;
        }
        List<String> parts = TextLimit.split(text, MAX);
        for (String part : parts.subList(1, parts.size())) {
            log.note(line, "the rest of " + what + " over " + MAX + " characters; kept as a note", part);
        }
        return parts.get(0);
    }
}
