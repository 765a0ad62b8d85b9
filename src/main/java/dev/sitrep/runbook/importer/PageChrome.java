package dev.sitrep.runbook.importer;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a web page or wiki puts around a runbook when its text is copied: navigation and
 * breadcrumbs before the real title ("Skip to content", "Pages / Ops / Runbooks"), and tables of
 * contents (lines that repeat headings further down, links to anchors, {@code [TOC]}). Finds the
 * title line and the lines to leave out, each with its reason.
 */
final class PageChrome {

    /** Where the title is (-1: none found) and the lines to leave out (index to reason). */
    record Found(int title, Map<Integer, String> dropped) {
    }

    private static final Set<String> NAVIGATION = Set.of("skip to content", "skip to main content", "jump to navigation",
            "jump to search", "navigation menu", "toggle navigation", "main menu", "menu", "search", "search\u2026",
            "log in", "login", "sign in", "sign up", "log out", "home", "edit", "share", "watch", "star", "fork", "more",
            "more actions", "actions", "spaces", "pages", "dashboard", "create", "+ create", "breadcrumbs", "on this page",
            "in this article", "back to top", "print", "export", "copy link", "notifications", "settings", "help",
            "confluence", "notion", "github", "gitlab", "wiki", "bookstack", "public", "private", "code", "issues",
            "pull requests", "projects", "security", "insights", "files", "raw", "blame", "history", "preview",
            "view page source", "page information", "attachments", "like", "add label", "comments", "loading\u2026",
            "loading...", "\u2026", "expand all", "collapse all", "go to file", "add file", "latest commit", "outline",
            "give feedback", "was this page helpful?", "edit this page", "view source", "talk", "read", "discussion",
            "tools", "what links here", "related changes", "permanent link", "copy", "copied!", "open in app",
            "get started", "docs", "documentation", "team space", "all content", "recent", "starred", "apps");
    private static final Set<String> TOC_HEADINGS = Set.of("table of contents", "contents", "on this page", "toc",
            "in this article", "in this runbook", "jump to");
    private static final Pattern TOC_MARKER = Pattern.compile("^(?:\\[\\[_?toc_?]]|\\[toc]|\\{:toc}|<!--\\s*toc\\s*-->|"
            + "\\{\\{toc}}|__toc__|\\* toc)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANCHOR_LINK = Pattern.compile("^(?:[-*+\u2022]\\s+|\\d{1,3}[.)]\\s+)?\\[[^\\]]+\\]\\(#[^)]*\\)$");
    private static final Pattern FOOTER = Pattern.compile("^(?:be the first to like this|no labels|powered by .{1,60}|"
            + "\\d+ (?:likes?|comments?|views?)|write a comment\\W*|add (?:a )?comment\\W*|report a bug|privacy policy|"
            + "terms of (?:use|service)|\u00A9.{0,80}|copyright .{0,80}|was this (?:page|article) helpful\\?|"
            + "(?:yes|no)|edit on github|last updated:? .{0,60})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_BULLET = Pattern.compile("^[-*+\u2022]\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern HASHES = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern BREADCRUMB = Pattern.compile("\\s(?:/|>|\u00BB|\u203A|\\\\)\\s");
    private static final Pattern FILE_STATS = Pattern.compile(
            "^\\d[\\d,]* lines? \\(\\d[\\d,]* (?:loc|sloc)\\).*|.*\u00B7\\s*\\d+(?:\\.\\d+)?\\s*(?:KB|MB|Bytes|bytes)$");
    private static final Pattern METADATA = Pattern.compile("^(?:created|last\\s+(?:updated|modified|edited|reviewed|"
            + "changed)|updated|modified|edited|owned|maintained|written|authored|reviewed|owner)\\b.{0,80}?"
            + "(?:\\bby\\b|\\bon\\b|:|\\d{4})|.*\\b\\d+\\s+min(?:ute)?s?\\s+read\\b.*", Pattern.CASE_INSENSITIVE);

    /** Tables of contents are looked for in the first lines only. */
    private static final int TOC_REGION = 400;

    private final List<Line> lines;
    private final boolean markdown;
    private final Map<Integer, String> dropped = new LinkedHashMap<>();

    private PageChrome(List<Line> lines, boolean markdown) {
        this.lines = lines;
        this.markdown = markdown;
    }

    static Found find(List<Line> lines, boolean markdown) {
        return new PageChrome(lines, markdown).run();
    }

    /** A line of navigation: a menu word, a breadcrumb, a file's size line. */
    static boolean isNavigation(String content) {
        String c = LEADING_BULLET.matcher(content.strip()).replaceFirst("");
        String lower = c.toLowerCase(Locale.ROOT);
        if (NAVIGATION.contains(lower) || FILE_STATS.matcher(c).matches()) {
            return true;
        }
        String[] parts = BREADCRUMB.split(c);
        if (parts.length < 2 || LineClassifier.endsSentence(c)) {
            return false;
        }
        for (String part : parts) {
            if (part.isBlank() || LineClassifier.words(part) > 4) {
                return false;
            }
        }
        return parts.length >= 3 || LineClassifier.words(c) <= 6;
    }

    /** "Created by Dana, last modified on 3 March" and the like. */
    static boolean isMetadata(String content) {
        return content.length() < 200 && METADATA.matcher(content).matches();
    }

    private Found run() {
        int title = markdown ? markdownTitle() : plainTitle();
        if (title >= 0) {
            int next = title + 1;
            while (next < lines.size() && (lines.get(next).blank() || LineClassifier.setextLevel(lines.get(next)) > 0
                    && next == title + 1)) {
                next++;
            }
            if (next < lines.size() && isMetadata(lines.get(next).content())) {
                dropped.put(next, "page metadata (author, dates) under the title; left out");
            }
        }
        tablesOfContents();
        footer();
        return new Found(title, dropped);
    }

    /** The page's footer ("Like", "Be the first to like this", "Powered by ..."): the last lines, when they are all such. */
    private void footer() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String c = lines.get(i).content();
            if (c.isEmpty()) {
                continue;
            }
            if (!isNavigation(c) && !FOOTER.matcher(c).matches()) {
                return;
            }
            dropped.put(i, "the page's footer; left out");
        }
    }

    /** The first {@code #} heading; what comes before it is navigation when any of it looks so. */
    private int markdownTitle() {
        int first = -1;
        boolean fence = false;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (LineClassifier.fence(l) != null) {
                fence = !fence;
            }
            if (!fence && (LineClassifier.atx(l) != null || i + 1 < lines.size() && !l.blank()
                    && LineClassifier.setextLevel(lines.get(i + 1)) > 0 && ListParser.marker(l) == null
                    && !LineClassifier.isPipeRow(l.content()))) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return -1;
        }
        int level = headingLevel(first);
        boolean navigation = false;
        for (int i = 0; i < first; i++) {
            navigation |= isNavigation(lines.get(i).content());
        }
        for (int i = 0; i < first; i++) {
            String c = lines.get(i).content();
            if (c.isEmpty()) {
                continue;
            }
            if (isNavigation(c)) {
                dropped.put(i, "navigation before the title; left out");
            } else if (navigation && LineClassifier.words(c) <= 8 && !LineClassifier.endsSentence(c)
                    && LineClassifier.fence(lines.get(i)) == null && !CommandDetector.isCommand(c)
                    && c.indexOf('|') < 0 && !LineClassifier.isTreeLine(c)) {
                dropped.put(i, "a short line among the navigation before the title; left out");
            }
        }
        return headingsAtOrAbove(level) == 1 ? first : -1;
    }

    private int headingLevel(int i) {
        LineClassifier.Atx atx = LineClassifier.atx(lines.get(i));
        return atx != null ? atx.level() : LineClassifier.setextLevel(lines.get(i + 1));
    }

    /** How many Markdown headings the document has at {@code level} or above (the title must be the only one). */
    private int headingsAtOrAbove(int level) {
        int n = 0;
        boolean fence = false;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (LineClassifier.fence(l) != null) {
                fence = !fence;
                continue;
            }
            LineClassifier.Atx atx = fence ? null : LineClassifier.atx(l);
            if (atx != null && atx.level() <= level) {
                n++;
            }
        }
        return Math.max(n, 1);
    }

    /** Text copied from a page: the line before "Created by ..." is the title; else the first line that is not navigation. */
    private int plainTitle() {
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < 40; i++) {
            String c = lines.get(i).content();
            if (c.isEmpty()) {
                continue;
            }
            seen++;
            if (isMetadata(c)) {
                int title = previousContent(i);
                if (title >= 0) {
                    for (int k = 0; k < title; k++) {
                        if (!lines.get(k).blank()) {
                            dropped.put(k, "navigation before the title; left out");
                        }
                    }
                    return title;
                }
                break;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String c = lines.get(i).content();
            if (c.isEmpty()) {
                continue;
            }
            if (isNavigation(c)) {
                dropped.put(i, "navigation before the title; left out");
                continue;
            }
            return HeadingDetector.candidate(c) || LineClassifier.words(c) <= 12 && !LineClassifier.endsSentence(c)
                    && ListParser.marker(lines.get(i)) == null && !CommandDetector.isCommand(c)
                    && !LineClassifier.isPipeRow(c) && !LineClassifier.isTreeLine(c) ? i : -1;
        }
        return -1;
    }

    private int previousContent(int i) {
        for (int k = i - 1; k >= 0; k--) {
            String c = lines.get(k).content();
            if (!c.isEmpty()) {
                return isNavigation(c) || LineClassifier.endsSentence(c) ? -1 : k;
            }
        }
        return -1;
    }

    /** Runs of two or more lines that repeat later headings (or link to anchors), and their "Contents" heading. */
    private void tablesOfContents() {
        int top = Math.min(lines.size(), TOC_REGION);
        Set<String> near = new HashSet<>();
        for (int i = 0; i < top; i++) {
            if (tocShaped(lines.get(i).content())) {
                near.add(tocKey(lines.get(i)));
            }
        }
        Map<String, Integer> lastAt = new java.util.HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!tocShaped(l.content())) {
                continue;
            }
            boolean heading = markdown ? LineClassifier.atx(l) != null : HeadingDetector.candidate(l.content());
            String key = heading ? tocKey(l) : "";
            if (!key.isEmpty() && near.contains(key)) {
                lastAt.put(key, i);
            }
        }
        Set<Integer> run = new HashSet<>();
        for (int i = 0; i <= top; i++) {
            Line l = i < top ? lines.get(i) : null;
            boolean entry = l != null && !l.blank() && !dropped.containsKey(i) && (ANCHOR_LINK.matcher(l.content()).matches()
                    || tocShaped(l.content()) && lastAt.getOrDefault(tocKey(l), -1) > i && LineClassifier.words(l.content()) <= 10
                    && LineClassifier.atx(l) == null && !LineClassifier.endsSentence(l.content())
                    && HeadingDetector.shape(l.content()) == null);
            if (l != null && TOC_MARKER.matcher(l.content()).matches()) {
                dropped.put(i, "a table-of-contents marker; left out (Sitrep lists the sections itself)");
                continue;
            }
            if (entry) {
                run.add(i);
                continue;
            }
            boolean anchors = run.stream().allMatch(k -> ANCHOR_LINK.matcher(lines.get(k).content()).matches());
            if (run.size() >= 2 || !run.isEmpty() && anchors) {
                int first = run.stream().min(Integer::compare).orElseThrow();
                run.forEach(k -> dropped.put(k, "a table-of-contents entry; left out (Sitrep lists the sections itself)"));
                int before = first - 1;
                while (before >= 0 && lines.get(before).blank()) {
                    before--;
                }
                if (before >= 0 && TOC_HEADINGS.contains(HeadingDetector.text(
                        stripHashes(lines.get(before).content())).toLowerCase(Locale.ROOT))) {
                    dropped.put(before, "the heading of a table of contents; left out");
                }
            }
            run.clear();
        }
    }

    /** Short enough and without a full stop: could be an entry of a table of contents or a heading. */
    private static boolean tocShaped(String c) {
        return !c.isEmpty() && c.length() <= 100 && !LineClassifier.endsSentence(c);
    }

    private static String tocKey(Line l) {
        if (l == null || l.blank()) {
            return "";
        }
        String c = stripHashes(l.content());
        ListParser.Marker m = ListParser.marker(new Line(0, 0, c));
        if (m != null) {
            c = m.text();
        }
        c = NOT_WORD.matcher(HeadingDetector.text(c).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return c.length() < 3 ? "" : c;
    }

    private static String stripHashes(String c) {
        return c.startsWith("#") ? HASHES.matcher(c).replaceFirst("") : c;
    }
}
