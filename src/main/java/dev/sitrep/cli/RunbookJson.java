package dev.sitrep.cli;

import dev.sitrep.runbook.LoadedRunbook;
import dev.sitrep.runbook.Problem;
import dev.sitrep.runbook.Runbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} contract of the runbook commands (src/site/markdown/cli.md): one object per
 * file, {@code {"id", "title", "origin", "file", "valid", "inUse", "replacedBy", "counts",
 * "problems": [{"file", "line", "message"}]}}.
 */
final class RunbookJson {

    private RunbookJson() {
    }

    static Map<String, Object> entry(LoadedRunbook e) {
        Runbook rb = e.runbook();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", rb == null || rb.id().isEmpty() ? null : rb.id());
        out.put("title", rb == null || rb.title().isEmpty() ? null : rb.title());
        out.put("origin", e.origin().label());
        out.put("file", e.file());
        out.put("valid", e.valid());
        out.put("inUse", e.inUse());
        out.put("replacedBy", e.replacedBy());
        out.put("counts", rb == null ? null : counts(rb));
        out.put("problems", problems(e.problems()));
        return out;
    }

    static Map<String, Object> counts(Runbook rb) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("questions", rb.nodes().size());
        out.put("outcomes", rb.outcomes().size());
        out.put("sections", rb.allSections().count());
        out.put("steps", rb.stepCount());
        out.put("tables", rb.tables().size());
        return out;
    }

    static List<Map<String, Object>> problems(List<Problem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("message", p.message());
            return m;
        }).toList();
    }
}
