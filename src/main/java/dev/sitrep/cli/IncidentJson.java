package dev.sitrep.cli;

import dev.sitrep.core.Incident;
import dev.sitrep.core.Json;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.IncidentRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stable {@code --json} contract (src/site/markdown/cli.md): an incident is
 * {@code {"id","title","severity","status","service","platforms","commander","timeline":[...]}} and
 * a timeline entry {@code {"id","type","text","actor","occurredAt","recordedAt"}}; the fields after
 * those are additions that scripts may ignore. Times are ISO-8601 UTC.
 */
final class IncidentJson {

    private IncidentJson() {
    }

    static String write(IncidentRecord record) {
        return Json.write(incident(record));
    }

    static String writeAll(List<IncidentRecord> records) {
        return Json.write(records.stream().map(IncidentJson::incident).toList());
    }

    static Map<String, Object> incident(IncidentRecord record) {
        Incident i = record.incident();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.id().value());
        out.put("title", i.title());
        out.put("severity", i.severity());
        out.put("status", i.status().key());
        out.put("service", i.service());
        out.put("platforms", i.platforms());
        out.put("commander", i.roles().commander());
        out.put("timeline", record.timeline().stream().map(IncidentJson::event).toList());
        out.put("mergedInto", i.mergedInto() == null ? null : i.mergedInto().value());
        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put("commander", i.roles().commander());
        roles.put("scribe", i.roles().scribe());
        roles.put("commsLead", i.roles().commsLead());
        roles.put("responders", i.roles().responders());
        out.put("roles", roles);
        Map<String, Object> milestones = new LinkedHashMap<>();
        for (Milestone m : Milestone.values()) {
            milestones.put(m.key(), time(i.milestones().at(m).orElse(null)));
        }
        out.put("milestones", milestones);
        out.put("impact", i.impact());
        out.put("drill", i.drill());
        out.put("declaredAt", time(i.declaredAt()));
        out.put("declaredBy", i.declaredBy());
        out.put("updatedAt", time(i.updatedAt()));
        out.put("version", i.version());
        return out;
    }

    static Map<String, Object> event(TimelineEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("type", e.type().key());
        out.put("text", e.text());
        out.put("actor", e.actor());
        out.put("occurredAt", time(e.occurredAt()));
        out.put("recordedAt", time(e.recordedAt()));
        out.put("supersedes", e.supersedes());
        out.put("data", e.data());
        return out;
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
