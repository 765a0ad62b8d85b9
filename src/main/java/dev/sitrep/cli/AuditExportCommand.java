package dev.sitrep.cli;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.Json;
import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print the audit trail: log lines in the runbooks' format, or JSON lines.")
final class AuditExportCommand extends StoreCommand {

    @Option(names = "--format", defaultValue = "log", description = "log (default) or jsonl.")
    String format;

    @Override
    int run(Context c) {
        boolean jsonl = switch (format) {
            case "log" -> false;
            case "jsonl" -> true;
            default -> throw SitrepException.invalid("Unknown --format " + Limits.quote(format) + "; use log or jsonl.");
        };
        for (AuditEntry e : c.services().audit().all()) {
            c.out().println(jsonl ? Json.write(asJson(e)) : logLine(e));
        }
        return 0;
    }

    /**
     * {@code 2025-10-22T14:32:15Z ACTIVATED reason="..." actor="..." platform="..."} (+ approver, a failure's
     * error, an unknown outcome's detail).
     */
    static String logLine(AuditEntry e) {
        StringBuilder s = new StringBuilder(e.at().truncatedTo(ChronoUnit.SECONDS).toString()).append(' ').append(e.action());
        s.append(" reason=").append(quoted(e.reason())).append(" actor=").append(quoted(e.actor()));
        if (e.approver() != null) {
            s.append(" approver=").append(quoted(e.approver()));
        }
        if (AuditEntry.FAILED.equals(e.action()) && e.detail() != null) {
            s.append(" error=").append(quoted(e.detail()));
        } else if (AuditEntry.UNKNOWN.equals(e.action()) && e.detail() != null) {
            s.append(" detail=").append(quoted(e.detail()));
        }
        if (e.platform() != null) {
            s.append(" platform=").append(quoted(e.platform()));
        } else if (e.detail() != null) {
            s.append(" detail=").append(quoted(e.detail())); // evidence custody: which item, its hash
        }
        return s.toString();
    }

    private static String quoted(String v) {
        return "\"" + (v == null ? "" : v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ")) + "\"";
    }

    private static Map<String, Object> asJson(AuditEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", e.seq());
        out.put("at", e.at().toString());
        out.put("action", e.action());
        out.put("platform", e.platform());
        out.put("actor", e.actor());
        out.put("reason", e.reason());
        out.put("approver", e.approver());
        out.put("detail", e.detail());
        out.put("incident", e.incidentId());
        out.put("prevHash", e.prevHash());
        out.put("hash", e.hash());
        return out;
    }
}
