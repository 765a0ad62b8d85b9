package dev.sitrep.runbook;

import dev.sitrep.core.Role;

import java.util.List;

/**
 * Where a triage ends: a recommended severity on the runbook's scale and what to do next.
 *
 * @param severity a level code on the runbook's scale ("SEV1")
 * @param open     sections to open, in order ({@code "id"} or {@code "runbook#id"})
 * @param contacts the escalation contacts table ({@code "contacts#escalation"}), or {@code null}
 */
public record Outcome(String id, String title, String summary, String severity, List<Located> open, List<Action> actions,
                      List<Role> roles, Located contacts, int line) {

    public Outcome {
        open = List.copyOf(open);
        actions = List.copyOf(actions);
        roles = List.copyOf(roles);
    }

    public boolean proposesKillSwitch() {
        return actions.contains(Action.PROPOSE_KILL_SWITCH);
    }
}
