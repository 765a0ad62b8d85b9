package dev.sitrep.runbook.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the lines once, top to bottom, into {@link Block}s: headings, list items (with the
 * commands and expectations under them), paragraphs, code, tables, decision trees, and what has
 * no place in a runbook. Every line that is not blank ends up in some block, so nothing is lost
 * on the way to the {@link OutlineBuilder}.
 */
final class BlockScanner {

    /** Info strings of code fences that name a language; any other info string is kept as the code's first line. */
    private static final java.util.Set<String> LANGUAGES = java.util.Set.of("bash", "sh", "shell", "zsh", "fish", "console",
            "terminal", "shell-session", "sh-session", "text", "txt", "plaintext", "plain", "output", "log", "none", "raw",
            "sql", "psql", "pgsql", "postgresql", "postgres", "mysql", "sqlite", "sqlite3", "json", "jsonc", "yaml", "yml",
            "toml", "ini", "xml", "html", "http", "python", "py", "ruby", "rb", "go", "java", "js", "javascript", "ts",
            "typescript", "powershell", "ps1", "pwsh", "cmd", "bat", "dockerfile", "docker", "nginx", "conf", "hcl",
            "terraform", "tf", "diff", "markdown", "md", "csv", "properties", "kotlin", "rust", "c", "cpp", "redis",
            "promql", "jq", "env", "dotenv", "graphql", "lua", "perl", "php", "makefile", "groovy", "scala", "r",
            "swift", "csharp", "cs", "awk", "sed", "tree", "ascii", "mermaid", "curl", "kubectl", "vault");
    private final List<Line> lines;
    private final boolean markdown;
    private final Map<Integer, String> dropped;
    private final int titleIndex;
    private final List<Block> out = new ArrayList<>();
    private final LineFacts facts;
    private String title;
    private int i;


    private BlockScanner(List<Line> lines, boolean markdown, PageChrome.Found chrome) {
        this.lines = lines;
        this.markdown = markdown;
        this.dropped = chrome.dropped();
        this.titleIndex = chrome.title();
        this.facts = new LineFacts(lines, markdown, chrome);
    }

    /** The blocks, and the title line's text ({@code null} when there is none). */
    record Scanned(String title, int titleLine, List<Block> blocks) {
    }

    static Scanned scan(List<Line> lines, boolean markdown, PageChrome.Found chrome) {
        BlockScanner scanner = new BlockScanner(lines, markdown, chrome);
        while (scanner.i < lines.size()) {
            scanner.next();
        }
        int titleLine = chrome.title() >= 0 ? lines.get(chrome.title()).number() : 0;
        return new Scanned(scanner.title, titleLine, scanner.out);
    }

    /** True when the text uses Markdown headings (then only they, bold lines and write-up parts are headings). */
    static boolean isMarkdown(List<Line> lines) {
        boolean fence = false;
        for (int k = 0; k < lines.size(); k++) {
            Line l = lines.get(k);
            if (LineClassifier.fence(l) != null) {
                fence = !fence;
            } else if (!fence && LineClassifier.atx(l) != null) {
                return true;
            }
        }
        return false;
    }

    private void next() {
        Line l = lines.get(i);
        String reason = dropped.get(i);
        if (reason != null) {
            out.add(new Block.Adjusted(l.number(), l.content(), reason));
            i++;
        } else if (l.blank()) {
            i++;
        } else if (i == titleIndex) {
            title = HeadingDetector.text(LineClassifier.atx(l) != null ? LineClassifier.atx(l).text() : l.content());
            i += i + 1 < lines.size() && LineClassifier.setextLevel(lines.get(i + 1)) > 0 ? 2 : 1;
        } else if (LineClassifier.fence(l) != null) {
            fenced(LineClassifier.fence(l));
        } else if (l.content().startsWith("<!--")) {
            comment();
        } else if (facts.treeStartsAt(i)) {
            tree();
        } else {
            structural(l);
        }
    }

