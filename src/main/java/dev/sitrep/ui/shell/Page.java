package dev.sitrep.ui.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The console's pages: six in the sidebar (Ctrl+1..6), and an incident's own page. */
public enum Page {
    BOARD("Board", Feather.GRID, null),
    TRIAGE("Triage", Feather.GIT_MERGE, null),
    KILL_SWITCH("Kill switch", Feather.POWER, null),
    EVIDENCE("Evidence", Feather.ARCHIVE, null),
    POSTMORTEMS("Postmortems", Feather.BOOK_OPEN,
            "The postmortem editor will draft a blameless postmortem from the incident's timeline, kill-switch "
                    + "entries and evidence, with action items, owners and due dates, offline."),
    SETTINGS("Settings", Feather.SETTINGS, null),
    INCIDENT("Incident", Feather.ALERT_TRIANGLE, null);

    private final String label;
    private final Ikon icon;
    private final String comingNext;

    Page(String label, Ikon icon, String comingNext) {
        this.label = label;
        this.icon = icon;
        this.comingNext = comingNext;
    }

    public String label() {
        return label;
    }

    public Ikon icon() {
        return icon;
    }

    /** For a page not built yet: what it will do. {@code null} for built pages. */
    public String comingNext() {
        return comingNext;
    }

    /** In the sidebar, reachable with Ctrl+1..6. */
    public boolean inSidebar() {
        return this != INCIDENT;
    }
}
