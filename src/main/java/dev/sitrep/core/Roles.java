package dev.sitrep.core;

import java.util.List;

/**
 * Who does what in an incident. Empty roles are {@code null}; responders may be empty.
 */
public record Roles(String commander, String scribe, String commsLead, List<String> responders) {

    public Roles {
        responders = responders == null ? List.of() : List.copyOf(responders);
    }

    public static Roles commandedBy(String commander) {
        return new Roles(commander, null, null, List.of());
    }

    public String get(Role role) {
        return switch (role) {
            case COMMANDER -> commander;
            case SCRIBE -> scribe;
            case COMMS_LEAD -> commsLead;
            case RESPONDER -> String.join(", ", responders);
        };
    }

    public Roles with(Role role, String name) {
        return switch (role) {
            case COMMANDER -> new Roles(name, scribe, commsLead, responders);
            case SCRIBE -> new Roles(commander, name, commsLead, responders);
            case COMMS_LEAD -> new Roles(commander, scribe, name, responders);
            case RESPONDER -> {
                if (responders.contains(name)) {
                    yield this;
                }
                List<String> more = new java.util.ArrayList<>(responders);
                more.add(name);
                yield new Roles(commander, scribe, commsLead, more);
            }
        };
    }
}
