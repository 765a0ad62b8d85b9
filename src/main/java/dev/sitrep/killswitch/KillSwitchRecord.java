package dev.sitrep.killswitch;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.ResumeWatch;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.killswitch.KillSwitchService.Outcome;
import dev.sitrep.killswitch.KillSwitchService.Result;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.sync.PlatformStates;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Sitrep writes down about a halt or resume, in one set of words: the audit entry, the
 * cached platform state and the timeline line say the same as the {@link Result} the console and
 * the CLI show. One attempt is one audit entry (plus, for an UNKNOWN outcome, the entry that
 * resolves it) and one timeline line on each incident it concerns.
 */
final class KillSwitchRecord {

    /** How far the platform's clock may be ahead of Sitrep's when matching a halt to Sitrep's audit. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /** One halt or resume as sent, whatever came of it. {@code reason} is a halt's reason or a resume's summary. */
    record Attempt(boolean halt, String platform, String who, String reason, String approver, String mode,
                   IncidentId incident) {
        String verb() {
            return halt ? "halt" : "resume";
        }

        /** The platform's state before: what a failure leaves it in. */
        String unchanged() {
            return halt ? "running, nothing was halted" : "still halted";
        }
    }

    private final AuditLog audit;
    private final IncidentService incidents;
    private final PlatformStates states;

    KillSwitchRecord(AuditLog audit, IncidentService incidents, PlatformStates states) {
        this.audit = audit;
        this.incidents = incidents;
        this.states = states;
    }

    /** The platform confirmed the attempt ({@code how}: by its answer, or by a read-back). */
    Result done(Attempt a, KillSwitchState state, String how, String seenEvent) {
        String said = (a.halt() ? "HALTED" : "RESUMED") + " (" + how + ")";
        if (a.halt()) {
            AuditEntry entry = audit.append(AuditEntry.ACTIVATED, a.platform(), a.who(), a.reason(), null, how,
                    id(a.incident()));
            states.confirmed(state, seenEvent);
            onTimelines(a.platform(), a.incident(), "Kill switch HALTED on " + a.platform() + " (" + how + "): "
                    + a.reason(), entry);
            return new Result(a.platform(), Outcome.DONE, withAudit(state), null, null, said);
        }
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("summary", a.reason());
        detail.put("mode", a.mode() == null ? "default" : a.mode());
        detail.put("checklist", "root cause identified, fix verified, review done");
        detail.put("confirmed", how);
        AuditEntry entry = audit.append(AuditEntry.RESET, a.platform(), a.who(), a.reason(), a.approver(),
                Json.write(detail), id(a.incident()));
        states.resumed(state, seenEvent);
        onTimelines(a.platform(), a.incident(), "Kill switch RESUMED on " + a.platform() + " ("
                + (a.mode() == null ? "" : a.mode() + "; ") + how + "), approved by " + a.approver() + ": " + a.reason()
                + ". Incidents naming " + a.platform() + " are watched for " + ResumeWatch.LENGTH.toMinutes()
                + " minutes before they may be resolved.", entry);
        return new Result(a.platform(), Outcome.DONE, state, null, null, said);
    }

    /** It never left, or the platform refused it: nothing changed, certainly. */
    Result failed(Attempt a, SitrepException e, String fallback) {
        String said = "FAILED, " + (a.halt() ? "nothing was halted" : "still halted") + ": " + e.getMessage();
        note(AuditEntry.FAILED, a, a.verb() + ": " + e.getMessage(), said);
        return new Result(a.platform(), Outcome.FAILED, null, e, fallback, said);
    }

    /** It may have left, and the state read back shows it did not happen. */
    Result failed(Attempt a, SitrepException e, KillSwitchState read, String fallback) {
        states.confirmed(read);
        String said = "FAILED: " + e.getMessage() + "; read back: " + a.unchanged();
        note(AuditEntry.FAILED, a, a.verb() + ": " + e.getMessage() + "; read back: " + a.unchanged(), said);
        return new Result(a.platform(), Outcome.FAILED, withAudit(read), e, fallback, said);
    }

    /** It may have left, and the state could not be read back either. */
    Result unknown(Attempt a, SitrepException e, SitrepException readBackFailure, String fallback) {
        String said = "UNKNOWN, checking: " + e.getMessage() + "; reading the state back failed too: "
                + readBackFailure.getMessage();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("attempt", a.verb());
        detail.put("mode", a.mode());
        detail.put("error", e.getMessage());
        detail.put("readBack", readBackFailure.getMessage());
        note(AuditEntry.UNKNOWN, a, Json.write(detail), said);
        return new Result(a.platform(), Outcome.UNKNOWN, null, e, fallback, said);
    }

