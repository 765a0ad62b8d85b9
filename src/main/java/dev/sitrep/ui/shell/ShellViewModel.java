package dev.sitrep.ui.shell;

import dev.sitrep.ui.common.Page;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.core.SyncBacklog;
import dev.sitrep.ui.common.PlatformSummary;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The window around the pages: which page shows, which incident is open, and what the status
 * bar says (operator, data directory, platform state, UTC and local clocks).
 */
public final class ShellViewModel {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm zzz · EEE d MMM", Locale.ENGLISH);

    private final Clock clock;
    private final ZoneId zone;
    private List<PlatformProfile> profiles = List.of();
    private Map<String, PlatformStatus> states = Map.of();

    // Properties
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.BOARD);
    private final ReadOnlyObjectWrapper<IncidentId> openIncident = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper operator = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dataDir = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper platformState = new ReadOnlyStringWrapper("No platforms connected");
    private final ReadOnlyStringWrapper utcClock = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper localClock = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper haltBanner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper escalationBanner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper syncState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper opening = new ReadOnlyStringWrapper("Opening the workspace…");
    private final TaskStatus status = new TaskStatus();
    private List<String> escalatedPlatforms = List.of();
    private List<String> escalationLevels = List.of();
    private List<String> dismissedLevels = List.of();

    private final boolean drill;

    public ShellViewModel(Clock clock, ZoneId zone, String dataDirectory, String operatorName) {
        this(clock, zone, dataDirectory, operatorName, false);
    }

    /** @param drill a drill workspace: every screen says DRILL */
    public ShellViewModel(Clock clock, ZoneId zone, String dataDirectory, String operatorName, boolean drill) {
        this.drill = drill;
        this.clock = clock;
        this.zone = zone;
        dataDir.set(dataDirectory);
        operator.set(operatorName);
        tick();
    }

    // Commands

    public void show(Page target) {
        if (target == Page.INCIDENT && openIncident.get() == null) {
            return;
        }
        page.set(target);
    }

    /** Shows the Ctrl+1..6 page; other digits do nothing. */
    public void showNumber(int digit) {
        Page[] pages = Page.values();
        if (digit >= 1 && digit <= pages.length && pages[digit - 1].inSidebar()) {
            page.set(pages[digit - 1]);
        }
    }

    public void openIncident(IncidentId id) {
        openIncident.set(id);
        page.set(Page.INCIDENT);
    }

    /** Esc on an incident goes back to the board. */
    public void back() {
        if (page.get() == Page.INCIDENT) {
            page.set(Page.BOARD);
        }
    }

    /** What opening the workspace is doing when it takes long (waiting for another process, recovering after a crash). */
    public void setOpening(String text) {
        opening.set(text);
    }

    public void setOperator(String name) {
        operator.set(name);
    }

    /**
     * The configured platforms and what was last pulled from each; the status bar says it with ages.
     * {@code viaSitrep}: who halted a halted platform through Sitrep (the banner names them beside the platform's account).
     */
    public void setPlatforms(List<PlatformProfile> profiles, Map<String, PlatformStatus> states,
                             Map<String, String> viaSitrep) {
        setPlatforms(profiles, states, viaSitrep, List.of());
    }

    /** As above, with the platforms not configured here that the team's shared audit shows halted. */
    public void setPlatforms(List<PlatformProfile> profiles, Map<String, PlatformStatus> states,
                             Map<String, String> viaSitrep, List<AuditEntry> teamHalts) {
        this.profiles = List.copyOf(profiles);
        this.states = Map.copyOf(states);
        platformState.set(PlatformSummary.of(this.profiles, this.states, clock.instant()));
        haltBanner.set(PlatformSummary.halted(this.profiles, this.states, viaSitrep, teamHalts));
        List<PlatformStatus> escalated = PlatformSummary.escalated(this.profiles, this.states);
        escalatedPlatforms = escalated.stream().map(PlatformStatus::name).toList();
        escalationLevels = escalated.stream().map(s -> s.name() + ":" + s.escalation().level()).toList();
        escalationBanner.set(escalationLevels.equals(dismissedLevels) ? "" : PlatformSummary.escalationText(escalated));
    }

    /**
     * What team sync has waiting, per team platform: {@code team: 3 changes waiting since 14:02 UTC},
     * {@code team: in sync}; empty when no team platform is configured.
     */
    public void setSync(Map<String, SyncBacklog> waiting) {
        syncState.set(waiting.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            var w = e.getValue();
            String rejected = w.rejected() == 0 ? "" : ", " + w.rejected() + " refused";
            return e.getKey() + ": " + (w.pending() == 0 ? "in sync" : w.pending() + " change"
                    + (w.pending() == 1 ? "" : "s") + " waiting since " + dev.sitrep.core.TimeFormat.utcTime(w.oldest()))
                    + rejected;
        }).collect(java.util.stream.Collectors.joining(" · ")));
    }

    public ReadOnlyStringProperty syncStateProperty() {
        return syncState.getReadOnlyProperty();
    }

    /** Hides the escalation banner until another platform escalates or one reaches a higher level. */
    public void dismissEscalation() {
        dismissedLevels = escalationLevels;
        escalationBanner.set("");
    }

    /** The platforms the escalation banner names, for the kill-switch dialog it opens. */
    public List<String> escalatedPlatforms() {
        return escalatedPlatforms;
    }

    /** Refreshes the clocks and ages; the view calls it every second. */
    public void tick() {
        if (!profiles.isEmpty()) {
            platformState.set(PlatformSummary.of(profiles, states, clock.instant()));
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        utcClock.set(HM.format(now.withZoneSameInstant(ZoneOffset.UTC)) + " UTC");
        localClock.set(now.getOffset().equals(ZoneOffset.UTC) ? DAY.format(now) : LOCAL.format(now));
    }

    public boolean drill() {
        return drill;
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IncidentId> openIncidentProperty() {
        return openIncident.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataDirProperty() {
        return dataDir.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty platformStateProperty() {
        return platformState.getReadOnlyProperty();
    }

    /** Empty unless a platform is halted: then what, since when, by whom and why, for a banner across the window. */
    public ReadOnlyStringProperty haltBannerProperty() {
        return haltBanner.getReadOnlyProperty();
    }

    /** Empty unless a platform's health checks propose the kill switch or a rollback (Sitrep proposes, it does not act). */
    public ReadOnlyStringProperty escalationBannerProperty() {
        return escalationBanner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty utcClockProperty() {
        return utcClock.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty localClockProperty() {
        return localClock.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** The window's own background work (theme, platform states, the wall, the drill): what failed, on the status bar. */
    public TaskStatus status() {
        return status;
    }
}