    private void structural(Line l) {
        LineClassifier.Atx atx = LineClassifier.atx(l);
        ListParser.Marker marker;
        if (atx != null) {
            out.add(new Block.Heading(l.number(), atx.level(), HeadingDetector.text(atx.text()), true));
            i++;
        } else if (facts.setextAt(i)) {
            out.add(new Block.Heading(l.number(), LineClassifier.setextLevel(lines.get(i + 1)), HeadingDetector.text(l.content()),
                    true));
            i += 2;
        } else if (LineClassifier.isRule(l) || LineClassifier.setextLevel(l) > 0 && l.content().charAt(0) == '=') {
            i++;
        } else if (facts.tableStartsAt(i)) {
            table();
        } else if ((marker = facts.marker(i)) != null) {
            item(marker);
        } else if (facts.indentedCodeAt(i)) {
            indentedCode();
        } else if (facts.commandAt(i)) {
            command();
        } else {
            text(l);
        }
    }

    private void text(Line l) {
        String c = l.content();
        String expect = LineClassifier.expect(c);
        HeadingDetector.Labelled labelled;
        if (expect != null) {
            out.add(new Block.Expect(l.number(), expect));
            i++;
        } else if (LineClassifier.isImage(c)) {
            out.add(new Block.Unmapped(l.number(), c, "an image; a runbook holds text only: kept as a note"));
            i++;
        } else if ((labelled = HeadingDetector.labelled(c)) != null) {
            out.add(new Block.Heading(l.number(), 2, labelled.label(), false));
            String cmd = CommandDetector.command(labelled.rest());
            String rest = labelled.rest();
            rest = Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
            out.add(cmd != null ? new Block.Code(l.number(), cmd, "", false) : new Block.Paragraph(l.number(), rest));
            i++;
        } else if (facts.plainHeading(i)) {
            out.add(new Block.Heading(l.number(), HeadingDetector.plainLevel(c), HeadingDetector.text(c), false));
            i++;
        } else {
            paragraph();
        }
    }

    // ---- code

    private void fenced(LineClassifier.Fence fence) {
        Line open = lines.get(i++);
        List<Line> body = new ArrayList<>();
        while (i < lines.size() && !LineClassifier.closes(lines.get(i), fence)) {
            body.add(lines.get(i++));
        }
        if (i < lines.size()) {
            i++;
        } else {
            out.add(new Block.Adjusted(open.number(), open.content(), "this code fence never closes; everything after it "
                    + "was read as its code"));
        }
        String info = fence.info();
        if (!info.isEmpty() && !LANGUAGES.contains(info.replaceAll("\\s*\\{.*$", "").toLowerCase(java.util.Locale.ROOT))) {
            body.add(0, new Line(open.number(), 0, info));
            info = "";
        }
        addCode(open.number(), body, info.replaceAll("\\s*\\{.*$", ""), true);
    }

    private void addCode(int line, List<Line> body, String language, boolean fenced) {
        if (body.stream().allMatch(Line::blank)) {
            return;
        }
        if (body.stream().anyMatch(b -> LineClassifier.isTreeLine(b.content()))) {
            out.add(new Block.Tree(body.get(0).number(), body.stream().filter(b -> !b.blank()).toList()));
            return;
        }
        out.add(new Block.Code(line, dedent(body), language.toLowerCase(java.util.Locale.ROOT), fenced));
    }

    private static String dedent(List<Line> body) {
        int min = body.stream().filter(b -> !b.blank()).mapToInt(Line::indent).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        int first = 0;
        int last = body.size() - 1;
        while (body.get(first).blank()) {
            first++;
        }
        while (body.get(last).blank()) {
            last--;
        }
        for (int k = first; k <= last; k++) {
            Line b = body.get(k);
            if (k > first) {
                sb.append('\n');
            }
            if (!b.blank()) {
                sb.append(" ".repeat(b.indent() - min)).append(b.content());
            }
        }
        return sb.toString();
    }

