package dev.sitrep.incident;

import dev.sitrep.core.Checklist;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SitrepException;
import dev.sitrep.runbook.OpenedSection;
import dev.sitrep.runbook.Section;
import dev.sitrep.runbook.TriageResult;
import dev.sitrep.runbook.TriageSession;
import dev.sitrep.runbook.TriageStep;
import dev.sitrep.store.Store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a finished triage on an incident so the postmortem can say why: each question and answer,
 * the outcome, the severity decision, and the outcome's sections opened as checklists.
 * A recommendation above the incident's severity raises it; one below is recorded and left to
 * the commander (when in doubt, the higher severity stands).
 */
public final class TriageRecorder {

    /** What applying did: the severity decision as written on the timeline, and the checklists opened. */
    public record Applied(String severityDecision, List<Checklist> checklists) {
    }

    private final Store store;
    private final IncidentService incidents;
    private final Checklists checklists;

    public TriageRecorder(Store store, IncidentService incidents, Checklists checklists) {
        this.store = store;
        this.incidents = incidents;
        this.checklists = checklists;
    }

    public Applied apply(IncidentId id, TriageSession session) {
        TriageResult result = session.result().orElseThrow(() -> SitrepException.invalid("The triage is not finished: "
                + "answer the remaining questions first."));
        String runbook = session.tree().id();
        store.write(tx -> {
            incidents.lock(tx, id);
            for (TriageStep step : session.breadcrumbs()) {
                Map<String, String> data = data(runbook);
                data.put("question", step.node().id());
                data.put("answer", Integer.toString(step.number()));
                data.put("unsure", Boolean.toString(step.unsure()));
                incidents.append(tx, id, EventType.TRIAGE, step.line(), null, null, data);
            }
            Map<String, String> data = data(runbook);
            if (result.outcome() != null) {
                data.put("outcome", result.outcome().id());
            }
            incidents.append(tx, id, EventType.TRIAGE, result.line() + (result.unsure()
                    ? " (reached through \"not sure\": the more severe branch was taken)" : ""), null, null, data);
            return null;
        });
        String decision = decideSeverity(id, result);
        List<Checklist> opened = new ArrayList<>();
        for (OpenedSection s : result.sections()) {
            List<Checklists.StepSpec> steps = steps(s.section());
            if (!steps.isEmpty()) {
                opened.add(checklists.open(id, s.runbook().id(), s.section().id(), s.section().title(), steps));
            }
        }
        return new Applied(decision, opened);
    }

    private String decideSeverity(IncidentId id, TriageResult result) {
        SeverityScale scale = incidents.scale();
        SeverityLevel recommended = result.severityOn(scale).orElse(null);
        Incident incident = incidents.show(id).incident();
        if (recommended == null) {
            return note(id, "Severity decision: " + incident.severity() + " kept (the triage ended in a section, without "
                    + "a severity)");
        }
        String current = incident.severity();
        if (recommended.code().equals(current)) {
            return note(id, "Severity decision: " + current + ", as the triage recommends");
        }
        boolean higher = scale.find(current).map(old -> scale.rank(recommended.code()) < scale.rank(old.code()))
                .orElse(true);
        if (higher) {
            incidents.setSeverity(id, recommended.code(), "triage outcome: " + result.title());
            return "Severity decision: raised " + current + " → " + recommended.code() + " as the triage recommends";
        }
        return note(id, "Severity decision: " + current + " kept; the triage recommends " + recommended.code()
                + ". Lowering it is the commander's call, with a reason.");
    }

    private String note(IncidentId id, String text) {
        incidents.record(id, EventType.TRIAGE, text, null, Map.of("decision", "severity"));
        return text;
    }

    /** The section's steps, and those of the sections inside it, in reading order. */
    private static List<Checklists.StepSpec> steps(Section section) {
        return section.flatten().flatMap(s -> s.steps().stream())
                .map(st -> new Checklists.StepSpec(st.text(), st.command(), st.expect())).toList();
    }

    private static Map<String, String> data(String runbook) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("runbook", runbook);
        return data;
    }
}
