package dev.sitrep.killswitch;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Limits;
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
import dev.sitrep.sync.EscalationPolicy;
import dev.sitrep.sync.PlatformStates;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final Containment containment;

    public KillSwitchService(Profiles profiles, Function<PlatformProfile, PlatformConnector> connect, AuditLog audit,
                             IncidentService incidents, PlatformStates states, Supplier<String> actor, ReadBack readBack) {
        this.profiles = profiles;
        this.connect = connect;
        this.audit = audit;
        this.incidents = incidents;
        this.states = states;
        this.actor = actor;
        this.readBack = readBack;
        this.record = new KillSwitchRecord(audit, incidents, states, readBack.clock());
        this.containment = new Containment(audit, record, readBack, this::cullis);
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
            if (record.resolve(read) != KillSwitchRecord.Resolution.RESOLVED) {
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
        return halt(platform, Limits.cut(reason, REASON_MAX), null, SYSTEM);
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
                return failed(a, profile, c, e);
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
                return failed(a, profile, c, e);
            }
        }
    }

    /**
     * The attempt failed with {@code e}. When it never left or the platform refused it, nothing
     * changed; when the connector read the state itself (so1), that state says what changed;
     * otherwise the state is read back. It is UNKNOWN when that read fails, or when the answer was
     * lost and the platform shows no change yet (it may still be at it): it is read again in the
     * background, at each pull and by {@link #status}, until a read settles it.
     */
    private Result failed(KillSwitchRecord.Attempt a, PlatformProfile profile, PlatformConnector c, SitrepException e) {
        KillSwitchState left = e instanceof PlatformException p ? p.after() : null;
        if (left == null && !ReadBack.needed(e)) {
            return record.failed(a, e, fallback(a, profile, null));
        }
        boolean lost = left == null && ReadBack.answerLost(e);
        ReadBack.Read<KillSwitchState> read = left != null ? new ReadBack.Read<>(left, null)
                : readBack.now(() -> readState(c), s -> !lost || s.halted() == a.halt());
        KillSwitchState s = read.value();
        if (s != null && s.halted() == a.halt()) {
            return record.done(a, s, "confirmed by read-back after: " + e.getMessage(), newestEvent(c));
        }
        if (s != null && !lost) {
            return record.failed(a, e, s, fallback(a, profile, s));
        }
        Result unknown = record.unknown(a, e, read, lost, fallback(a, profile, s));
        readBack.later(() -> {
            try (PlatformConnector again = open(profiles.get(a.platform()), Capability.KILL_SWITCH_STATUS)) {
                return again.killSwitchStatus();
            }
        }, state -> record.resolve(state) != KillSwitchRecord.Resolution.STILL_PENDING,
                last -> record.stillUnknown(a.platform(), last, ReadBack.LATER_CAP));
        return unknown;
    }

    /** The manual fallback; after a partial so1 halt or resume, for the flags it left as they were. */
    private static String fallback(KillSwitchRecord.Attempt a, PlatformProfile profile, KillSwitchState left) {
        List<String> flags = left != null && left.partial() ? left.parts(!a.halt()) : profile.flags();
        return a.halt() ? ManualFallback.halt(profile, a.reason(), flags) : ManualFallback.resume(profile, a.mode(), flags);
    }

    /**
     * What a pull of the platform read ({@code read}: its kill-switch state, {@code null} when it has
     * none): settles a halt, resume or containment on it whose outcome was unknown, naming that attempt.
     */
    public void pulled(String platform, KillSwitchState read) {
        if (read != null) {
            record.resolve(read);
        }
        containment.pulled(platform);
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
     * Platforms not configured here that the team's shared audit shows halted through Sitrep (their
     * newest halt or resume, from any console, is a halt): the banner names them and who halted them,
     * so every console of the war room sees "HALTED pn by maria" whether or not it connects to pn.
     */
    public List<AuditEntry> teamHalts(Set<String> configuredHere) {
        return record.teamHalts(configuredHere);
    }

    /**
     * Containment that is not a halt: revokes an organisation's agent certificate on a Cullis
     * broker (see {@link Containment}). The org, serial and reason are checked before anything is sent.
     */
    public Result revokeCertificate(String platform, String org, String serial, String reason, IncidentId incident) {
        String why = checkReason(reason);
        String o = CullisConnector.org(org);
        String s = CullisConnector.serial(serial);
        requireIncident(incident);
        PlatformProfile profile = profiles.get(platform);
        try (CullisConnector cullis = cullis(profile.name())) {
            return containment.revoke(cullis, profile, new Containment.Revoke(profile.name(), o, s, why, actor.get(),
                    incident));
        }
    }

    /** A connector to the Cullis profile {@code platform}; refused for a platform that cannot contain. */
    private CullisConnector cullis(String platform) {
        PlatformProfile profile = profiles.get(platform);
        PlatformConnector c = open(profile, Capability.CONTAINMENT);
        if (!(c instanceof CullisConnector cullis)) {
            c.close();
            throw PlatformException.unsupported(platform, profile.kind().key(), Capability.CONTAINMENT);
        }
        return cullis;
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
