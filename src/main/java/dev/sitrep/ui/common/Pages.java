package dev.sitrep.ui.common;

import javafx.scene.Node;

/** Where the window gets its pages once the workspace is open: each built when first shown. */
public interface Pages {

    /** The page's content, built on the first call; called each time the page comes up. */
    Node show(Page page);

    /** The page was replaced by another. */
    void hidden(Page page);
}
