package dev.sitrep.team;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A published postmortem as a platform keeps it.
 *
 * @param body    {@code {"doc", "publishedBy", "publishedAt"}}
 * @param version rises by one with each publication applied
 * @param origin  the console that published this copy
 * @param at      when the platform took it
 */
public record Publication(ObjectNode body, long version, String origin, Instant at) {
}
