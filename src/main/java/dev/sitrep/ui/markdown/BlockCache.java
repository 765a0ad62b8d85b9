package dev.sitrep.ui.markdown;

import javafx.scene.Node;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes shown for each top-level block, by the block's Markdown source, so that a re-render
 * builds only the blocks whose text changed: typing in one paragraph of a long postmortem rebuilds
 * that paragraph, and the rest keep their nodes (no new CSS, no new layout). A top-level block
 * looks the same wherever its text appears, except for link references, which any block may
 * define: when the definitions change, everything is built again.
 */
final class BlockCache {

    private Map<String, Deque<List<Node>>> shown = new HashMap<>();
    private String definitions = "";

    /**
     * The nodes for every top-level block of {@code document}, parsed from {@code markdown} with
     * block source spans: the nodes shown last time for a block with the same source, else new ones.
     */
    List<Node> nodes(org.commonmark.node.Node document, String markdown) {
        String now = definitions(document);
        if (!now.equals(definitions)) {
            shown.clear();
            definitions = now;
        }
        Map<String, Deque<List<Node>>> next = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (org.commonmark.node.Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            String source = source(block, markdown);
            Deque<List<Node>> same = shown.get(source);
            List<Node> built = same == null || same.isEmpty() ? NodeBuilder.build(block) : same.poll();
            next.computeIfAbsent(source, s -> new ArrayDeque<>()).add(built);
            nodes.addAll(built);
        }
        shown = next;
        return nodes;
    }

    /** The block's lines, from the start of its first line: indentation can change a block (a fence's does). */
    private static String source(org.commonmark.node.Node block, String markdown) {
        List<SourceSpan> spans = block.getSourceSpans();
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        int lineStart = first.getInputIndex() - first.getColumnIndex();
        return markdown.substring(lineStart, last.getInputIndex() + last.getLength());
    }

    /** Every link reference definition, in order; they are blocks, so inline content is skipped. */
    private static String definitions(org.commonmark.node.Node document) {
        StringBuilder all = new StringBuilder();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(LinkReferenceDefinition definition) {
                all.append(definition.getLabel()).append('\0').append(definition.getDestination()).append('\0')
                        .append(definition.getTitle()).append('\n');
            }

            @Override
            public void visit(Paragraph paragraph) {
            }

            @Override
            public void visit(Heading heading) {
            }

            @Override
            public void visit(CustomBlock block) {
            }
        });
        return all.toString();
    }
}
