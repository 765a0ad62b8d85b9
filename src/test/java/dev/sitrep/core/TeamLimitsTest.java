package dev.sitrep.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's byte maxima follow from its field limits: a change with every field at its limit,
 * written with the costliest characters (control characters in text, escaped to 6 bytes; 3-byte
 * characters in JSON), is within {@link TeamLimits#ITEM_MAX_BYTES}, which fits in one page and one push.
 */
class TeamLimitsTest {

    private static final String INC = "INC-20261122-1432-7QF2";

    @Test
    void oneChangeAtEveryLimitFitsInOnePageAndOnePush() {
        ObjectNode doc = Json.MAPPER.createObjectNode().put("d", "€".repeat(TeamLimits.DOC_MAX - 8));
        ObjectNode postmortem = Json.MAPPER.createObjectNode();
        postmortem.set("doc", doc);
        postmortem.put("publishedBy", text(Limits.NAME_MAX)).put("publishedAt", text(TeamLimits.TIME_MAX));

        assertThat(TeamLimits.problem("postmortem", INC, postmortem)).isNull();
        assertThat(bytes(postmortem)).isLessThanOrEqualTo(TeamLimits.ITEM_MAX_BYTES);
        assertThat(TeamLimits.ITEM_MAX_BYTES + 2048).as("with its entry's and its page's frame")
                .isLessThanOrEqualTo(TeamLimits.PAGE_MAX_BYTES).isLessThanOrEqualTo(TeamLimits.PUSH_MAX_BYTES);
    }

    @Test
    void anIncidentOrAnEventAtEveryLimitStaysUnder140Kilobytes() {
        ObjectNode fields = Json.MAPPER.createObjectNode().put("title", text(Limits.TITLE_MAX))
                .put("service", text(Limits.NAME_MAX)).put("severity", text(TeamLimits.CODE_MAX))
                .put("status", text(TeamLimits.CODE_MAX)).put("mergedInto", text(TeamLimits.ID_MAX))
                .put("impact", text(Limits.IMPACT_MAX)).put("drill", false).put("declaredAt", text(TeamLimits.TIME_MAX))
                .put("declaredBy", text(Limits.NAME_MAX));
        fields.set("platforms", json(TeamLimits.JSON_MAX));
        fields.set("milestones", json(TeamLimits.JSON_MAX));
        ObjectNode roles = fields.putObject("roles").put("commander", text(Limits.NAME_MAX))
                .put("scribe", text(Limits.NAME_MAX)).put("commsLead", text(Limits.NAME_MAX));
        roles.set("responders", json(TeamLimits.JSON_MAX));
        ObjectNode incident = Json.MAPPER.createObjectNode();
        incident.set("fields", fields);
        ObjectNode event = Json.MAPPER.createObjectNode().put("incident", INC).put("type", text(TeamLimits.CODE_MAX))
                .put("text", text(Limits.TEXT_MAX)).put("actor", text(Limits.NAME_MAX))
                .put("occurredAt", text(TeamLimits.TIME_MAX)).put("recordedAt", text(TeamLimits.TIME_MAX))
                .put("supersedes", text(TeamLimits.ID_MAX));
        event.set("data", json(TeamLimits.JSON_MAX));

        assertThat(TeamLimits.problem("incident", INC, incident)).isNull();
        assertThat(TeamLimits.problem("event", "3f2a-e", event)).isNull();
        assertThat(bytes(incident)).isLessThan(140_000);
        assertThat(bytes(event)).isLessThan(140_000);

        roles.put("scribe", text(Limits.NAME_MAX + 1));
        assertThat(TeamLimits.problem("incident", INC, incident))
                .isEqualTo("body.fields.roles.scribe is 201 characters; the limit is 200");
    }

    @Test
    void anIdIsShortAndPlain() {
        assertThat(TeamLimits.idProblem("id", "3f2a9c1e-0000-4000-8000-00000000000a")).isNull();
        assertThat(TeamLimits.idProblem("key", "k".repeat(41))).isEqualTo("\"key\" is 41 characters; the limit is 40");
        assertThat(TeamLimits.idProblem("origin", "a/b")).startsWith("\"origin\" is \"a/b\"; an id is letters, digits");
        assertThat(TeamLimits.problem("postmortem", "INC-1", Json.MAPPER.createObjectNode()))
                .contains("\"id\" is \"INC-1\"").contains("INC-20261122-1432-7QF2");
    }

    /** Text of control characters: 6 bytes each in JSON. */
    private static String text(int length) {
        return "\u0001".repeat(length);
    }

    /** A list whose JSON is {@code length} characters of 3 bytes each (but its brackets and quotes). */
    private static JsonNode json(int length) {
        return Json.MAPPER.createArrayNode().add("€".repeat(length - 4));
    }

    private static int bytes(JsonNode body) {
        return Json.write(body).getBytes(StandardCharsets.UTF_8).length;
    }
}