    private void indentedCode() {
        int line = lines.get(i).number();
        List<Line> body = new ArrayList<>();
        while (i < lines.size()) {
            Line l = lines.get(i);
            if (l.blank()) {
                int k = facts.nextNonBlank(i, lines.size());
                if (k < 0 || lines.get(k).indent() < 4) {
                    break;
                }
            } else if (l.indent() < 4 || dropped.containsKey(i)) {
                break;
            }
            body.add(l);
            i++;
        }
        addCode(line, body, "", false);
    }

    private void command() {
        Line first = lines.get(i++);
        String cmd = CommandDetector.command(first.content());
        StringBuilder text = new StringBuilder(cmd != null ? cmd : first.content());
        while (i < lines.size() && !dropped.containsKey(i) && CommandDetector.continues(text.toString(), lines.get(i).content())) {
            text.append('\n').append(lines.get(i++).content());
        }
        out.add(new Block.Code(first.number(), text.toString(), "", false));
    }

    private void comment() {
        Line first = lines.get(i);
        StringBuilder text = new StringBuilder();
        while (i < lines.size()) {
            String c = lines.get(i++).content();
            text.append(text.length() > 0 ? " " : "").append(c);
            if (c.contains("-->")) {
                break;
            }
        }
        String inner = text.toString().replace("<!--", " ").replace("-->", " ").strip().replaceAll("\\s{2,}", " ");
        if (inner.equalsIgnoreCase("toc")) {
            out.add(new Block.Adjusted(first.number(), text.toString(), "a table-of-contents marker; left out"));
        } else if (!inner.isEmpty()) {
            out.add(new Block.Unmapped(first.number(), inner, "an HTML comment (hidden on the page): kept as a note"));
        }
    }

    // ---- trees

    private void tree() {
        int line = lines.get(i).number();
        List<Line> body = new ArrayList<>();
        while (i < lines.size() && !dropped.containsKey(i)) {
            Line l = lines.get(i);
            if (l.blank()) {
                int k = facts.nextNonBlank(i, Math.min(lines.size(), i + 3));
                if (k < 0 || !facts.treeContinues(k, body, true)) {
                    break;
                }
                i = k;
                continue;
            }
            if (!body.isEmpty() && !facts.treeContinues(i, body, false)) {
                break;
            }
            body.add(l);
            i++;
        }
        out.add(new Block.Tree(line, body));
    }

    // ---- tables

    private void table() {
        int line = lines.get(i).number();
        boolean pipe = lines.get(i).content().indexOf('|') >= 0;
        List<Block.Table.Row> rows = new ArrayList<>();
        boolean separated = false;
        while (i < lines.size() && !dropped.containsKey(i)) {
            Line l = lines.get(i);
            String c = l.content();
            if (pipe && LineClassifier.isSeparator(c)) {
                separated |= rows.size() == 1;
                i++;
            } else if (pipe && !c.isEmpty() && c.indexOf('|') >= 0) {
                rows.add(new Block.Table.Row(l.number(), TableParser.cells(c)));
                i++;
            } else if (!pipe && LineClassifier.tabCells(l) != null) {
                rows.add(new Block.Table.Row(l.number(), LineClassifier.tabCells(l).stream().map(Inline::plain).toList()));
                i++;
            } else {
                break;
            }
        }
        out.add(new Block.Table(line, rows, separated));
    }

    // ---- lists and paragraphs

