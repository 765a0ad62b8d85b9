package dev.sitrep.ui.markdown;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One pass over a parsed commonmark document that builds the JavaFX nodes showing it. It reads
 * nothing and opens nothing: an image becomes its alt text, a link its text with the address in a
 * tooltip, raw HTML the text it is. Blocks go into the container being filled (the top level, a
 * quote, a list item); inline content goes into the {@link InlineRuns} of the block being built.
 */
final class NodeBuilder extends AbstractVisitor {

    private static final String[] BULLETS = {"•", "◦", "▪"};

    private final Deque<List<Node>> containers = new ArrayDeque<>();
    private InlineRuns inlines;
    private InlineRuns.Style style = InlineRuns.Style.PLAIN;
    /** How many bullet lists enclose the one being built: as in a browser, ordered lists do not count. */
    private int bulletDepth;

    private NodeBuilder(List<Node> top) {
        containers.push(top);
    }

    /** The nodes showing {@code block}: usually one, none for a link reference definition. */
    static List<Node> build(org.commonmark.node.Node block) {
        List<Node> nodes = new ArrayList<>();
        block.accept(new NodeBuilder(nodes));
        return nodes;
    }

    // Blocks

    @Override
    public void visit(Heading heading) {
        add(inline(heading, new TextFlow(), "md-heading", "md-h" + heading.getLevel()));
    }

    @Override
    public void visit(Paragraph paragraph) {
        add(inline(paragraph, new TextFlow(), "md-paragraph"));
    }

    @Override
    public void visit(BlockQuote quote) {
        VBox box = new VBox();
        box.getStyleClass().add("md-quote");
        fill(box, quote);
        add(box);
    }

    @Override
    public void visit(BulletList list) {
        String bullet = BULLETS[Math.min(bulletDepth, BULLETS.length - 1)];
        bulletDepth++;
        GridPane grid = list(list, item -> bullet, "md-bullet-list");
        bulletDepth--;
        add(grid);
    }

    @Override
    public void visit(OrderedList list) {
        int start = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
        String delimiter = list.getMarkerDelimiter() == null ? "." : list.getMarkerDelimiter();
        add(list(list, item -> (start + item) + delimiter, "md-ordered-list"));
    }

    @Override
    public void visit(FencedCodeBlock code) {
        add(new CodeBlock(withoutFinalNewline(code.getLiteral())));
    }

    @Override
    public void visit(IndentedCodeBlock code) {
        add(new CodeBlock(withoutFinalNewline(code.getLiteral())));
    }

    @Override
    public void visit(ThematicBreak rule) {
        Separator separator = new Separator();
        separator.getStyleClass().add("md-rule");
        add(separator);
    }

    @Override
    public void visit(HtmlBlock html) {
        Text text = new Text(withoutFinalNewline(html.getLiteral()));
        text.getStyleClass().addAll("md-text", "md-html");
        TextFlow flow = new TextFlow(text);
        flow.getStyleClass().add("md-html-block");
        add(flow);
    }

    @Override
    public void visit(CustomBlock block) {
        if (block instanceof TableBlock table) {
            add(table(table));
        } else {
            visitChildren(block);
        }
    }

    // Inlines

    @Override
    public void visit(org.commonmark.node.Text text) {
        inlines.append(text.getLiteral(), style);
    }

    @Override
    public void visit(Emphasis emphasis) {
        styled(style.emphasized(), emphasis);
    }

    @Override
    public void visit(StrongEmphasis strong) {
        styled(style.bold(), strong);
    }

    @Override
    public void visit(Code code) {
        inlines.append(code.getLiteral(), style.asCode());
    }

    @Override
    public void visit(Link link) {
        styled(style.linkedTo(link.getDestination()), link);
    }

    @Override
    public void visit(Image image) {
        String alt = altText(image);
        inlines.append("[" + (alt.isBlank() ? "image" : alt) + "]", style.asImage());
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
        inlines.append(" ", style);
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
        inlines.append("\n", style);
    }

    @Override
    public void visit(HtmlInline html) {
        inlines.append(html.getLiteral(), style);
    }

    // Builders

    private void add(Node block) {
        containers.peek().add(block);
    }

    private void fill(Pane box, org.commonmark.node.Node parent) {
        containers.push(box.getChildren());
        visitChildren(parent);
        containers.pop();
    }

    private TextFlow inline(org.commonmark.node.Node parent, TextFlow flow, String... styleClasses) {
        inlines = new InlineRuns(flow, styleClasses);
        visitChildren(parent);
        inlines.finish();
        inlines = null;
        return flow;
    }

    private void styled(InlineRuns.Style inner, org.commonmark.node.Node parent) {
        InlineRuns.Style outer = style;
        style = inner;
        visitChildren(parent);
        style = outer;
    }

    /** Markers in a right-aligned column as wide as the widest marker, item content beside them. */
    private GridPane list(ListBlock list, IntFunction<String> marker, String kind) {
        GridPane grid = new GridPane();
        grid.getStyleClass().addAll("md-list", kind, list.isTight() ? "md-tight" : "md-loose");
        ColumnConstraints markers = new ColumnConstraints();
        markers.setMinWidth(Region.USE_PREF_SIZE);
        markers.setHalignment(HPos.RIGHT);
        ColumnConstraints content = new ColumnConstraints();
        content.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(markers, content);
        int row = 0;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            Text number = new Text(marker.apply(row));
            number.getStyleClass().addAll("md-text", "md-list-marker");
            VBox body = new VBox();
            body.getStyleClass().add("md-list-item");
            fill(body, item);
            GridPane.setValignment(number, VPos.TOP);
            grid.addRow(row++, number, body);
        }
        return grid;
    }

    /** Cells as text flows on a grid as wide as its content needs; the header row has its own class. */
    private GridPane table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        grid.setMaxWidth(Region.USE_PREF_SIZE);
        int row = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (org.commonmark.node.Node tableRow = section.getFirstChild(); tableRow != null;
                 tableRow = tableRow.getNext()) {
                int column = 0;
                for (org.commonmark.node.Node c = tableRow.getFirstChild(); c != null; c = c.getNext()) {
                    TableCell cell = (TableCell) c;
                    String kind = cell.isHeader() ? "md-table-header" : "md-table-cell";
                    TextFlow flow = inline(cell, new TableCellFlow(), kind);
                    flow.setTextAlignment(alignment(cell.getAlignment()));
                    grid.add(flow, column++, row);
                }
                row++;
            }
        }
        return grid;
    }

    private static TextAlignment alignment(TableCell.Alignment alignment) {
        if (alignment == null) {
            return TextAlignment.LEFT;
        }
        return switch (alignment) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        };
    }

    private static String altText(Image image) {
        StringBuilder alt = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text text) {
                alt.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                alt.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                alt.append(' ');
            }
        });
        return alt.toString();
    }

    private static String withoutFinalNewline(String literal) {
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }
}
