package dev.sitrep.ui.markdown;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * A code block: its text exactly, in monospace, never wrapped. A line longer than the block is
 * wide scrolls sideways, and the block is then taller by the scroll bar, so the bar never covers
 * the last line (a scroll pane alone sizes itself as if no bar will show).
 */
final class CodeBlock extends ScrollPane {

    private final Text text;

    CodeBlock(String code) {
        text = new Text(code);
        text.getStyleClass().addAll("md-text", "md-code-block-text");
        setContent(text);
        getStyleClass().add("md-code-block");
        setVbarPolicy(ScrollBarPolicy.NEVER);
        setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setFitToHeight(true);
    }

    /** Its height depends on its width: narrower than its longest line, it needs the scroll bar. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double height = super.computePrefHeight(width);
        if (width < 0 || text.prefWidth(-1) <= width - snappedLeftInset() - snappedRightInset()) {
            return height;
        }
        for (Node bar : lookupAll(".scroll-bar")) {
            if (((ScrollBar) bar).getOrientation() == Orientation.HORIZONTAL) {
                return height + bar.prefHeight(-1);
            }
        }
        return height;
    }
}
