package dev.sitrep.wall;

import dev.sitrep.board.CardBadges;
import dev.sitrep.board.CardClocks;
import dev.sitrep.board.Deadline;
import dev.sitrep.board.Lanes;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.ResumeWatch;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.TimeFormat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wall's model: reads its {@link WallSource} (off any UI thread), keeps the last good reading,
 * and turns it into a {@link WallSnapshot} for a moment and a page. When reading has failed for
 * longer than {@link #STALE_AFTER}, the snapshot says "stale since" instead of passing old data off
 * as current. The one place the wall is put into words, whether it reads a workspace's store or a
 * hub's database.
 */
public final class WallModel implements WallPages {

    /** Reading failing for this long turns the wall's stale marker on. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(10);

    /** What one good read gave, when, and the resume watches it implies. */
    private record Reading(Instant at, WallData data, Map<IncidentId, ResumeWatch> watches) {
        SeverityScale scale() {
            return data.scale();
        }

        List<Incident> active() {
            return data.active();
        }

        Map<IncidentId, Instant> lastUpdates() {
            return data.lastUpdates();
        }

        Map<String, PlatformStatus> states() {
            return data.states();
        }
    }

    private final WallSource source;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Reading last;
    private volatile String lastError;

    public WallModel(WallSource source, Clock clock, ZoneId zone) {
        this.source = source;
        this.clock = clock;
        this.zone = zone;
    }

    /** Reads the source now; a failure keeps the last good reading (and starts the stale clock). */
    @Override
    public void refresh() {
        try {
            Instant now = clock.instant();
            WallData data = source.read(now);
            Map<IncidentId, ResumeWatch> watches = new HashMap<>();
            data.active().forEach(i -> ResumeWatch.on(i, data.states().values(), now).ifPresent(w -> watches.put(i.id(), w)));
            last = new Reading(now, data, watches);
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /**
     * The wall at {@code page} (1-based) with {@code perPage} rows a page; pages beyond the last
     * wrap round, so a caller can simply count up every rotation.
     */
    @Override
    public WallSnapshot snapshot(int page, int perPage) {
        Instant now = clock.instant();
        Reading r = last;
        String stale = "";
        if (r == null) {
            return new WallSnapshot(WallTimes.utc(now), WallTimes.local(now, zone), false, lastError == null ? "waiting for the data…"
                    : "no data yet: " + lastError, List.of(), List.of(), List.of(), 0, 1, 1, List.of());
        }
        if (Duration.between(r.at(), now).compareTo(STALE_AFTER) > 0) {
            stale = WallTimes.staleSince(r.at(), lastError);
        }
        List<Incident> sorted = new ArrayList<>(r.active());
        sorted.sort(Comparator.<Incident>comparingInt(i -> r.scale().find(i.severity())
                .map(l -> r.scale().rank(l.code())).orElse(Integer.MAX_VALUE)).thenComparing(Lanes.ORDER));
        int pages = (int) Math.max(1, ((long) sorted.size() + perPage - 1) / perPage);
        int shown = Math.floorMod(page - 1, pages) + 1;
        List<WallSnapshot.Row> rows = sorted.subList((shown - 1) * perPage, (int) Math.min(sorted.size(), (long) shown * perPage))
                .stream().map(i -> row(r, i, now)).toList();
        return new WallSnapshot(WallTimes.utc(now), WallTimes.local(now, zone), r.data().drill(), stale, halted(r), escalation(r), rows, sorted.size(),
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
        return r.data().platforms().stream().map(name -> {
            PlatformStatus s = r.states().getOrDefault(name, PlatformStatus.unknown(name));
            String state = Boolean.TRUE.equals(s.halted()) ? "halted" : s.offline() ? "offline"
                    : s.health() == null ? "unknown" : s.health();
            String age = s.healthAt() == null ? "never reached"
                    : TimeFormat.elapsed(Duration.between(s.healthAt(), now)) + " ago";
            return new WallSnapshot.Platform(name, state, age);
        }).collect(Collectors.toList());
    }
}