    private void item(ListParser.Marker marker) {
        Line first = lines.get(i++);
        String text = marker.text();
        int contentIndent = marker.contentIndent();
        if (marker.alone()) {
            int k = facts.nextNonBlank(i, Math.min(lines.size(), i + 2));
            if (k < 0 || dropped.containsKey(k) || facts.marker(k) != null || facts.loneMarkerStops(k)) {
                out.add(new Block.Unmapped(first.number(), first.content(), "a list marker with no text after it; kept as a note"));
                return;
            }
            text = lines.get(k).content();
            contentIndent = Math.max(lines.get(k).indent(), marker.indent() + 1);
            i = k + 1;
        }
        ItemBody body = new ItemBody(text);
        while (i < lines.size() && !dropped.containsKey(i)) {
            Line l = lines.get(i);
            if (l.blank()) {
                int k = facts.nextNonBlank(i, lines.size());
                if (k >= 0 && lines.get(k).indent() >= contentIndent && lines.get(k).indent() > marker.indent()
                        && facts.marker(k) == null && !dropped.containsKey(k)) {
                    i = k;
                    continue;
                }
                break;
            }
            if (!belongsToItem(l, marker, body)) {
                break;
            }
        }
        out.add(new Block.Item(first.number(), marker.checkbox(), body.text.toString(), body.command(), body.expect()));
    }

    /** Takes line {@code i} into the item when it belongs there; false when the item ends before it. */
    private boolean belongsToItem(Line l, ListParser.Marker marker, ItemBody body) {
        String c = l.content();
        boolean deeper = l.indent() > marker.indent();
        if (facts.marker(i) != null || LineClassifier.atx(l) != null || LineClassifier.isTreeLine(c)
                || LineClassifier.isPipeRow(c) || facts.tableStartsAt(i)) {
            return false;
        }
        LineClassifier.Fence fence = LineClassifier.fence(l);
        if (fence != null) {
            if (!deeper || facts.fenceHoldsTree(i, fence)) {
                return false;
            }
            int open = i++;
            List<Line> code = new ArrayList<>();
            while (i < lines.size() && !LineClassifier.closes(lines.get(i), fence)) {
                code.add(lines.get(i++));
            }
            if (i < lines.size()) {
                i++;
            } else {
                out.add(new Block.Adjusted(lines.get(open).number(), c, "this code fence never closes; everything after "
                        + "it was read as its code"));
            }
            if (!code.stream().allMatch(Line::blank)) {
                body.command(dedent(code));
            }
            return true;
        }
        String cmd = CommandDetector.command(c);
        if (cmd != null && (deeper || !markdown)) {
            i++;
            StringBuilder sb = new StringBuilder(cmd);
            while (i < lines.size() && CommandDetector.continues(sb.toString(), lines.get(i).content())) {
                sb.append('\n').append(lines.get(i++).content());
            }
            body.command(sb.toString());
            return true;
        }
        String expect = LineClassifier.expect(c);
        if (expect != null && (deeper || body.hasCommand())) {
            body.expect(Inline.plain(expect));
            i++;
            return true;
        }
        boolean lazy = markdown && !deeper && Character.isLowerCase(c.charAt(0)) && !lines.get(i - 1).blank();
        if ((deeper || lazy) && cmd == null && !facts.plainHeading(i)) {
            body.text.append(' ').append(c);
            i++;
            return true;
        }
        return false;
    }

    /** What collects under a list item. */
    private static final class ItemBody {
        final StringBuilder text;
        private String command;
        private String expect;

        ItemBody(String text) {
            this.text = new StringBuilder(text);
        }

        void command(String more) {
            command = command == null ? more : command + "\n" + more;
        }

        void expect(String more) {
            expect = expect == null ? more : expect + " " + more;
        }

        boolean hasCommand() {
            return command != null;
        }

        String command() {
            return command;
        }

        String expect() {
            return expect;
        }
    }

    private void paragraph() {
        Line first = lines.get(i++);
        StringBuilder text = new StringBuilder(first.content());
        String previous = first.content();
        while (i < lines.size() && !dropped.containsKey(i)) {
            Line l = lines.get(i);
            if (l.blank() || facts.startsStructure(i) || LineClassifier.isRule(l) || LineClassifier.setextLevel(l) > 0) {
                break;
            }
            if (!markdown && (LineClassifier.endsSentence(previous) || previous.endsWith(":"))
                    && !Character.isLowerCase(l.content().charAt(0))) {
                break;
            }
            text.append(' ').append(l.content());
            previous = l.content();
            i++;
        }
        out.add(new Block.Paragraph(first.number(), text.toString()));
    }

}
