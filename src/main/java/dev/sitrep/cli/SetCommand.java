package dev.sitrep.cli;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.Role;
import dev.sitrep.core.SitrepException;
import dev.sitrep.incident.Change;
import dev.sitrep.incident.IncidentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Change an incident's status, severity, roles, milestones or impact; each change goes on the timeline.")
final class SetCommand extends StoreCommand {

    @Parameters(paramLabel = "ID", description = "The incident id.")
    String id;

    @Option(names = "--status", description = "investigating, identified, mitigating, monitoring, resolved, closed, declined or merged.")
    String status;

    @Option(names = "--into", paramLabel = "ID", description = "With --status merged: the incident it is merged into.")
    String into;

    @Option(names = "--severity", description = "A level of the workspace scale; needs --reason.")
    String severity;

    @Option(names = "--reason", description = "Why (required for a severity change).")
    String reason;

    @Option(names = "--commander", paramLabel = "NAME")
    String commander;

    @Option(names = "--scribe", paramLabel = "NAME")
    String scribe;

    @Option(names = "--comms-lead", paramLabel = "NAME")
    String commsLead;

    @Option(names = "--responder", paramLabel = "NAME", description = "Adds a responder.")
    String responder;

    @Option(names = "--milestone", description = "detected, acknowledged, first_communication, mitigated or resolved.")
    String milestone;

    @Option(names = "--at", paramLabel = "TIME", description = "With --milestone: when it was reached (default: now).")
    String at;

    @Option(names = "--impact", paramLabel = "TEXT", description = "What users see and how many are hit.")
    String impact;

    @Override
    int run(Context c) {
        IncidentId incident = IncidentId.parse(id);
        IncidentService service = c.services().incidents();
        List<Supplier<Change>> changes = new ArrayList<>();
        if (status != null) {
            IncidentStatus target = IncidentStatus.parse(status);
            IncidentId mergeTarget = into == null ? null : IncidentId.parse(into);
            changes.add(() -> service.setStatus(incident, target, reason, mergeTarget));
        } else if (into != null) {
            throw SitrepException.invalid("--into goes with --status merged.");
        }
        if (severity != null) {
            changes.add(() -> service.setSeverity(incident, severity, reason));
        }
        addRole(changes, service, incident, Role.COMMANDER, commander);
        addRole(changes, service, incident, Role.SCRIBE, scribe);
        addRole(changes, service, incident, Role.COMMS_LEAD, commsLead);
        addRole(changes, service, incident, Role.RESPONDER, responder);
        if (milestone != null) {
            Milestone m = Milestone.parse(milestone);
            Instant when = c.time(at);
            changes.add(() -> service.markMilestone(incident, m, when));
        } else if (at != null) {
            throw SitrepException.invalid("--at goes with --milestone here; to backdate a note use 'sitrep incident note --at'.");
        }
        if (impact != null) {
            changes.add(() -> service.setImpact(incident, impact));
        }
        if (changes.isEmpty()) {
            throw SitrepException.invalid("Nothing to change; give --status, --severity with --reason, --commander, "
                    + "--scribe, --comms-lead, --responder, --milestone or --impact.");
        }
        for (Supplier<Change> change : changes) {
            c.out().println(change.get().message());
        }
        return 0;
    }

    private static void addRole(List<Supplier<Change>> changes, IncidentService service, IncidentId incident, Role role,
                                String name) {
        if (name != null) {
            changes.add(() -> service.assign(incident, role, name));
        }
    }
}
