package dev.sitrep.ui.incident;

/**
 * One timeline line as shown: when (UTC and local with the date; a backdated entry says so and when it
 * was recorded), what kind, who, the text, and
 * whether a later correction replaced it.
 */
public record TimelineRow(String id, String when, String type, String actor, String text, boolean superseded,
                          boolean correction) {
}
