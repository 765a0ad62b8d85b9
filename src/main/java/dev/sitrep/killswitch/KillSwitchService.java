package dev.sitrep.killswitch;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Escalation;
import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.ResumeWatch;
import dev.sitrep.core.SitrepException;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.platform.Profiles;
import dev.sitrep.platform.RestorePreview;
import dev.sitrep.platform.cullis.CullisConnector;
import dev.sitrep.platform.cullis.Revocation;
import dev.sitrep.sync.EscalationPolicy;
import dev.sitrep.sync.PlatformStates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Halting and resuming a platform's automation. A halt is shown as done only when the platform
 * confirms it; a failure is never queued: it is audited, put on the timeline, and answered with
 * the manual fallback. Every attempt is an audit entry and a timeline entry on the incident
 * given, or on every active incident that names the platform.
 */
public final class KillSwitchService {

    public static final int REASON_MAX = 200;
    /** The actor of what Sitrep does by itself (escalations, opted-in halts). */
    public static final String SYSTEM = "system";

    /** What happened on one platform. {@code state} is the platform's confirmed state when {@code done}. */
    public record Result(String platform, boolean done, KillSwitchState state, SitrepException failure,
                         String manualFallback) {
    }

    private final Profiles profiles;
    private final Function<PlatformProfile, PlatformConnector> connect;
    private final AuditLog audit;
    private final IncidentService incidents;
    private final PlatformStates states;
    private final Supplier<String> actor;

    public KillSwitchService(Profiles profiles, Function<PlatformProfile, PlatformConnector> connect, AuditLog audit,
                             IncidentService incidents, PlatformStates states, Supplier<String> actor) {
        this.profiles = profiles;
        this.connect = connect;
        this.audit = audit;
        this.incidents = incidents;
        this.states = states;
        this.actor = actor;
    }

    /** A halt's reason: one sentence, required, at most {@value #REASON_MAX} characters. */
    public static String checkReason(String raw) {
        String reason = raw == null ? "" : raw.strip();
        if (reason.isEmpty()) {
            throw SitrepException.invalid("A halt needs a reason: one sentence saying why (it goes on the audit trail "
                    + "and the timeline).");
        }
        if (reason.length() > REASON_MAX) {
            throw SitrepException.invalid("The reason is " + reason.length() + " characters; keep it to one sentence of at "
                    + "most " + REASON_MAX + ".");
        }
        return reason;
    }

    /** The platform's state, read from it now; who and why come from Sitrep's audit when the platform keeps none. */
    public KillSwitchState status(String platform) {
        try (PlatformConnector c = open(profiles.get(platform), Capability.KILL_SWITCH_STATUS)) {
            KillSwitchState s = withAudit(c.killSwitchStatus());
            states.confirmed(s);
            return s;
        }
    }

    public Result halt(String platform, String reason, IncidentId incident) {
        return halt(platform, reason, incident, actor.get());
    }

