package dev.sitrep.ui.common;

import java.util.List;

/**
 * Every key the console heeds, where, and what it does: one list, shown by the shortcuts overlay
 * ({@code ?}) and kept in README's keyboard table (a test holds the two together). A key handled
 * anywhere in the console belongs here.
 */
public final class Shortcuts {

    private Shortcuts() {
    }

    /** @param where the page or sheet it works on ("Anywhere" for the window's own keys) */
    public record Shortcut(String where, String keys, String does) {
    }

    public static final List<Shortcut> ALL = List.of(
            new Shortcut("Anywhere", "Ctrl+N", "declare an incident"),
            new Shortcut("Anywhere", "Ctrl+L", "write a note on the open incident"),
            new Shortcut("Anywhere", "Ctrl+Shift+K", "the kill switch: choose, say why, hold to halt (also over a sheet)"),
            new Shortcut("Anywhere", "Ctrl+1 .. Ctrl+6", "Board, Triage, Kill switch, Evidence, Postmortems, Settings"),
            new Shortcut("Anywhere", "Esc", "close the sheet; from an incident, back to the board"),
            new Shortcut("Anywhere", "?", "this list"),
            new Shortcut("Board", "arrows", "move between cards and lanes"),
            new Shortcut("Board", "Enter", "open the selected incident"),
            new Shortcut("Board", "A U V S R", "acknowledge, post an update, severity, status, a role of the selected card"),
            new Shortcut("Board", "Shift+F10, Menu", "the selected card's menu (a right-click opens it too)"),
            new Shortcut("Incident", "Enter", "in the note field: add the note"),
            new Shortcut("Triage", "1 .. 9", "answer"),
            new Shortcut("Triage", "N or 0", "not sure (takes the more severe branch)"),
            new Shortcut("Triage", "Backspace", "back one question"),
            new Shortcut("Triage", "Enter", "on the outcome: apply to the open incident when one is open, else declare"),
            new Shortcut("Triage", "A", "on the outcome: apply to the open incident"),
            new Shortcut("Triage", "D", "on the outcome: declare a new incident"),
            new Shortcut("Declare", "Enter", "declare"),
            new Shortcut("Post update", "Alt+1 .. Alt+3", "choose the first, second or third template"),
            new Shortcut("Post update", "Ctrl+Shift+C", "copy the update"),
            new Shortcut("Post update", "Ctrl+Enter", "record it as sent"),
            new Shortcut("Kill switch", "Space (held)", "hold to halt or contain; a click alone is not enough"),
            new Shortcut("Evidence", "Ctrl+V", "keep what the clipboard holds (files, an image or text)"),
            new Shortcut("Evidence", "Ctrl+Enter", "in a note or command output sheet: keep it"),
            new Shortcut("Postmortem", "Enter",
                    "in the new action item (or its owner): add it; the field stays ready for the next"),
            new Shortcut("Wall", "Esc", "take the wall down"));
}
