package dev.sitrep.workspace;

import dev.sitrep.core.ByteSize;
import dev.sitrep.core.Limits;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.core.SitrepException;
import dev.sitrep.store.SettingsRepository;
import dev.sitrep.store.Store;
import dev.sitrep.store.Tx;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings kept in the workspace's database, so the console, the CLI and the wall on the same
 * data directory agree: the operator's name, the theme and the active severity scale.
 * (Switching the scale re-expresses open incidents, so it lives in IncidentService.)
 */
public final class WorkspaceSettings {

    public static final String OPERATOR = "operator";
    public static final String THEME = "theme";
    public static final String SCALE = "severity_scale";
    public static final String DRILL = "drill";
    public static final String HOLD = "kill_switch_hold_ms";
    public static final Duration DEFAULT_HOLD = Duration.ofMillis(1500);
    /** The wall: the screen it was on (an index into the screens), and whether it was open when the console last ran. */
    public static final String WALL_SCREEN = "wall_screen";
    public static final String WALL_OPEN = "wall_open";
    /** The largest single evidence capture, in bytes: 8 GiB unless changed. */
    public static final String EVIDENCE_LIMIT = "evidence_limit_bytes";
    public static final long DEFAULT_EVIDENCE_LIMIT = 8L << 30;
    /** The team's own postmortem sections (titles, JSON array), added after the standard ones. */
    public static final String POSTMORTEM_SECTIONS = "postmortem_sections";
    public static final String ORIGIN = "sync_origin";
    private static final long MIN_EVIDENCE_LIMIT = 1L << 20;
    private static final long MAX_EVIDENCE_LIMIT = 1L << 40;

    private final Store store;
    private final Clock clock;

    public WorkspaceSettings(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The saved operator name, if one was set in Settings. */
    public Optional<String> operator() {
        return store.read(tx -> tx.settings().get(OPERATOR));
    }

    public void setOperator(String name, String actor) {
        String operator = Limits.optionalName("operator name", name);
        if (operator == null) {
            throw SitrepException.invalid("The operator name is empty; type the name your timeline entries should carry.");
        }
        put(OPERATOR, operator, actor);
    }

    public Theme theme() {
        return store.read(tx -> tx.settings().get(THEME)).map(Theme::fromKey).orElse(Theme.DARK);
    }

    public void setTheme(Theme theme, String actor) {
        put(THEME, theme.key(), actor);
    }

    /** How long the kill switch's confirm must be held (1.5 s unless changed in Settings). */
    public Duration holdDuration() {
        return store.read(tx -> tx.settings().get(HOLD)).map(v -> Duration.ofMillis(Long.parseLong(v))).orElse(DEFAULT_HOLD);
    }

    /** Sets the hold; refused outside 0.5 to 5 seconds (shorter risks an accident, longer costs time). */
    public void setHoldDuration(Duration hold, String actor) {
        if (hold.compareTo(Duration.ofMillis(500)) < 0 || hold.compareTo(Duration.ofSeconds(5)) > 0) {
            throw SitrepException.invalid("The hold must be between 0.5 and 5 seconds; " + hold.toMillis() / 1000.0
                    + " s is outside that.");
        }
        put(HOLD, Long.toString(hold.toMillis()), actor);
    }

    /** The largest single evidence capture, in bytes. */
    public long evidenceLimit() {
        return store.read(tx -> tx.settings().get(EVIDENCE_LIMIT)).map(Long::parseLong).orElse(DEFAULT_EVIDENCE_LIMIT);
    }

    /** Sets the evidence limit; refused below 1 MiB (nothing useful fits) or above 1 TiB. */
    public void setEvidenceLimit(long bytes, String actor) {
        if (bytes < MIN_EVIDENCE_LIMIT || bytes > MAX_EVIDENCE_LIMIT) {
            throw SitrepException.invalid("The evidence limit must be between 1 MiB and 1024 GiB; "
                    + ByteSize.format(bytes) + " is outside that.");
        }
        put(EVIDENCE_LIMIT, Long.toString(bytes), actor);
    }

    /** This data directory's origin id for team sync (made once, then kept): how a platform tells consoles apart. */
    public String origin() {
        java.util.Optional<String> saved = store.read(tx -> tx.settings().get(ORIGIN));
        if (saved.isPresent()) {
            return saved.get();
        }
        return store.write(tx -> {
            java.util.Optional<String> known = tx.settings().get(ORIGIN);
            if (known.isPresent()) {
                return known.get();
            }
            String made = java.util.UUID.randomUUID().toString();
            tx.settings().put(ORIGIN, made, "sitrep", clock.instant());
            return made;
        });
    }

    /** The team's own postmortem section titles, in order (none unless added in Settings). */
    public java.util.List<String> postmortemSections() {
        return store.read(tx -> tx.settings().get(POSTMORTEM_SECTIONS)).map(dev.sitrep.core.Json::strings)
                .orElse(java.util.List.of());
    }

    /** Sets the team's postmortem sections: blank titles dropped, each at most 100 characters, no repeats. */
    public void setPostmortemSections(java.util.List<String> titles, String actor) {
        java.util.LinkedHashSet<String> clean = new java.util.LinkedHashSet<>();
        for (String t : titles) {
            if (t != null && !t.isBlank()) {
                clean.add(Limits.text("section title", t));
            }
        }
        for (String t : clean) {
            if (t.length() > 100) {
                throw SitrepException.invalid("A section title is at most 100 characters; '" + t.substring(0, 40)
                        + "…' is longer.");
            }
        }
        put(POSTMORTEM_SECTIONS, dev.sitrep.core.Json.write(java.util.List.copyOf(clean)), actor);
    }

    /** The screen the wall was last shown on, if it ever was. */
    public Optional<Integer> wallScreen() {
        return store.read(tx -> tx.settings().get(WALL_SCREEN)).map(Integer::parseInt);
    }

    public boolean wallOpen() {
        return store.read(tx -> tx.settings().get(WALL_OPEN)).map("true"::equals).orElse(false);
    }

    /** Remembers where the wall is and whether it is open, so a restart puts it back. */
    public void rememberWall(boolean open, int screen, String actor) {
        put(WALL_OPEN, Boolean.toString(open), actor);
        put(WALL_SCREEN, Integer.toString(screen), actor);
    }

    /** A drill workspace talks only to the sandbox and is labelled DRILL everywhere. */
    public boolean isDrill() {
        return store.read(WorkspaceSettings::isDrill);
    }

    public static boolean isDrill(Tx tx) throws SQLException {
        return tx.settings().get(DRILL).map("true"::equals).orElse(false);
    }

    /** Marks this workspace as a drill; there is no way back (make a new data directory instead). */
    public void markDrill(String actor) {
        put(DRILL, "true", actor);
    }

    public SeverityScale scale() {
        return store.read(WorkspaceSettings::scale);
    }

    /** The active scale as seen inside a transaction (the five-level scale until one is chosen). */
    public static SeverityScale scale(Tx tx) throws SQLException {
        return tx.settings().get(SCALE).flatMap(SeverityScales::find).orElse(SeverityScales.FIVE_LEVEL);
    }

    private void put(String name, String value, String actor) {
        store.write(tx -> {
            tx.settings().put(name, value, actor, clock.instant());
            tx.changed(SettingsRepository.ENTITY, name);
            return null;
        });
    }
}