    /**
     * The halt a profile opted in to: its health checks escalated and the team chose to have
     * Sitrep halt it rather than only propose. Audited as {@code system}; a platform already
     * halted is left as it is.
     */
    public Result autoHalt(String platform, String why) {
        if (Boolean.TRUE.equals(states.get(platform).halted())) {
            return new Result(platform, true, null, null, null);
        }
        String reason = "Automatic halt (the profile opted in): " + why;
        return halt(platform, reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX - 1) + "…" : reason, null,
                SYSTEM);
    }

    private Result halt(String platform, String reason, IncidentId incident, String who) {
        String why = checkReason(reason);
        requireIncident(incident);
        PlatformProfile profile = profiles.get(platform);
        try (PlatformConnector c = open(profile, Capability.KILL_SWITCH_HALT)) {
            return halt(c, profile, why, incident, who);
        }
    }

    private Result halt(PlatformConnector c, PlatformProfile profile, String why, IncidentId incident, String who) {
        String platform = profile.name();
        try {
            KillSwitchState confirmed = c.halt(why, who);
            if (!confirmed.halted()) {
                throw PlatformException.refused(platform, "the halt was accepted but the platform still reports it running"
                        + (confirmed.reason() == null ? "" : " (" + confirmed.reason() + ")"));
            }
            AuditEntry entry = audit.append(AuditEntry.ACTIVATED, platform, who, why, null, null, id(incident));
            KillSwitchState shown = withAudit(confirmed);
            states.confirmed(shown, newestEvent(c));
            onTimelines(platform, incident, "Kill switch HALTED on " + platform + " (confirmed by the platform): " + why,
                    entry);
            return new Result(platform, true, shown, null, null);
        } catch (SitrepException e) {
            AuditEntry entry = audit.append(AuditEntry.FAILED, platform, who, why, null, "halt: " + e.getMessage(),
                    id(incident));
            onTimelines(platform, incident, "Kill switch halt on " + platform + " FAILED, nothing was halted: "
                    + e.getMessage(), entry);
            return new Result(platform, false, null, e, ManualFallback.halt(profile, why));
        }
    }

    public Result resume(String platform, ResumeRequest request, IncidentId incident) {
        request.check();
        requireIncident(incident);
        PlatformProfile profile = profiles.get(platform);
        try (PlatformConnector c = open(profile, Capability.KILL_SWITCH_RESUME)) {
            return resume(c, profile, request, incident);
        }
    }

    private Result resume(PlatformConnector c, PlatformProfile profile, ResumeRequest request, IncidentId incident) {
        String platform = profile.name();
        String who = actor.get();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("summary", request.summary().strip());
        detail.put("mode", request.mode() == null ? "default" : request.mode());
        detail.put("checklist", "root cause identified, fix verified, review done");
        try {
            KillSwitchState confirmed = c.resume(request.mode(), who);
            if (confirmed.halted()) {
                throw PlatformException.refused(platform, "the resume was accepted but the platform still reports it halted");
            }
            AuditEntry entry = audit.append(AuditEntry.RESET, platform, who, request.summary().strip(),
                    request.approver().strip(), Json.write(detail), id(incident));
            states.resumed(confirmed, newestEvent(c));
            onTimelines(platform, incident, "Kill switch RESUMED on " + platform + (request.mode() == null ? ""
                    : " (" + request.mode() + ")") + ", approved by " + request.approver().strip() + ": "
                    + request.summary().strip() + ". Incidents naming " + platform + " are watched for "
                    + ResumeWatch.LENGTH.toMinutes() + " minutes before they may be resolved.", entry);
            return new Result(platform, true, confirmed, null, null);
        } catch (SitrepException e) {
            AuditEntry entry = audit.append(AuditEntry.FAILED, platform, who, request.summary().strip(),
                    request.approver().strip(), "resume: " + e.getMessage(), id(incident));
            onTimelines(platform, incident, "Kill switch resume on " + platform + " FAILED, still halted: " + e.getMessage(),
                    entry);
            return new Result(platform, false, null, e, ManualFallback.resume(profile, request.mode()));
        }
    }

    /**
     * Containment that is not a halt: revokes an organisation's agent certificate on a Cullis
     * broker. Audited and put on the timelines like a halt; a failure answers the manual request.
     */
    public Result revokeCertificate(String platform, String org, String serial, String reason, IncidentId incident) {
        String why = checkReason(reason);
        requireIncident(incident);
        PlatformProfile profile = profiles.get(platform);
        try (PlatformConnector c = open(profile, Capability.CONTAINMENT)) {
            if (!(c instanceof CullisConnector cullis)) {
                throw PlatformException.unsupported(platform, profile.kind().key(), Capability.CONTAINMENT);
            }
            return revoke(cullis, profile, org, serial, why, incident);
        }
    }

    private Result revoke(CullisConnector cullis, PlatformProfile profile, String org, String serial, String why,
                          IncidentId incident) {
        String platform = profile.name();
        String who = actor.get();
        String detail = "org " + org + ", certificate " + serial;
        try {
            Revocation r = cullis.revoke(serial, org, why, who);
            AuditEntry entry = audit.append(AuditEntry.CONTAINED, platform, who, why, null, "revoked " + detail
                    + (r.revokedAt() == null ? "" : " at " + r.revokedAt()), id(incident));
            onTimelines(platform, incident, "Contained on " + platform + ": revoked " + detail + " (confirmed by the "
                    + "platform): " + why, entry);
            return new Result(platform, true, null, null, null);
        } catch (SitrepException e) {
            AuditEntry entry = audit.append(AuditEntry.FAILED, platform, who, why, null, "revoke " + detail + ": "
                    + e.getMessage(), id(incident));
            onTimelines(platform, incident, "Containment on " + platform + " FAILED, nothing was revoked: "
                    + e.getMessage(), entry);
            return new Result(platform, false, null, e, ManualFallback.revoke(profile, org, serial, why, who));
        }
    }

    /** What a full resume would restore, when the platform can say (powernode); {@code null} otherwise. */
    public RestorePreview restorePreview(String platform) {
        PlatformProfile profile = profiles.get(platform);
        try (PlatformConnector c = connect.apply(profile)) {
            return c.can(Capability.RESTORE_PREVIEW) ? c.restorePreview() : null;
        }
    }

    /**
     * What a pull loop calls when a platform's health checks escalate: the audit entry and the
     * timeline proposal, and the halt the profile opted in to (only then does Sitrep act by itself).
     */
    public void onEscalation(PlatformProfile profile, EscalationPolicy.Decision decision) {
        escalated(profile.name(), decision.why());
        if (profile.autoHalt() && decision.level() != Escalation.Level.NONE) {
            autoHalt(profile.name(), decision.why());
        }
    }

    /**
     * Records that a platform's health crossed an escalation threshold: an ESCALATED audit entry by
     * {@code system} and a timeline entry proposing the kill switch (or a rollback). Nothing is halted.
     */
    public void escalated(String platform, String why) {
        AuditEntry entry = audit.append(AuditEntry.ESCALATED, platform, SYSTEM, why, null, null, null);
        onTimelines(platform, null, "ESCALATION on " + platform + ": " + why + ". Sitrep proposes; it has not halted "
                + "anything.", entry);
    }

    /** A connector to the platform, refusing (before anything is sent or audited) one that cannot do {@code needed}. */
    private PlatformConnector open(PlatformProfile profile, Capability needed) {
        PlatformConnector c = connect.apply(profile);
        if (!c.can(needed)) {
            c.close();
            throw PlatformException.unsupported(profile.name(), profile.kind().key(), needed);
        }
        return c;
    }

    /** The platform's newest kill-switch event (the one this halt or resume made), when it keeps a history. */
    private static String newestEvent(PlatformConnector c) {
        if (!c.can(Capability.KILL_SWITCH_EVENTS)) {
            return null;
        }
        try {
            List<dev.sitrep.platform.KillSwitchEvent> events = c.killSwitchEvents(1);
            return events.isEmpty() ? null : events.get(0).id();
        } catch (SitrepException e) {
            return null; // the pull loop will write it then; a duplicate line beats a lost one
        }
    }

    private void requireIncident(IncidentId incident) {
        if (incident != null) {
            incidents.show(incident);
        }
    }

    private KillSwitchState withAudit(KillSwitchState s) {
        if (!s.halted() || s.by() != null) {
            return s;
        }
        return audit.latest(s.platform(), AuditEntry.ACTIVATED)
                .map(a -> new KillSwitchState(s.platform(), true, s.since(), a.actor() + " (per Sitrep's audit)",
                        a.reason(), s.readAt()))
                .orElse(s);
    }

    private void onTimelines(String platform, IncidentId given, String text, AuditEntry entry) {
        List<Incident> targets = given != null ? List.of(incidents.show(given).incident())
                : incidents.list(IncidentService.ACTIVE).stream().filter(i -> i.platforms().contains(platform)).toList();
        for (Incident i : targets) {
            incidents.record(i.id(), EventType.KILL_SWITCH, text, entry.at(),
                    Map.of("platform", platform, "audit", Long.toString(entry.seq()), "action", entry.action()));
        }
    }

    private static String id(IncidentId incident) {
        return incident == null ? null : incident.value();
    }
}
