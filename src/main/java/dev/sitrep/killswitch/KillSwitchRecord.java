package dev.sitrep.killswitch;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.TeamHalts;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What Sitrep writes down about a halt or resume, in one set of words: the audit entry, the
 * cached platform state and the timeline line say the same as the {@link Result} the console and
 * the CLI show. One attempt is one audit entry (plus, for an UNKNOWN outcome, the entry that
 * resolves it, naming the attempt's entry) and one timeline line on each incident it concerns.
 */
final class KillSwitchRecord {

    /** How far the platform's clock may be ahead of Sitrep's when matching a halt to Sitrep's audit. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** The audit actions of halts and resumes: the newest of them is where Sitrep's record of a kill switch stands. */
    static final List<String> ACTIONS = List.of(AuditEntry.ACTIVATED, AuditEntry.RESET, AuditEntry.FAILED,
            AuditEntry.UNKNOWN);
    /** The detail's mark of an UNKNOWN outcome whose answer never came (the platform may still be at it). */
    static final String LOST = "lost";

    /** What a read did to an unknown outcome. */
    enum Resolution { NOTHING_PENDING, RESOLVED, STILL_PENDING }

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
    private final Clock clock;

    KillSwitchRecord(AuditLog audit, IncidentService incidents, PlatformStates states, Clock clock) {
        this.audit = audit;
        this.incidents = incidents;
        this.states = states;
        this.clock = clock;
    }

    /** The platform confirmed the attempt ({@code how}: by its answer, or by a read-back). */
    Result done(Attempt a, KillSwitchState state, String how, String seenEvent) {
        return done(a, state, how, seenEvent, null);
    }

    /** As above; {@code resolves} is the UNKNOWN entry this settles ({@code null} when another process settled it first). */
    private Result done(Attempt a, KillSwitchState state, String how, String seenEvent, AuditEntry resolves) {
        String said = (a.halt() ? "HALTED" : "RESUMED") + " (" + how + ")";
        if (a.halt()) {
            AuditEntry entry = write(AuditEntry.ACTIVATED, a, how, resolves);
            if (entry == null) {
                return null;
            }
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
        AuditEntry entry = write(AuditEntry.RESET, a, Json.write(detail), resolves);
        if (entry == null) {
            return null;
        }
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
        note(AuditEntry.FAILED, a, a.verb() + ": " + e.getMessage(), said, null);
        return new Result(a.platform(), Outcome.FAILED, null, e, fallback, said);
    }

    /**
     * It may have left, and the state read back (by Sitrep, or by the connector itself) shows it did
     * not happen, or only in part: then the parts changed and those not are named.
     */
    Result failed(Attempt a, SitrepException e, KillSwitchState read, String fallback) {
        states.confirmed(read);
        String shows = shows(a, read);
        String said = read.partial() ? partly(a) + " (" + shows + "): " + e.getMessage()
                : "FAILED: " + e.getMessage() + "; read back: " + shows;
        note(AuditEntry.FAILED, a, a.verb() + ": " + e.getMessage() + "; read back: " + shows, said, null);
        return new Result(a.platform(), Outcome.FAILED, withAudit(read), e, fallback, said);
    }

    /**
     * It may have left, and what was read back does not settle it: the state could not be read, or
     * the answer was lost ({@code lost}) and the platform shows no change yet (it may still be at it).
     */
    Result unknown(Attempt a, SitrepException e, ReadBack.Read<KillSwitchState> read, boolean lost, String fallback) {
        String back = read.value() == null ? read.failure().getMessage()
                : "at " + TimeFormat.utcTime(read.value().readAt()) + ": " + shows(a, read.value());
        String said = "UNKNOWN, checking: " + e.getMessage() + "; " + (read.value() == null
                ? "reading the state back failed too: " + back
                : "read back " + back + ", and the " + a.verb() + " may still be under way");
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("attempt", a.verb());
        detail.put("mode", a.mode());
        detail.put("error", e.getMessage());
        detail.put("readBack", back);
        if (lost) {
            detail.put("answer", LOST);
        }
        note(AuditEntry.UNKNOWN, a, Json.write(detail), said, null);
        return new Result(a.platform(), Outcome.UNKNOWN, null, e, fallback, said);
    }

    /**
     * When the newest halt or resume recorded for the platform has an unknown outcome, records what
     * {@code read} shows, naming that entry: done, or failed with the platform as it is. A platform
     * whose answer was lost and that shows no change is given {@link ReadBack#LATER_CAP} to make it
     * before the unchanged state counts as the outcome.
     */
    synchronized Resolution resolve(KillSwitchState read) {
        Optional<AuditEntry> pending = pending(read.platform());
        if (pending.isEmpty()) {
            return Resolution.NOTHING_PENDING;
        }
        AuditEntry u = pending.get();
        Map<String, String> detail = Json.stringMap(u.detail());
        Attempt a = new Attempt("halt".equals(detail.get("attempt")), u.platform(), u.actor(), u.reason(), u.approver(),
                detail.get("mode"), incident(u));
        String at = "read back at " + TimeFormat.utcTime(read.readAt());
        if (read.halted() == a.halt()) {
            done(a, read, "confirmed by read-back at " + TimeFormat.utcTime(read.readAt()) + "; " + link(u), null, u);
            return Resolution.RESOLVED;
        }
        boolean lost = LOST.equals(detail.get("answer"));
        if (lost && clock.instant().isBefore(u.at().plus(ReadBack.LATER_CAP))) {
            return Resolution.STILL_PENDING;
        }
        String when = lost ? at + ", " + ReadBack.LATER_CAP.toMinutes() + " minutes after the answer was lost" : at;
        String shows = shows(a, read);
        AuditEntry entry = write(AuditEntry.FAILED, a, a.verb() + ": " + link(u) + "; " + when + ": " + shows, u);
        if (entry != null) {
            states.confirmed(read);
            onTimelines(a.platform(), a.incident(), "Kill switch " + a.verb() + " on " + a.platform() + " "
                    + (read.partial() ? partly(a) + " (" + shows + "): " + link(u) + "; " + when
                    : "FAILED: " + link(u) + "; " + when + ": " + shows), entry);
        }
        return Resolution.RESOLVED;
    }

    /** How a resolution names the attempt it settles: its audit number and entry id. */
    static String link(AuditEntry unknown) {
        return "the outcome had been unknown, audit #" + unknown.seq() + " (entry " + unknown.id() + ")";
    }

    /** The background read-back gave up: the timelines say so and how to check; the audit's UNKNOWN stands. */
    synchronized void stillUnknown(String platform, SitrepException last, Duration after) {
        pending(platform).ifPresent(u -> onTimelines(platform, incident(u), "Kill switch "
                + Json.stringMap(u.detail()).get("attempt") + " on " + platform + " still UNKNOWN after reading it back for "
                + after.toMinutes() + " minutes (" + (last == null ? "it shows no change yet" : last.getMessage())
                + "). Read it with 'sitrep kill-switch status --platform " + platform + "', which records what it finds.",
                clock.instant(), u));
    }

    /** The newest halt or resume recorded for the platform, when its outcome is unknown. */
    private Optional<AuditEntry> pending(String platform) {
        return audit.latest(platform, ACTIONS.toArray(String[]::new))
                .filter(e -> AuditEntry.UNKNOWN.equals(e.action()))
                .filter(e -> List.of("halt", "resume").contains(Json.stringMap(e.detail()).get("attempt")));
    }

    /** What the state shows of the attempt: unchanged, or which parts changed and which not. */
    private static String shows(Attempt a, KillSwitchState s) {
        if (!s.partial()) {
            return a.unchanged();
        }
        return "flags " + (a.halt() ? "disabled" : "enabled") + ": " + String.join(", ", s.parts(a.halt()))
                + "; still " + (a.halt() ? "enabled" : "disabled") + ": " + String.join(", ", s.parts(!a.halt()));
    }

    private static String partly(Attempt a) {
        return a.halt() ? "PARTLY HALTED" : "PARTLY RESUMED";
    }

    /** See {@link KillSwitchService#haltedVia}. */
    Map<String, String> haltedVia(Collection<PlatformStatus> platforms) {
        Map<String, String> via = new LinkedHashMap<>();
        for (PlatformStatus s : platforms) {
            if (Boolean.TRUE.equals(s.halted())) {
                audit.latestInTeam(s.name(), AuditEntry.ACTIVATED, AuditEntry.RESET)
                        .filter(e -> AuditEntry.ACTIVATED.equals(e.action()))
                        .filter(e -> s.haltedSince() == null || !e.at().isBefore(s.haltedSince().minus(CLOCK_SKEW)))
                        .ifPresent(e -> via.put(s.name(), e.actor()));
            }
        }
        return via;
    }

    /** See {@link KillSwitchService#teamHalts}. */
    List<AuditEntry> teamHalts(Set<String> configuredHere) {
        List<AuditEntry> all = new ArrayList<>(audit.shared());
        all.addAll(audit.all());
        return TeamHalts.standing(all).stream().filter(e -> !configuredHere.contains(e.platform())).toList();
    }

    /** The state, with who and why from Sitrep's audit when the platform keeps none. */
    KillSwitchState withAudit(KillSwitchState s) {
        if (!s.halted() || s.by() != null) {
            return s;
        }
        return audit.latest(s.platform(), AuditEntry.ACTIVATED)
                .map(a -> new KillSwitchState(s.platform(), true, s.since(), a.actor() + " (per Sitrep's audit)",
                        a.reason(), s.readAt(), s.parts()))
                .orElse(s);
    }

    /** A failed or unknown attempt: its audit entry and the timeline line "Kill switch halt on pn {@code said}". */
    private void note(String action, Attempt a, String detail, String said, AuditEntry resolves) {
        AuditEntry entry = write(action, a, detail, resolves);
        if (entry != null) {
            onTimelines(a.platform(), a.incident(), "Kill switch " + a.verb() + " on " + a.platform() + " " + said, entry);
        }
    }

    /**
     * The attempt's audit entry; when it {@code resolves} an UNKNOWN one, written only while that is
     * still the platform's newest halt or resume ({@code null} when another process resolved it).
     */
    private AuditEntry write(String action, Attempt a, String detail, AuditEntry resolves) {
        if (resolves == null) {
            return audit.append(action, a.platform(), a.who(), a.reason(), a.approver(), detail, id(a.incident()));
        }
        Predicate<List<AuditEntry>> stillNewest = entries -> entries.stream().filter(e -> ACTIONS.contains(e.action()))
                .findFirst().map(e -> e.seq() == resolves.seq()).orElse(false);
        return audit.appendIf(stillNewest, action, a.platform(), a.who(), a.reason(), a.approver(), detail,
                id(a.incident()));
    }

    /** {@code text} on the incident given, or on every active incident naming the platform, when {@code entry} was written. */
    void onTimelines(String platform, IncidentId given, String text, AuditEntry entry) {
        onTimelines(platform, given, text, entry.at(), entry);
    }

    void onTimelines(String platform, IncidentId given, String text, Instant at, AuditEntry about) {
        List<Incident> targets = given != null ? List.of(incidents.show(given).incident())
                : incidents.list(IncidentService.ACTIVE).stream().filter(i -> i.platforms().contains(platform)).toList();
        for (Incident i : targets) {
            incidents.record(i.id(), EventType.KILL_SWITCH, text, at,
                    Map.of("platform", platform, "audit", Long.toString(about.seq()), "action", about.action()));
        }
    }

    static IncidentId incident(AuditEntry e) {
        return e.incidentId() == null ? null : IncidentId.parse(e.incidentId());
    }

    static String id(IncidentId incident) {
        return incident == null ? null : incident.value();
    }
}
