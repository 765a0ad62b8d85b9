package dev.sitrep.cli;

import dev.sitrep.core.ActionItem;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How the follow-up commands print action items: a line per item, or its JSON object. */
final class FollowupOutput {

    private static final String COLUMNS = "%-36s  %-22s  %-10s  %-19s  %-16s  %s%n";

    private FollowupOutput() {
    }

    static String header() {
        return String.format(Locale.ROOT, COLUMNS, "ID", "INCIDENT", "DUE", "STATUS", "OWNER", "ACTION");
    }

    /** {@code ID  INCIDENT  DUE  STATUS  OWNER  ACTION}; the status reads e.g. {@code open OVERDUE} once past due. */
    static String line(ActionItem a, LocalDate today) {
        return String.format(Locale.ROOT, COLUMNS, a.id(), a.incident(), a.due() == null ? "-" : a.due(),
                a.status().key() + (a.overdue(today) ? " OVERDUE" : ""), a.owner() == null ? "-" : a.owner(),
                a.action());
    }

    static Map<String, Object> json(ActionItem a, LocalDate today) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("incident", a.incident().value());
        out.put("action", a.action());
        out.put("owner", a.owner());
        out.put("due", a.due() == null ? null : a.due().toString());
        out.put("status", a.status().key());
        out.put("overdue", a.overdue(today));
        out.put("createdAt", a.createdAt().toString());
        out.put("updatedAt", a.updatedAt().toString());
        return out;
    }
}
