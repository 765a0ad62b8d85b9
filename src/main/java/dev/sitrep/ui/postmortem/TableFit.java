package dev.sitrep.ui.postmortem;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import javafx.util.Callback;
import javafx.util.converter.DefaultStringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the postmortem's tables fit the editor's scrolling page: a column never narrower than its
 * texts in its cells' own font and padding (whatever the theme), a column whose text wraps with
 * its row growing to fit, and a table as tall as all its rows, so it has no scroll of its own and
 * the wheel over it scrolls the page.
 */
final class TableFit {

    private TableFit() {
    }

    /**
     * Sizes {@code column} to the widest of {@code texts} and of the texts its cells show (it only grows),
     * so a constrained table gives the room left to its other columns.
     */
    static <S, T> void wideEnoughFor(TableColumn<S, T> column, List<String> texts) {
        Callback<TableColumn<S, T>, TableCell<S, T>> cells = column.getCellFactory();
        column.setCellFactory(c -> {
            TableCell<S, T> cell = cells.call(c);
            InvalidationListener measure = o -> widen(column, cell, texts);
            cell.fontProperty().addListener(measure);
            cell.paddingProperty().addListener(measure);
            cell.textProperty().addListener(measure);
            return cell;
        });
    }

    private static void widen(TableColumn<?, ?> column, TableCell<?, ?> cell, List<String> texts) {
        List<String> all = new ArrayList<>(texts);
        if (cell.getText() != null) {
            all.add(cell.getText());
        }
        Text probe = new Text();
        probe.setFont(cell.getFont());
        double widest = 0;
        for (String text : all) {
            probe.setText(text);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        double needed = Math.ceil(widest + cell.snappedLeftInset() + cell.snappedRightInset()
                + cell.getLabelPadding().getLeft() + cell.getLabelPadding().getRight()) + 2;
        if (needed > column.getMinWidth()) {
            column.setMaxWidth(needed);
            column.setMinWidth(needed);
            column.setPrefWidth(needed);
        }
    }

    /** Wraps {@code column}'s text to its width (the row grows to fit); a double-click still edits it. */
    static <S> void wrapping(TableColumn<S, String> column) {
        column.setCellFactory(c -> new WrappedTextCell<>());
    }

    /** A text cell that wraps: as tall as its text at its column's width. */
    private static final class WrappedTextCell<S> extends TextFieldTableCell<S, String> {

        WrappedTextCell() {
            super(new DefaultStringConverter());
            setWrapText(true);
        }

        /** A table row asks its cells' height for no width: answer for the column's. */
        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 && getTableColumn() != null ? getTableColumn().getWidth() : width);
        }
    }

    /**
     * Makes {@code table} as tall as its header and all its rows, which it then never scrolls; a table
     * of more than {@link #ALL_ROWS_UP_TO} rows (a chatty platform's events) is one view of the page
     * tall and scrolls within, handing the wheel to the page at its ends.
     */
    static <S> void allRows(TableView<S> table) {
        table.setSkin(new AllRowsSkin<>(table));
    }

    /** The most rows a table shows whole: a person reads this many, and laying out more would slow the page. */
    static final int ALL_ROWS_UP_TO = 100;

    private static final class AllRowsSkin<S> extends TableViewSkin<S> {

        private double asked;

        AllRowsSkin(TableView<S> table) {
            super(table);
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            VirtualFlow<?> flow = getVirtualFlow();
            if (flow.getCellCount() > ALL_ROWS_UP_TO) {
                return viewHeight().orElseGet(() -> super.computePrefHeight(width, top, right, bottom, left));
            }
            double rows = 0;
            for (int i = 0; i < flow.getCellCount(); i++) {
                IndexedCell<?> row = flow.getCell(i); // a row on screen, else one measured off screen
                rows += row.prefHeight(flow.getWidth()); // for a width: measured now, never a cached height
                if (row != flow.getVisibleCell(i)) {
                    row.updateIndex(-1); // as the flow releases what it measured
                }
            }
            if (flow.getCellCount() == 0 && getSkinnable().getPlaceholder() != null) {
                rows = getSkinnable().getPlaceholder().prefHeight(width);
            }
            // a pixel to spare: the flow adds up rows of 39.2 px its own way, and must not find them taller than it
            return Math.ceil(top + getTableHeaderRow().prefHeight(width) + rows + bottom) + 1;
        }

        /** The height of the scroll pane's view the table is in (the page's), if it is in one. */
        private Optional<Double> viewHeight() {
            for (Parent p = getSkinnable().getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane page) {
                    return Optional.of(page.getViewportBounds().getHeight());
                }
            }
            return Optional.empty();
        }

        /**
         * The rows change inside the table's own layout (it counts them, the columns rewrap their text),
         * where a request for a new height does not reach the page: ask again once this pass is over.
         */
        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            super.layoutChildren(x, y, w, h);
            double needed = computePrefHeight(-1, snappedTopInset(), snappedRightInset(), snappedBottomInset(),
                    snappedLeftInset());
            if (Math.abs(needed - getSkinnable().getHeight()) > 0.5 && needed != asked) {
                asked = needed;
                Platform.runLater(getSkinnable()::requestLayout);
            }
        }
    }
}
