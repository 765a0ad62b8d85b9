package dev.sitrep.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.Html;
import dev.sitrep.core.Postmortem;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A postmortem as one standalone HTML5 file to mail, attach or print: the {@link PostmortemMarkdown}
 * text rendered by commonmark (GitHub tables), with inline CSS that also reads well on paper. Nothing
 * is loaded from elsewhere and nothing runs: there is no script, raw HTML that someone typed is shown
 * as text, links keep only http, https and mailto addresses (a {@code javascript:} or {@code data:}
 * link loses its target), and a Content-Security-Policy forbids scripts should anything slip
 * through. Images people linked over https in their sections are the one thing a reader's browser
 * may fetch.
 */
public final class PostmortemHtml {

    /** A cell that holds only a day or a UTC time, kept on one line (a browser would break it after a hyphen). */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2})?");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> PostmortemHtml::markDates)
            .build();

    private static final String STYLE = """
            :root { color: #1a1a1a; background: #fff; }
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
            h1 { font-size: 1.6rem; margin: 0 0 1rem; }
            h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid #bbb; }
            h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
            th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top;
                     overflow-wrap: break-word; }
            td code { word-break: break-all; }
            td.date { white-space: nowrap; }
            th { background: #f0f0f0; }
            th:empty { padding: 0; border: 0; background: none; }
            code { font: .9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
            pre { background: #f6f6f6; border: 1px solid #ddd; padding: .5rem; white-space: pre-wrap; }
            a { color: #0645ad; }
            @page { margin: 16mm; }
            @media print {
              body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
              h1, h2, h3 { break-after: avoid; }
              tr, li, pre { break-inside: avoid; }
              thead { display: table-header-group; }
              th { background: none; }
              a { color: inherit; }
              a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
            }
            """;

    private PostmortemHtml() {
    }

    public static String render(Postmortem p, List<ActionItem> actions) {
        String body = RENDERER.render(PARSER.parse(PostmortemMarkdown.render(p, actions)));
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src https:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"Sitrep\">\n"
                + "<title>" + Html.escape(p.title()) + "</title>\n"
                + "<style>\n" + STYLE + "</style>\n"
                + "</head>\n"
                + "<body>\n"
                + "<main>\n"
                + body
                + "</main>\n"
                + "</body>\n"
                + "</html>\n";
    }

    private static void markDates(Node node, String tag, Map<String, String> attributes) {
        if (node instanceof TableCell && node.getFirstChild() instanceof Text text && text.getNext() == null
                && DATE.matcher(text.getLiteral()).matches()) {
            attributes.put("class", "date");
        }
    }
}
