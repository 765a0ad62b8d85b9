package dev.sitrep.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.sync.TeamSync;
import dev.sitrep.team.PushRequest.Change;
import dev.sitrep.team.TeamLedger;

import java.util.Set;

/**
 * What a person may push through the hub, change by change: publishing a postmortem needs a
 * commander; and a change that names who wrote it (an event's actor, an incident's declarer, an
 * action item's creator, a postmortem's publisher, an audit entry's actor) must name the person whose token pushed it,
 * or one of the {@link #CONSOLE_ACTORS} for what a console did by itself (an automatic halt, the
 * note of a sync conflict). So no console can
 * write as someone else through the hub. A refused change is rejected with the reason; the rest
 * of the push goes on.
 */
final class HubGate {

    /** The actors of what a console does by itself: an automatic halt, the note of a sync conflict. */
    static final Set<String> CONSOLE_ACTORS = Set.of(KillSwitchService.SYSTEM, TeamSync.ACTOR);

    private HubGate() {
    }

    static TeamLedger.Gate of(Person person) {
        return change -> refusal(person, change);
    }

    private static String refusal(Person person, Change change) {
        String what = change.entity().replace('_', ' ') + " " + change.id();
        if (change.entity().equals(TeamLedger.POSTMORTEM) && !person.role().mayDo(Role.COMMANDER)) {
            return what + ": publishing a postmortem needs the commander role; " + person.name() + " is a "
                    + person.role().key() + ". Ask a commander to publish it (or to give you the role: "
                    + "sitrep hub person revoke, then person add --role commander)";
        }
        String claimed = claimedActor(change);
        if (claimed != null && !claimed.equals(person.name()) && !CONSOLE_ACTORS.contains(claimed)) {
            return what + " is written as \"" + claimed + "\", but the token that sent it is " + person.name()
                    + "'s: through the hub a console writes as the person its token belongs to. Set the operator to "
                    + person.name() + " (Settings, --actor or SITREP_ACTOR), or use " + claimed + "'s own token";
        }
        return null;
    }

    /** Who the change says wrote it, or {@code null} when it names no one. */
    private static String claimedActor(Change change) {
        JsonNode body = change.body();
        JsonNode actor = switch (change.entity()) {
            case TeamLedger.EVENT -> body.get("actor");
            case TeamLedger.INCIDENT -> body.path("fields").get("declaredBy");
            case TeamLedger.ACTION_ITEM -> body.path("fields").get("createdBy");
            case TeamLedger.POSTMORTEM -> body.get("publishedBy");
            case TeamLedger.AUDIT -> body.get("actor");
            case TeamLedger.EVIDENCE -> body.path("fields").has("removedBy") ? body.path("fields").get("removedBy")
                    : body.path("fields").get("capturedBy");
            default -> null;
        };
        return actor != null && actor.isTextual() && !actor.asText().isBlank() ? actor.asText().strip() : null;
    }
}
