package dev.sitrep.runbook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an outcome asks the console to offer the commander; each is a proposal, never done by itself. */
public enum Action {
    PROPOSE_KILL_SWITCH("propose-kill-switch", "Propose the kill switch: stop new automated work now"),
    PROPOSE_CONTAINMENT("propose-containment", "Propose containment: revoke the misbehaving agent's certificate"),
    OPEN_WAR_ROOM("open-war-room", "Open a war room and page the people it needs"),
    PRESERVE_EVIDENCE("preserve-evidence", "Keep evidence before changing anything (logs, snapshots)"),
    NOTIFY_SECURITY("notify-security", "Bring in the security team"),
    NOTIFY_LEGAL("notify-legal", "Tell legal: user data may be involved"),
    STATUS_PAGE("status-page", "Post on the status page");

    private final String key;
    private final String label;

    Action(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<Action> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Action::key).toList();
    }
}
