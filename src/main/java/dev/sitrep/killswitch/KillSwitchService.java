package dev.sitrep.killswitch;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Escalation;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
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

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Halting and resuming a platform's automation. A halt is shown as done only when the platform
 * confirms it; a failure is never queued: it is audited, put on the timeline, and answered with
 * the manual fallback. When a failure leaves open whether the platform carried the request out
 * (a 5xx, a timeout, a lost answer), the state is read back and what it shows is recorded; when
 * even that fails the outcome is recorded as UNKNOWN and read again in the background (and by
 * {@link #status}) until the resolved fact can be added. Every attempt is one audit entry and one
 * timeline entry on the incident given, or on every active incident that names the platform.
 */
public final class KillSwitchService {

    public static final int REASON_MAX = 200;
    /** The actor of what Sitrep does by itself (escalations, opted-in halts). */
    public static final String SYSTEM = "system";

    /** Whether a halt or resume happened: done, failed (the old state is known), or not known yet. */
    public enum Outcome { DONE, FAILED, UNKNOWN }

    /**
     * What happened on one platform, and {@code said}: the outcome in the words the timeline and
     * the audit trail use ({@code HALTED (confirmed by read-back after ...)}, {@code FAILED, nothing
     * was halted: ...}, {@code UNKNOWN, checking: ...}). {@code state} is the platform's state when
     * it was read (always when done).
     */
    public record Result(String platform, Outcome outcome, KillSwitchState state, SitrepException failure,
                         String manualFallback, String said) {
        public boolean done() {
            return outcome == Outcome.DONE;
        }
    }

    private static final String BY_PLATFORM = "confirmed by the platform";

    private final Profiles profiles;
    private final Function<PlatformProfile, PlatformConnector> connect;
    private final AuditLog audit;
    private final IncidentService incidents;
    private final PlatformStates states;
    private final Supplier<String> actor;
    private final ReadBack readBack;
    private final KillSwitchRecord record;

    public KillSwitchService(Profiles profiles, Function<PlatformProfile, PlatformConnector> connect, AuditLog audit,
                             IncidentService incidents, PlatformStates states, Supplier<String> actor, ReadBack readBack) {
        this.profiles = profiles;
        this.connect = connect;
        this.audit = audit;
        this.incidents = incidents;
        this.states = states;
        this.actor = actor;
        this.readBack = readBack;
        this.record = new KillSwitchRecord(audit, incidents, states);
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

    /**
     * The platform's state, read from it now; who and why come from Sitrep's audit when the platform
     * keeps none. A halt or resume whose outcome was unknown is resolved by what this read shows.
     */
    public KillSwitchState status(String platform) {
        try (PlatformConnector c = open(profiles.get(platform), Capability.KILL_SWITCH_STATUS)) {
            KillSwitchState read = c.killSwitchStatus();
            if (!record.resolve(read)) {
                states.confirmed(read);
            }
            return record.withAudit(read);
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
            return new Result(platform, Outcome.DONE, null, null, null, "already HALTED");
        }
        String reason = "Automatic halt (the profile opted in): " + why;
        return halt(platform, reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX - 1) + "…" : reason, null,
                SYSTEM);
    }

    private Result halt(String platform, String reason, IncidentId incident, String who) {
        String why = checkReason(reason);
        requireIncident(incident);
        PlatformProfile profile = profiles.get(platform);
        KillSwitchRecord.Attempt a = new KillSwitchRecord.Attempt(true, profile.name(), who, why, null, null, incident);
        try (PlatformConnector c = open(profile, Capability.KILL_SWITCH_HALT)) {
            try {
                KillSwitchState confirmed = c.halt(why, who);
                if (!confirmed.halted()) {
                    throw PlatformException.refused(platform, "the halt was accepted but the platform still reports it "
                            + "running" + (confirmed.reason() == null ? "" : " (" + confirmed.reason() + ")"));
                }
                return record.done(a, confirmed, BY_PLATFORM, newestEvent(c));
            } catch (SitrepException e) {
                return failed(a, c, e, ManualFallback.halt(profile, why));
            }
        }
    }

    public Result resume(String platform, ResumeRequest request, IncidentId incident) {
        request.check();
        requireIncident(incident);
        PlatformProfile profile = profiles.get(platform);
        KillSwitchRecord.Attempt a = new KillSwitchRecord.Attempt(false, profile.name(), actor.get(),
                request.summary().strip(), request.approver().strip(), request.mode(), incident);
        try (PlatformConnector c = open(profile, Capability.KILL_SWITCH_RESUME)) {
            try {
                KillSwitchState confirmed = c.resume(request.mode(), a.who());
                if (confirmed.halted()) {
                    throw PlatformException.refused(platform, "the resume was accepted but the platform still reports it "
                            + "halted");
                }
                return record.done(a, confirmed, BY_PLATFORM, newestEvent(c));
            } catch (SitrepException e) {
                return failed(a, c, e, ManualFallback.resume(profile, request.mode()));
            }
        }
    }

    /**
     * The attempt failed with {@code e}. When it never left or the platform refused it, nothing
     * changed; otherwise the state read back says whether it happened, and when that cannot be read
     * either, the outcome is UNKNOWN and read again in the background.
     */
    private Result failed(KillSwitchRecord.Attempt a, PlatformConnector c, SitrepException e, String fallback) {
        if (!ReadBack.needed(e)) {
            return record.failed(a, e, fallback);
        }
        ReadBack.Read read = readBack.now(() -> readState(c));
        if (read.state() == null) {
            readBack.later(() -> {
                try (PlatformConnector again = open(profiles.get(a.platform()), Capability.KILL_SWITCH_STATUS)) {
                    return again.killSwitchStatus();
                }
            }, record::resolve, last -> record.stillUnknown(a.platform(), last, ReadBack.LATER_CAP));
            return record.unknown(a, e, read.failure(), fallback);
        }
        return read.state().halted() == a.halt()
                ? record.done(a, read.state(), "confirmed by read-back after: " + e.getMessage(), newestEvent(c))
                : record.failed(a, e, read.state(), fallback);
    }

    private static KillSwitchState readState(PlatformConnector c) {
        if (!c.can(Capability.KILL_SWITCH_STATUS)) {
            throw SitrepException.invalid(c.name() + " cannot report its kill-switch state, so it cannot be read back.");
        }
        return c.killSwitchStatus();
    }

    /**
     * Who halted each halted platform through Sitrep: the actor of Sitrep's halt in force (the newest
     * halt or resume Sitrep recorded for it is a halt, made no earlier than the platform says the halt
     * began). A platform halted outside Sitrep is left out.
     */
    public Map<String, String> haltedVia(Collection<PlatformStatus> platforms) {
        return record.haltedVia(platforms);
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
                    + (r.revokedAt() == null ? "" : " at " + r.revokedAt()), KillSwitchRecord.id(incident));
            record.onTimelines(platform, incident, "Contained on " + platform + ": revoked " + detail + " (confirmed by the "
                    + "platform): " + why, entry);
            return new Result(platform, Outcome.DONE, null, null, null, "revoked " + detail + " (confirmed by the "
                    + "platform)");
        } catch (SitrepException e) {
            AuditEntry entry = audit.append(AuditEntry.FAILED, platform, who, why, null, "revoke " + detail + ": "
                    + e.getMessage(), KillSwitchRecord.id(incident));
            String said = "FAILED, nothing was revoked: " + e.getMessage();
            record.onTimelines(platform, incident, "Containment on " + platform + " " + said, entry);
            return new Result(platform, Outcome.FAILED, null, e, ManualFallback.revoke(profile, org, serial, why, who),
                    said);
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
        record.onTimelines(platform, null, "ESCALATION on " + platform + ": " + why + ". Sitrep proposes; it has not halted "
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
}
