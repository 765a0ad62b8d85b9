package dev.sitrep.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.PostmortemMilestone;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A postmortem whose text people typed (title, a timeline row, a section, an action item and its
 * owner) holds raw HTML, a {@code javascript:} link, pipes and a line break: the HTML export shows
 * all of it as text and runs nothing, and the Markdown tables keep their rows and columns.
 */
class PostmortemHtmlTest {

    private static final Instant AT = Instant.parse("2026-11-22T23:31:00Z");
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+\\s*=",
            Pattern.CASE_INSENSITIVE);

    private final Postmortem hostile = hostile();
    private final List<ActionItem> actions = List.of(new ActionItem("a1", hostile.incident(),
            "Purge <script>steal()</script> | cache", "<b>eve</b> | ops", LocalDate.parse("2026-12-01"),
            ActionItem.Status.OPEN, AT, "maria", AT, "maria", 1));

    private static Postmortem hostile() {
        List<Postmortem.Section> sections = new ArrayList<>(Postmortem.STANDARD);
        sections.set(0, sections.get(0).withMarkdown("<script>alert('x')</script>\n\n<div onclick=\"steal()\">hi</div>"
                + "\n\nSee [the dashboard](javascript:alert(1)) and <b>this</b>."));
        return new Postmortem(new IncidentId("INC-20261122-2340-Q3DD"),
                "Incident 2026-11-22: <script>alert(1)</script> | checkout", "SEV1", null, null, null, null,
                List.of(new Postmortem.TimelineRow(null, AT, "<img src=x onerror=alert(1)> 502s | edge\n| injected | row |",
                        PostmortemMilestone.ALERT_FIRED, true)),
                List.of(), List.of(), List.of(), sections, AT);
    }

    @Test
    void rawHtmlTypedByPeopleIsShownAsText() {
        String html = PostmortemHtml.render(hostile, actions);
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<img").doesNotContain("<b>")
                .doesNotContain("<div")
                .contains("<h1>Incident 2026-11-22: &lt;script&gt;alert(1)&lt;/script&gt; | checkout</h1>")
                .contains("<p>&lt;script&gt;alert('x')&lt;/script&gt;</p>")
                .contains("&lt;div onclick=&quot;steal()&quot;&gt;hi&lt;/div&gt;")
                .contains("and &lt;b&gt;this&lt;/b&gt;.");
    }

    @Test
    void noElementCarriesAnEventHandler() {
        assertThat(EVENT_HANDLER.matcher(PostmortemHtml.render(hostile, actions)).find()).isFalse();
    }

    @Test
    void javascriptLinksLoseTheirTarget() {
        String html = PostmortemHtml.render(hostile, actions);
        assertThat(html).doesNotContainIgnoringCase("javascript:")
                .contains("<a rel=\"nofollow\" href=\"\">the dashboard</a>");
    }

    @Test
    void theTitleElementIsEscaped() {
        assertThat(PostmortemHtml.render(hostile, actions))
                .contains("<title>Incident 2026-11-22: &lt;script&gt;alert(1)&lt;/script&gt; | checkout</title>");
    }

    @Test
    void theDocumentIsStandaloneWithAPolicyThatForbidsScripts() {
        String html = PostmortemHtml.render(hostile, actions);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .doesNotContain("<link").doesNotContain("@import").endsWith("</html>\n");
    }

    @Test
    void pipesAndLineBreaksInCellsKeepTheMarkdownRowsIntact() {
        String md = PostmortemMarkdown.render(hostile, actions);
        assertThat(md.lines()).contains(
                "| 2026-11-22 23:31 | <img src=x onerror=alert(1)> 502s \\| edge \\| injected \\| row \\| | **alert fired** |",
                "| Purge <script>steal()</script> \\| cache | <b>eve</b> \\| ops | 2026-12-01 | open |");
    }

    @Test
    void escapedPipesStayInsideTheirHtmlCells() {
        String html = PostmortemHtml.render(hostile, actions);
        assertThat(html).contains("<tr>\n<td class=\"date\">2026-11-22 23:31</td>\n"
                        + "<td>&lt;img src=x onerror=alert(1)&gt; 502s | edge | injected | row |</td>\n"
                        + "<td><strong>alert fired</strong></td>\n</tr>")
                .contains("<tr>\n<td>Purge &lt;script&gt;steal()&lt;/script&gt; | cache</td>\n"
                        + "<td>&lt;b&gt;eve&lt;/b&gt; | ops</td>\n<td class=\"date\">2026-12-01</td>\n<td>open</td>\n</tr>");
    }
}
