package dev.sitrep.wall;

import dev.sitrep.board.CardBadges;
import dev.sitrep.board.CardClocks;
import dev.sitrep.board.Deadline;
import dev.sitrep.board.Lanes;
import dev.sitrep.comms.StatusUpdates;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.ResumeWatch;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.store.Store;
import dev.sitrep.workspace.WorkspaceSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wall's model: reads the store (off any UI thread), keeps the last good reading, and turns it
 * into a {@link WallSnapshot} for a moment and a page. When reading has failed for longer than
 * {@link #STALE_AFTER}, the snapshot says "stale since" instead of passing old data off as current.
 */
public final class WallModel {

    /** Reading failing for this long turns the wall's stale marker on. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(10);

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm zzz · EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** What one good read of the store gave. */
    record Reading(Instant at, SeverityScale scale, boolean drill, List<Incident> active,
                   Map<IncidentId, Instant> lastUpdates, Map<IncidentId, ResumeWatch> watches,
                   List<PlatformProfile> profiles, Map<String, PlatformStatus> states) {
    }

    private final Store store;
    private final IncidentService incidents;
    private final StatusUpdates updates;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Reading last;
    private volatile String lastError;

    public WallModel(Store store, IncidentService incidents, StatusUpdates updates, Clock clock, ZoneId zone) {
        this.store = store;
        this.incidents = incidents;
        this.updates = updates;
        this.clock = clock;
        this.zone = zone;
    }

    /** Reads the store now; a failure keeps the last good reading (and starts the stale clock). */
    public void refresh() {
        try {
            Instant now = clock.instant();
            SeverityScale scale = incidents.scale();
            boolean drill = store.read(WorkspaceSettings::isDrill);
            List<Incident> active = incidents.list(IncidentService.ACTIVE);
            List<PlatformProfile> profiles = store.read(tx -> tx.profiles().list());
            Map<String, PlatformStatus> states = new HashMap<>();
            store.read(tx -> tx.platformStates().list()).forEach(s -> states.put(s.name(), s));
            Map<IncidentId, ResumeWatch> watches = new HashMap<>();
            active.forEach(i -> ResumeWatch.on(i, states.values(), now).ifPresent(w -> watches.put(i.id(), w)));
            last = new Reading(now, scale, drill, active, updates.lastSent(active.stream().map(Incident::id).toList()),
                    watches, profiles, states);
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getMessage();
        }
    }

    /**
     * The wall at {@code page} (1-based) with {@code perPage} rows a page; pages beyond the last
     * wrap round, so a caller can simply count up every rotation.
     */
    public WallSnapshot snapshot(int page, int perPage) {
        Instant now = clock.instant();
        Reading r = last;
        String stale = "";
        if (r == null) {
            return new WallSnapshot(utc(now), local(now), false, lastError == null ? "waiting for the data…"
                    : "no data yet: " + lastError, List.of(), List.of(), List.of(), 0, 1, 1, List.of());
        }
        if (Duration.between(r.at(), now).compareTo(STALE_AFTER) > 0) {
            stale = "stale since " + TimeFormat.utcTime(r.at()) + (lastError == null ? "" : ": " + lastError);
        }
        List<Incident> sorted = new ArrayList<>(r.active());
        sorted.sort(Comparator.<Incident>comparingInt(i -> r.scale().find(i.severity())
                .map(l -> r.scale().rank(l.code())).orElse(Integer.MAX_VALUE)).thenComparing(Lanes.ORDER));
        int pages = Math.max(1, (sorted.size() + perPage - 1) / perPage);
        int shown = Math.floorMod(page - 1, pages) + 1;
        List<WallSnapshot.Row> rows = sorted.subList((shown - 1) * perPage, Math.min(sorted.size(), shown * perPage))
                .stream().map(i -> row(r, i, now)).toList();
        return new WallSnapshot(utc(now), local(now), r.drill(), stale, halted(r), escalation(r), rows, sorted.size(),
                shown, pages, platforms(r, now));
    }

    private WallSnapshot.Row row(Reading r, Incident i, Instant now) {
        CardClocks c = CardClocks.of(i, r.scale(), r.lastUpdates().get(i.id()), now);
        List<WallSnapshot.Clock> clocks = new ArrayList<>();
        for (Optional<Deadline> d : List.of(c.acknowledge(), c.firstCommunication(), c.nextUpdate())) {
            d.ifPresent(x -> clocks.add(new WallSnapshot.Clock(x.textAt(now), switch (x.stateAt(now)) {
                case MET -> "met";
                case PENDING -> "pending";
                case DUE_SOON -> "soon";
                case OVERDUE -> "late";
            })));
        }
        int ramp = r.scale().find(i.severity()).map(SeverityLevel::ramp).orElse(-1);
        return new WallSnapshot.Row(i.id().value(), i.severity(), ramp, i.title(), TimeFormat.elapsed(c.elapsed()),
                i.commander() == null ? "no commander" : i.commander(), i.status().key(), clocks,
                CardBadges.of(i, c, r.states(), r.watches().get(i.id()), now));
    }

    private static List<String> halted(Reading r) {
        return r.states().values().stream().filter(s -> Boolean.TRUE.equals(s.halted()))
                .sorted(Comparator.comparing(PlatformStatus::name))
                .map(s -> "HALTED: " + s.name() + (s.haltedSince() == null ? "" : " since "
                        + TimeFormat.utcTime(s.haltedSince())) + (s.haltedBy() == null ? "" : " by " + s.haltedBy())
                        + (s.haltedReason() == null ? "" : ": " + s.haltedReason())
                        + (s.offline() ? " (as last confirmed; offline since " + TimeFormat.utcTime(s.offlineSince())
                        + ")" : ""))
                .toList();
    }

    private static List<String> escalation(Reading r) {
        return r.states().values().stream().filter(s -> s.escalation() != null)
                .sorted(Comparator.comparing(PlatformStatus::name))
                .map(s -> "ESCALATION: " + s.name() + ": " + s.escalation().why()).toList();
    }

    private static List<WallSnapshot.Platform> platforms(Reading r, Instant now) {
        return r.profiles().stream().map(p -> {
            PlatformStatus s = r.states().getOrDefault(p.name(), PlatformStatus.unknown(p.name()));
            String state = Boolean.TRUE.equals(s.halted()) ? "halted" : s.offline() ? "offline"
                    : s.health() == null ? "unknown" : s.health();
            String age = s.healthAt() == null ? "never reached"
                    : TimeFormat.elapsed(Duration.between(s.healthAt(), now)) + " ago";
            return new WallSnapshot.Platform(p.name(), state, age);
        }).collect(Collectors.toList());
    }

    private static String utc(Instant now) {
        return HM.format(now.atZone(ZoneOffset.UTC)) + " UTC";
    }

    private String local(Instant now) {
        ZonedDateTime t = now.atZone(zone);
        return t.getOffset().equals(ZoneOffset.UTC) ? DAY.format(t) : LOCAL.format(t);
    }
}