    /**
     * When the newest halt or resume recorded for the platform has an unknown outcome, records what
     * {@code read} shows: done, or failed with the platform as it was. Returns whether it did (and
     * so cached the state).
     */
    synchronized boolean resolve(KillSwitchState read) {
        Optional<AuditEntry> pending = pending(read.platform());
        if (pending.isEmpty()) {
            return false;
        }
        AuditEntry u = pending.get();
        Map<String, String> detail = Json.stringMap(u.detail());
        Attempt a = new Attempt("halt".equals(detail.get("attempt")), u.platform(), u.actor(), u.reason(), u.approver(),
                detail.get("mode"), incident(u));
        String at = TimeFormat.utcTime(read.readAt());
        if (read.halted() == a.halt()) {
            done(a, read, "confirmed by read-back at " + at + "; the outcome had been unknown, audit #" + u.seq(), null);
        } else {
            states.confirmed(read);
            note(AuditEntry.FAILED, a, a.verb() + ": the outcome had been unknown, audit #" + u.seq() + "; read back at "
                    + at + ": " + a.unchanged(), "FAILED: the outcome had been unknown; read back at " + at + ": "
                    + a.unchanged());
        }
        return true;
    }

    /** The background read-back gave up: the timelines say so and how to check; the audit's UNKNOWN stands. */
    synchronized void stillUnknown(String platform, SitrepException last, Duration after) {
        pending(platform).ifPresent(u -> onTimelines(platform, incident(u), "Kill switch "
                + Json.stringMap(u.detail()).get("attempt") + " on " + platform + " still UNKNOWN after reading it back for "
                + after.toMinutes() + " minutes (" + last.getMessage() + "). Read it with 'sitrep kill-switch status "
                + "--platform " + platform + "', which records what it finds.", null, u));
    }

    /** The newest halt or resume recorded for the platform, when its outcome is unknown. */
    private Optional<AuditEntry> pending(String platform) {
        return audit.latest(platform, AuditEntry.ACTIVATED, AuditEntry.RESET, AuditEntry.FAILED, AuditEntry.UNKNOWN)
                .filter(e -> AuditEntry.UNKNOWN.equals(e.action()));
    }

    /** See {@link KillSwitchService#haltedVia}. */
    Map<String, String> haltedVia(Collection<PlatformStatus> platforms) {
        Map<String, String> via = new LinkedHashMap<>();
        for (PlatformStatus s : platforms) {
            if (Boolean.TRUE.equals(s.halted())) {
                audit.latest(s.name(), AuditEntry.ACTIVATED, AuditEntry.RESET)
                        .filter(e -> AuditEntry.ACTIVATED.equals(e.action()))
                        .filter(e -> s.haltedSince() == null || !e.at().isBefore(s.haltedSince().minus(CLOCK_SKEW)))
                        .ifPresent(e -> via.put(s.name(), e.actor()));
            }
        }
        return via;
    }

    /** The state, with who and why from Sitrep's audit when the platform keeps none. */
    KillSwitchState withAudit(KillSwitchState s) {
        if (!s.halted() || s.by() != null) {
            return s;
        }
        return audit.latest(s.platform(), AuditEntry.ACTIVATED)
                .map(a -> new KillSwitchState(s.platform(), true, s.since(), a.actor() + " (per Sitrep's audit)",
                        a.reason(), s.readAt()))
                .orElse(s);
    }

    /** A failed or unknown attempt: its audit entry and the timeline line "Kill switch halt on pn {@code said}". */
    private void note(String action, Attempt a, String detail, String said) {
        AuditEntry entry = audit.append(action, a.platform(), a.who(), a.reason(), a.approver(), detail, id(a.incident()));
        onTimelines(a.platform(), a.incident(), "Kill switch " + a.verb() + " on " + a.platform() + " " + said, entry);
    }

    /** {@code text} on the incident given, or on every active incident naming the platform, when {@code entry} was written. */
    void onTimelines(String platform, IncidentId given, String text, AuditEntry entry) {
        onTimelines(platform, given, text, entry.at(), entry);
    }

    private void onTimelines(String platform, IncidentId given, String text, Instant at, AuditEntry about) {
        List<Incident> targets = given != null ? List.of(incidents.show(given).incident())
                : incidents.list(IncidentService.ACTIVE).stream().filter(i -> i.platforms().contains(platform)).toList();
        for (Incident i : targets) {
            incidents.record(i.id(), EventType.KILL_SWITCH, text, at,
                    Map.of("platform", platform, "audit", Long.toString(about.seq()), "action", about.action()));
        }
    }

    private static IncidentId incident(AuditEntry e) {
        return e.incidentId() == null ? null : IncidentId.parse(e.incidentId());
    }

    static String id(IncidentId incident) {
        return incident == null ? null : incident.value();
    }
}
