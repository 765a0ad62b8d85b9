package dev.sitrep.runbook.importer;

import java.util.regex.Pattern;

/**
 * Inline Markdown and HTML made plain for a step's text: emphasis markers and tags go, links
 * keep their words and their address, {@code <br>} becomes a space. Commands are never passed
 * through here (their characters matter).
 */
final class Inline {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\(([^)\\s]*)[^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]*)[^)]*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile(
            "</?(?:b|i|em|strong|u|s|del|code|kbd|span|p|div|small|sup|sub|mark|font)(?:\\s[^>]{0,200})?>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(?=[^\\s*])([^*]+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~])");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private Inline() {
    }

    /** The text as a reader sees it; backticks go but what they quoted stays. */
    static String plain(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String s = text;
        if (s.indexOf('[') >= 0) {
            s = IMAGE.matcher(s).replaceAll(m -> quote("image: " + alt(m.group(1)) + m.group(2)));
            s = LINK.matcher(s).replaceAll(m -> quote(link(m.group(1), m.group(2))));
        }
        if (s.indexOf('<') >= 0) {
            s = AUTOLINK.matcher(s).replaceAll("$1");
            s = BREAK.matcher(s).replaceAll(" ");
            s = TAG.matcher(s).replaceAll("");
        }
        if (s.contains("**") || s.contains("__")) {
            s = STRONG.matcher(s).replaceAll("$2");
        }
        if (s.contains("~~")) {
            s = STRIKE.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('*') >= 0) {
            s = EMPHASIS.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('`') >= 0) {
            s = s.replace("`", "");
        }
        if (s.indexOf('\\') >= 0) {
            s = ESCAPE.matcher(s).replaceAll("$1");
        }
        if (s.contains("  ") || s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0) {
            s = SPACES.matcher(s).replaceAll(" ");
        }
        return s.strip();
    }

    private static String alt(String alt) {
        return alt.isBlank() ? "" : alt.strip() + " ";
    }

    private static String link(String words, String address) {
        if (address.isEmpty() || address.startsWith("#") || address.equals(words)) {
            return words;
        }
        return words + " (" + address + ")";
    }

    private static String quote(String s) {
        return java.util.regex.Matcher.quoteReplacement(s);
    }
}
