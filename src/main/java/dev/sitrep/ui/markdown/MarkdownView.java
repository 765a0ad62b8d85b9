package dev.sitrep.ui.markdown;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.List;

/**
 * Markdown shown as plain JavaFX nodes, for the postmortem editor's live preview (no browser
 * engine): headings, paragraphs, lists, quotes, code, GitHub tables and rules. Nothing is ever
 * fetched or opened: a link shows its address in a tooltip, an image shows its alt text in
 * brackets, raw HTML shows as the text it is. Paragraphs wrap to the width the view is given
 * (put it in a {@code ScrollPane} with {@code fitToWidth}); a code block scrolls sideways instead.
 * Setting new text rebuilds only the blocks whose text changed, so it can follow every keystroke.
 */
public final class MarkdownView extends VBox {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private final BlockCache blocks = new BlockCache();

    public MarkdownView() {
        getStyleClass().add("markdown-view");
        getStylesheets().add(MarkdownView.class.getResource("/dev/sitrep/ui/markdown/markdown.css").toExternalForm());
    }

    /** Shows {@code markdown} in place of what was shown. Call on the FX thread. */
    public void setMarkdown(String markdown) {
        show(blocks.nodes(PARSER.parse(markdown), markdown));
    }

    /** Replaces only the run of children that differs, so the blocks kept stay in the scene untouched. */
    private void show(List<Node> nodes) {
        ObservableList<Node> children = getChildren();
        int common = Math.min(children.size(), nodes.size());
        int head = 0;
        while (head < common && children.get(head) == nodes.get(head)) {
            head++;
        }
        int tail = 0;
        while (tail < common - head
                && children.get(children.size() - 1 - tail) == nodes.get(nodes.size() - 1 - tail)) {
            tail++;
        }
        children.remove(head, children.size() - tail);
        children.addAll(head, nodes.subList(head, nodes.size() - tail));
    }
}
