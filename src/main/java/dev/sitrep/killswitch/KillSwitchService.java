package dev.sitrep.killswitch;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformProfile;
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
import dev.sitrep.sync.PlatformStates;

import java.time.Clock;
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
        PlatformProfile profile = haltable(platform, Capability.KILL_SWITCH_STATUS);
        try (PlatformConnector c = connect.apply(profile)) {
            KillSwitchState s = withAudit(c.killSwitchStatus());
            states.confirmed(s);
            return s;
        }
    }

    public Result halt(String platform, String reason, IncidentId incident) {
        String why = checkReason(reason);
        requireIncident(incident);
        PlatformProfile profile = haltable(platform, Capability.KILL_SWITCH_HALT);
        String who = actor.get();
        try (PlatformConnector c = connect.apply(profile)) {
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
        PlatformProfile profile = haltable(platform, Capability.KILL_SWITCH_RESUME);
        String who = actor.get();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("summary", request.summary().strip());
        detail.put("mode", request.mode() == null ? "default" : request.mode());
        detail.put("checklist", "root cause identified, fix verified, review done");
        try (PlatformConnector c = connect.apply(profile)) {
            KillSwitchState confirmed = c.resume(request.mode(), who);
            if (confirmed.halted()) {
                throw PlatformException.refused(platform, "the resume was accepted but the platform still reports it halted");
            }
            AuditEntry entry = audit.append(AuditEntry.RESET, platform, who, request.summary().strip(),
                    request.approver().strip(), Json.write(detail), id(incident));
            states.confirmed(confirmed, newestEvent(c));
            onTimelines(platform, incident, "Kill switch RESUMED on " + platform + (request.mode() == null ? ""
                    : " (" + request.mode() + ")") + ", approved by " + request.approver().strip() + ": "
                    + request.summary().strip() + ". Watch recent events for 30 minutes before declaring resolved.", entry);
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
        PlatformProfile profile = haltable(platform, Capability.CONTAINMENT);
        String who = actor.get();
        String detail = "org " + org + ", certificate " + serial;
        try (PlatformConnector c = connect.apply(profile)) {
            if (!(c instanceof CullisConnector cullis)) {
                throw PlatformException.unsupported(platform, profile.kind().key(), Capability.CONTAINMENT);
            }
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
     * Records that a platform's health crossed an escalation threshold: an ESCALATED audit entry by
     * {@code system} and a timeline entry proposing the kill switch (or a rollback). Nothing is halted.
     */
    public void escalated(String platform, String why) {
        AuditEntry entry = audit.append(AuditEntry.ESCALATED, platform, "system", why, null, null, null);
        onTimelines(platform, null, "ESCALATION on " + platform + ": " + why + ". Sitrep proposes; it has not halted "
                + "anything.", entry);
    }

    private PlatformProfile haltable(String platform, Capability needed) {
        PlatformProfile profile = profiles.get(platform);
        try (PlatformConnector c = connect.apply(profile)) {
            if (!c.can(needed)) {
                throw PlatformException.unsupported(platform, profile.kind().key(), needed);
            }
        }
        return profile;
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
