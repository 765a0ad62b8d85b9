package dev.sitrep.ui.common;

import javafx.scene.Node;

/** A page of the console: built when first shown. */
public interface PageFeature extends Feature {

    Node node();

    /** The page has come up (also right after it was built). */
    default void shown() {
    }

    /** Another page took its place. */
    default void hidden() {
    }
}
