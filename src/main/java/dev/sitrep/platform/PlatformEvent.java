package dev.sitrep.platform;

import java.time.Instant;

/**
 * Something the platform did that a commander correlates with an incident (a deployment, first
 * of all: "sudden outage -> deployment").
 *
 * @param kind what sort of event ("deployment")
 * @param text one line for a timeline, e.g. "checkout 2.4.1 succeeded, deployed by maria"
 */
public record PlatformEvent(String id, String kind, String text, Instant at) {
}
