package dev.sitrep.postmortem;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a section's text can do to the document around it, and table cells. */
class PostmortemMarkdownTest {

    @Test
    void anOpenFenceIsClosedAndRawHtmlBlocksReadAsText() {
        assertThat(PostmortemMarkdown.contained("Logs:\n```\nERROR pool exhausted")).isEqualTo(
                "Logs:\n```\nERROR pool exhausted\n```");
        assertThat(PostmortemMarkdown.contained("~~~~\ncode\n~~~~\nafter")).isEqualTo("~~~~\ncode\n~~~~\nafter");
        assertThat(PostmortemMarkdown.contained("<script>alert(1)\n  <!-- note\ntext <b>inline</b>")).isEqualTo(
                "\\<script>alert(1)\n  \\<!-- note\ntext <b>inline</b>");
        assertThat(PostmortemMarkdown.contained("```\n<pre>kept inside code</pre>\n```"))
                .isEqualTo("```\n<pre>kept inside code</pre>\n```");

        String doc = "## A\n\n" + PostmortemMarkdown.contained("```\nopen") + "\n\n## B\n\n"
                + PostmortemMarkdown.contained("<pre>\nswallow") + "\n\n## C\n";
        Node parsed = Parser.builder().build().parse(doc);
        int headings = 0;
        for (Node n = parsed.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Heading) {
                headings++;
            }
        }
        assertThat(headings).as("every later heading survives").isEqualTo(3);
    }

    @Test
    void cellsKeepBackslashesAndPipes() {
        assertThat(PostmortemMarkdown.cell("a \\| b | c\nd")).isEqualTo("a \\\\\\| b \\| c d");
    }
}
