package dev.sitrep.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The console's pages: six in the sidebar (Ctrl+1..6), and an incident's own page. */
public enum Page {
    BOARD("Board", Feather.GRID),
    TRIAGE("Triage", Feather.GIT_MERGE),
    KILL_SWITCH("Kill switch", Feather.POWER),
    EVIDENCE("Evidence", Feather.ARCHIVE),
    POSTMORTEMS("Postmortems", Feather.BOOK_OPEN),
    SETTINGS("Settings", Feather.SETTINGS),
    INCIDENT("Incident", Feather.ALERT_TRIANGLE);

    private final String label;
    private final Ikon icon;

    Page(String label, Ikon icon) {
        this.label = label;
        this.icon = icon;
    }

    public String label() {
        return label;
    }

    public Ikon icon() {
        return icon;
    }

    /** In the sidebar, reachable with Ctrl+1..6. */
    public boolean inSidebar() {
        return this != INCIDENT;
    }
}
