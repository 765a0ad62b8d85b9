package dev.sitrep.ui.common;

/**
 * One part of the console (a page or a sheet) built from a {@link FeatureContext} when first used: it builds its
 * view-model and view and subscribes itself to store changes and the clock.
 */
public interface Feature {

    /** The window is closing: hand in last saves, stop work under way. */
    default void close() {
    }
}
