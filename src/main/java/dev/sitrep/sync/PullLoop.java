package dev.sitrep.sync;

import dev.sitrep.core.Escalation;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.KillSwitchEvent;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.PlatformEvent;
import dev.sitrep.store.Store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pulls each platform's health, kill-switch state and kill-switch events into the store on the
 * profile's interval, backing off with jitter while it is unreachable. What changes (a halt, a
 * resume, health getting worse or better, the platform going offline or coming back) goes onto
 * the timelines of the active incidents that name the platform, once, however many consumers of
 * the store (the console, the CLI's refresh) pull the platform at the same moment.
 */
public final class PullLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PullLoop.class.getName());
    private static final Duration PROFILE_CHECK = Duration.ofSeconds(5);
    private static final String UNHEALTHY = "unhealthy";
    private static final String DEGRADED = "degraded";

    /** A change worth a line on the timelines of incidents naming the platform. */
    private record Entry(EventType type, Instant at, String text) {
    }

    private final Store store;
    private final IncidentService incidents;
    private final Function<PlatformProfile, PlatformConnector> connect;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<String, PlatformConnector> connectors = new HashMap<>();
    private final Map<String, PlatformProfile> scheduled = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> timers = new HashMap<>();
    private final Map<String, List<Boolean>> checks = new HashMap<>();
    private BiConsumer<PlatformProfile, EscalationPolicy.Decision> onEscalation = (p, d) -> { };
    private BiConsumer<String, KillSwitchState> onPulled = (p, s) -> { };
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> supervisor;

    public PullLoop(Store store, IncidentService incidents, Function<PlatformProfile, PlatformConnector> connect,
                    Clock clock, Backoff backoff) {
        this.store = store;
        this.incidents = incidents;
        this.connect = connect;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** Told when a platform's checks cross an escalation threshold (the kill switch, then a rollback). */
    public void onEscalation(BiConsumer<PlatformProfile, EscalationPolicy.Decision> listener) {
        this.onEscalation = listener;
    }

    /**
     * Told after each pull that reached the platform: its name and the kill-switch state it read
     * ({@code null} when the platform has none), so a halt, resume or containment whose outcome was
     * unknown is settled by the next pull.
     */
    public void onPulled(BiConsumer<String, KillSwitchState> listener) {
        this.onPulled = listener;
    }

    /** Starts pulling every profile, and keeps the schedule in step with profiles added or removed. */
    public synchronized void start(ScheduledExecutorService on) {
        this.scheduler = on;
        supervisor = on.scheduleWithFixedDelay(this::syncProfiles, 0, PROFILE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void syncProfiles() {
        try {
            Map<String, PlatformProfile> now = new HashMap<>();
            store.read(tx -> tx.profiles().list()).forEach(p -> now.put(p.name(), p));
            for (String gone : new ArrayList<>(scheduled.keySet())) {
                if (!now.containsKey(gone) || !now.get(gone).equals(scheduled.get(gone))) {
                    stop(gone);
                }
            }
            now.values().stream().filter(p -> !scheduled.containsKey(p.name())).forEach(p -> {
                scheduled.put(p.name(), p);
                schedule(p, Duration.ZERO);
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "reading profiles failed", e);
        }
    }

    private void schedule(PlatformProfile p, Duration delay) {
        timers.put(p.name(), scheduler.schedule(() -> {
            Duration next = pullOnce(p);
            synchronized (this) {
                if (scheduled.get(p.name()) == p && !scheduler.isShutdown()) {
                    schedule(p, next);
                }
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void stop(String name) {
        ScheduledFuture<?> timer = timers.remove(name);
        if (timer != null) {
            timer.cancel(false);
        }
        scheduled.remove(name);
        PlatformConnector c = connectors.remove(name);
        if (c != null) {
            c.close();
        }
    }

    /** One pull of one platform: saves what it learned and returns when to pull again. */
    public Duration pullOnce(PlatformProfile profile) {
        PlatformStatus before = store.read(tx -> tx.platformStates().find(profile.name()))
                .orElse(PlatformStatus.unknown(profile.name()));
        Instant now = clock.instant();
        PlatformStatus after;
        List<Entry> timeline = new ArrayList<>();
        AtomicReference<KillSwitchState> read = null;
        try {
            PlatformConnector c = connector(profile);
            read = new AtomicReference<>();
            after = pulled(c, before, now, timeline, read);
            if (before.offline()) {
                timeline.add(new Entry(EventType.PLATFORM_EVENT, now, profile.name()
                        + " is reachable again after " + TimeFormat.elapsed(Duration.between(before.offlineSince(), now))));
            }
        } catch (SitrepException e) {
            String error = e.getMessage();
            after = new PlatformStatus(before.name(), before.health(), before.healthVersion(), before.healthDetail(),
                    before.healthChecks(), before.healthAt(), before.halted(), before.haltedSince(), before.haltedBy(),
                    before.haltedReason(), before.killSwitchAt(), before.lastEventId(), error, now,
                    before.offlineSince() != null ? before.offlineSince() : now, before.failures() + 1,
                    before.lastPlatformEvent(), before.resumedAt(), before.escalation());
            if (after.offline() && !before.offline()) {
                timeline.add(new Entry(EventType.PLATFORM_EVENT, now, profile.name() + " cannot be reached: " + error));
            }
        }
        // A team platform only carries incidents between consoles: losing it is an offline banner, not a case
        // for a kill switch or a rollback.
        EscalationPolicy.Decision decision = profile.kind() == dev.sitrep.core.PlatformKind.SITREP
                ? EscalationPolicy.Decision.NONE
                : decide(profile, after.failures() == 0 && !UNHEALTHY.equals(after.health()));
        PlatformStatus saved = after.withEscalation(escalation(before.escalation(), decision, now));
        if (keep(before, saved)) {
            onTimelines(profile.name(), timeline);
            if (level(saved.escalation()).ordinal() > level(before.escalation()).ordinal()) {
                try {
                    onEscalation.accept(profile, decision);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "acting on an escalation of " + profile.name() + " failed", e);
                }
            }
        }
        if (read != null && after.failures() == 0) {
            try {
                onPulled.accept(profile.name(), read.get());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "settling what a pull of " + profile.name() + " read failed", e);
            }
        }
        // A degraded platform is checked twice as often, as the monitor thresholds say.
        Duration every = DEGRADED.equals(saved.health()) ? profile.healthEvery().dividedBy(2) : profile.healthEvery();
        return backoff.next(saved.failures(), every);
    }

    /**
     * Saves what this pull learned, unless another consumer of the store (the CLI's refresh, the
     * console, a second pull of this platform, a kill switch Sitrep just confirmed) saved the
     * platform since {@code before} was read: that save put its changes on the timelines, and this
     * pull's would put them there twice; the next pull starts from it. The profile's row is locked, so two pulls of a platform save one
     * after the other. Nothing is saved for a profile removed meanwhile.
     */
    private boolean keep(PlatformStatus before, PlatformStatus saved) {
        String name = saved.name();
        boolean kept = store.write(tx -> {
            if (!tx.profiles().lock(name)) {
                return false;
            }
            if (!tx.platformStates().findForUpdate(name).orElse(PlatformStatus.unknown(name)).equals(before)) {
                return false;
            }
            tx.platformStates().save(saved);
            tx.changed(PlatformStates.ENTITY, name);
            return true;
        });
        if (!kept) {
            LOG.fine(() -> "a pull of " + name + " was dropped: the platform was saved meanwhile by another "
                    + "consumer, or its profile was removed");
        }
        return kept;
    }

    private PlatformStatus pulled(PlatformConnector c, PlatformStatus before, Instant now, List<Entry> timeline,
                                  AtomicReference<KillSwitchState> read) {
        String health = before.health();
        String version = before.healthVersion();
        String detail = before.healthDetail();
        Map<String, String> checks = before.healthChecks();
        Instant healthAt = before.healthAt();
        if (c.can(Capability.HEALTH)) {
            Health h = c.health();
            health = h.status().name().toLowerCase(Locale.ROOT);
            version = h.version();
            detail = h.detail();
            checks = h.checks();
            healthAt = h.checkedAt();
            if (before.health() != null && !before.health().equals(health)) {
                timeline.add(new Entry(EventType.PLATFORM_EVENT, now, c.name() + " health "
                        + before.health() + " → " + health + (detail == null ? "" : " (" + detail + ")")));
            }
        } else {
            healthAt = now;
        }
        Boolean halted = before.halted();
        Instant since = before.haltedSince();
        String by = before.haltedBy();
        String reason = before.haltedReason();
        Instant ksAt = before.killSwitchAt();
        String lastEvent = before.lastEventId();
        Instant resumedAt = before.resumedAt();
        if (c.can(Capability.KILL_SWITCH_STATUS)) {
            KillSwitchState s = c.killSwitchStatus();
            read.set(s);
            if (!c.can(Capability.KILL_SWITCH_EVENTS) && before.halted() != null && before.halted() != s.halted()) {
                timeline.add(new Entry(EventType.KILL_SWITCH, now, c.name() + (s.halted()
                        ? " kill switch HALTED (seen by the pull loop; the platform does not record who or why)"
                        : " kill switch released (seen by the pull loop)")));
            }
            if (Boolean.TRUE.equals(before.halted()) && !s.halted()) {
                resumedAt = now;
            }
            halted = s.halted();
            since = s.since();
            by = s.by();
            reason = s.reason();
            ksAt = s.readAt();
        }
        if (c.can(Capability.KILL_SWITCH_EVENTS)) {
            List<KillSwitchEvent> events = c.killSwitchEvents(20);
            List<KillSwitchEvent> fresh = new ArrayList<>();
            for (KillSwitchEvent e : events) {
                if (e.id().equals(before.lastEventId())) {
                    break;
                }
                fresh.add(e);
            }
            if (before.lastEventId() != null || before.halted() != null) {
                Collections.reverse(fresh);
                for (KillSwitchEvent e : fresh) {
                    timeline.add(new Entry(EventType.KILL_SWITCH, (e.at() == null ? now : e.at()), describe(c.name(), e)));
                    if (!"halt".equals(e.type()) && e.at() != null && !Boolean.TRUE.equals(halted)) {
                        resumedAt = e.at();
                    }
                }
            }
            if (!events.isEmpty()) {
                lastEvent = events.get(0).id();
            }
        }
        String lastPlatformEvent = before.lastPlatformEvent();
        if (c.can(Capability.PLATFORM_EVENTS)) {
            List<PlatformEvent> events = c.platformEvents(20);
            List<PlatformEvent> fresh = new ArrayList<>();
            for (PlatformEvent e : events) {
                if (e.id().equals(before.lastPlatformEvent())) {
                    break;
                }
                fresh.add(e);
            }
            if (before.healthAt() != null) {
                Collections.reverse(fresh);
                for (PlatformEvent e : fresh) {
                    timeline.add(new Entry(EventType.PLATFORM_EVENT, e.at() == null ? now : e.at(), c.name() + " "
                            + e.kind() + ": " + e.text()));
                }
            }
            if (!events.isEmpty()) {
                lastPlatformEvent = events.get(0).id();
            }
        }
        return new PlatformStatus(before.name(), health, version, detail, checks, healthAt, halted, since, by, reason,
                ksAt, lastEvent, null, null, null, 0, lastPlatformEvent, resumedAt, before.escalation());
    }

    /** Keeps the last checks of the platform and decides what they propose. */
    private EscalationPolicy.Decision decide(PlatformProfile profile, boolean passed) {
        synchronized (checks) {
            List<Boolean> history = checks.computeIfAbsent(profile.name(), n -> new ArrayList<>());
            history.add(passed);
            if (history.size() > 2 * EscalationPolicy.WINDOW) {
                history.remove(0);
            }
            return EscalationPolicy.decide(profile.environment(), List.copyOf(history));
        }
    }

    /** The escalation to keep: none, the one before while the level holds (so its "since" stays), or a new one. */
    private static Escalation escalation(Escalation before, EscalationPolicy.Decision decision, Instant now) {
        if (decision.level() == Escalation.Level.NONE) {
            return null;
        }
        if (before != null && before.level() == decision.level()) {
            return new Escalation(decision.level(), decision.why(), before.since());
        }
        return new Escalation(decision.level(), decision.why(), now);
    }

    private static Escalation.Level level(Escalation e) {
        return e == null ? Escalation.Level.NONE : e.level();
    }

    private static String describe(String platform, KillSwitchEvent e) {
        String who = e.by() == null ? "" : " by " + e.by();
        if ("halt".equals(e.type())) {
            return platform + " kill switch HALTED" + who + (e.reason() == null ? "" : ": " + e.reason());
        }
        return platform + " kill switch resumed" + (e.resumeMode() == null ? "" : " (" + e.resumeMode() + ")") + who;
    }

    private void onTimelines(String platform, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Incident> naming = incidents.list(IncidentService.ACTIVE).stream()
                .filter(i -> i.platforms().contains(platform)).toList();
        for (Incident i : naming) {
            for (Entry e : entries) {
                incidents.record(i.id(), e.type(), e.text(), e.at(), Map.of("platform", platform, "source", "pull"),
                        "pull from " + platform);
            }
        }
    }

    private synchronized PlatformConnector connector(PlatformProfile profile) {
        return connectors.computeIfAbsent(profile.name(), n -> connect.apply(profile));
    }

    @Override
    public synchronized void close() {
        if (supervisor != null) {
            supervisor.cancel(false);
        }
        for (String name : new ArrayList<>(scheduled.keySet())) {
            stop(name);
        }
        connectors.values().forEach(PlatformConnector::close);
        connectors.clear();
    }
}
