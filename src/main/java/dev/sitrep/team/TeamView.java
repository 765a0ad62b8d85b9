package dev.sitrep.team;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;

/** What a platform holds for the team, read straight from its store: for tests and benchmarks that check what arrived. */
public interface TeamView {

    /** The incident's field values as the platform holds them now. */
    Optional<JsonNode> incident(String id);

    /** The action item's field values as the platform holds them now. */
    Optional<JsonNode> actionItem(String id);

    /** The incident's timeline events by id, in the order they arrived (empty for an unknown incident). */
    Map<String, JsonNode> events(String incidentId);

    /** The incident's published postmortem: {@code {"doc", "publishedBy", "publishedAt"}}. */
    Optional<JsonNode> postmortem(String incidentId);

    /** A record written once (an audit entry) as pushed. */
    Optional<JsonNode> entry(String kind, String id);

    /**
     * How many times a change under this idempotency key was applied or met a conflict, not counting
     * the duplicate answers to its resends: at most 1, however often it was resent.
     */
    int timesApplied(String key);

    /** How many writes the platform has applied: the length of its change feed. */
    int changeCount();
}
