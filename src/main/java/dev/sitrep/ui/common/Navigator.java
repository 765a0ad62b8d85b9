package dev.sitrep.ui.common;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;

import java.util.List;
import java.util.function.Consumer;

/**
 * Every move from one part of the console to another, typed: pages, the incident being worked on,
 * and the sheets any page may open (declare, halt, post an update). Features reach each other only
 * through it; the app implements it over the window.
 */
public interface Navigator {

    /** What a triage outcome suggests for the declare sheet; {@code severity} is a code on the workspace's scale or null. */
    record Prefill(String title, String severity) {
    }

    /** The incident's own page. */
    void openIncident(IncidentId id);

    /** The incident's page on its checklists tab (a triage just opened some). */
    void openChecklists(IncidentId id);

    /** A page; the incident page only when an incident is open. */
    void show(Page page);

    /** Esc: from an incident back to the board. */
    void back();

    /**
     * The declare sheet over the window, filled in from {@code prefill} (null: empty); once an incident is declared
     * the sheet closes, the incident opens and {@code declared} is told its id. Another declare replaces the callback.
     */
    void declare(Prefill prefill, Consumer<IncidentId> declared);

    /** The Declare button and Ctrl+N: an empty declare sheet. */
    default void declare() {
        declare(null, id -> { });
    }

    /** The halt dialog, armed, for {@code incident} (or none) with {@code platforms} chosen. */
    void armKillSwitch(IncidentId incident, List<String> platforms);

    /** Ctrl+Shift+K and the Kill switch buttons: the halt dialog, the open incident's platforms chosen when its page shows. */
    void killSwitch();

    /** A triage outcome's proposal: the halt dialog for {@code incident}, its platforms chosen when it is the one open. */
    void proposeKillSwitch(IncidentId incident);

    /** "Write postmortem": the Postmortems page on that incident. */
    void writePostmortem(IncidentId id);

    /** The post-update sheet for that incident over the window. */
    void postUpdate(IncidentId id);

    /** A sheet over the window (Esc closes it). */
    void showOverlay(Node sheet);

    void hideOverlay();

    /** Ctrl+L: the note field of the open incident, when its page shows. */
    void focusNote();

    /** The wall window on this workspace (brought forward when it is up). */
    void openWall();

    /** The drill workspace in a window of its own. */
    void startDrill();

    ReadOnlyObjectProperty<Page> pageProperty();

    ReadOnlyObjectProperty<IncidentId> openIncidentProperty();

    /** The incident open in the window as last read (its status and platforms), or null. */
    Incident openIncidentRecord();
}
