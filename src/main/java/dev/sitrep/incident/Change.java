package dev.sitrep.incident;

import dev.sitrep.core.Incident;

/**
 * The outcome of a change request: the incident as it now is, and whether anything changed.
 * Asking for the state an incident is already in is not an error; {@code message} says so.
 */
public record Change(Incident incident, boolean changed, String message) {
}
