package dev.sitrep.ui.markdown;

import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A table cell that wraps only where it helps: when a table is wider than the view, its grid
 * takes the same width from every column down to each column's minimum, so a short cell (a time,
 * a name) keeps its one line and the long cells (what happened) wrap instead.
 */
final class TableCellFlow extends TextFlow {

    /** A cell up to this many ems wide never wraps; a wider one wraps no narrower than this. */
    private static final double UNWRAPPED_EMS = 10;

    @Override
    protected double computeMinWidth(double height) {
        double em = 0;
        for (Node child : getChildren()) {
            em = Math.max(em, ((Text) child).getFont().getSize());
        }
        return Math.min(prefWidth(-1), UNWRAPPED_EMS * em + snappedLeftInset() + snappedRightInset());
    }
}
