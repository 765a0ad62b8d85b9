package dev.sitrep.runbook.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs text that went wrong on its way from a wiki or a web page, one line at a time (line
 * numbers never change):
 * <ul>
 *   <li>UTF-8 that was decoded as Windows-1252 or Latin-1 ("mojibake"): {@code â‰¥} back to
 *       {@code ≥}, {@code â†’} to {@code →}, {@code â”œâ”€â”€} to {@code ├──}, {@code Ã©} to
 *       {@code é}; twice-garbled text too;</li>
 *   <li>HTML entities: {@code &amp;}, {@code &lt;}, {@code &#8594;}, {@code &rarr;}, ...;</li>
 *   <li>invisible characters: no-break spaces become spaces, zero-width ones and soft hyphens go.</li>
 * </ul>
 */
public final class TextRepair {

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,15});");
    private static final Map<String, String> NAMED = new HashMap<>();
    /** Windows-1252 (and Latin-1) characters back to their byte; -1 for other characters. */
    private static final Map<Character, Integer> BYTE_OF = new HashMap<>();

    static {
        String[] pairs = {"amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "ndash", "\u2013",
            "mdash", "\u2014", "hellip", "\u2026", "rarr", "\u2192", "larr", "\u2190", "harr", "\u2194", "rArr", "\u21D2",
            "uarr", "\u2191", "darr", "\u2193", "ge", "\u2265", "le", "\u2264", "ne", "\u2260", "times", "\u00D7",
            "middot", "\u00B7", "bull", "\u2022", "laquo", "\u00AB", "raquo", "\u00BB", "lsquo", "\u2018", "rsquo",
            "\u2019", "ldquo", "\u201C", "rdquo", "\u201D", "copy", "\u00A9", "reg", "\u00AE", "trade", "\u2122", "deg",
            "\u00B0", "plusmn", "\u00B1", "sect", "\u00A7", "para", "\u00B6", "check", "\u2713", "cross", "\u2717",
            "boxvr", "\u251C", "boxur", "\u2514", "boxv", "\u2502", "boxh", "\u2500", "thinsp", " ", "ensp", " ",
            "emsp", " ", "shy", "", "zwsp", "", "euro", "\u20AC", "pound", "\u00A3", "micro", "\u00B5", "frac12",
            "\u00BD", "infin", "\u221E", "asymp", "\u2248", "minus", "\u2212", "lowast", "*", "sim", "~", "tilde", "~",
            "lbrace", "{", "rbrace", "}", "lsqb", "[", "rsqb", "]", "verbar", "|", "vert", "|", "num", "#", "dollar", "$",
            "percnt", "%", "excl", "!", "quest", "?", "colon", ":", "semi", ";", "equals", "=", "plus", "+", "commat",
            "@", "bsol", "\\", "sol", "/", "grave", "`", "Hat", "^", "lowbar", "_", "lpar", "(", "rpar", ")"};
        for (int i = 0; i < pairs.length; i += 2) {
            NAMED.put(pairs[i], pairs[i + 1]);
        }
        Charset cp1252 = Charset.forName("windows-1252");
        for (int b = 0x80; b <= 0xFF; b++) {
            BYTE_OF.put((char) b, b);
            String s = new String(new byte[]{(byte) b}, cp1252);
            if (s.length() == 1 && s.charAt(0) != '\uFFFD') {
                BYTE_OF.put(s.charAt(0), b);
            }
        }
    }

    /** One repaired line and how many repairs of each kind it took. */
    public record Repaired(String text, int mojibake, int entities, int invisible) {
        public boolean changed() {
            return mojibake + entities + invisible > 0;
        }
    }

    private TextRepair() {
    }

    /** Repairs one line (it must not contain a line break). */
    public static Repaired line(String line) {
        int[] mojibake = {0};
        String text = line;
        for (int round = 0; round < 3; round++) {
            String fixed = fixMojibake(text, mojibake);
            if (fixed.equals(text)) {
                break;
            }
            text = fixed;
        }
        int[] entities = {0};
        text = decodeEntities(text, entities);
        int[] invisible = {0};
        text = dropInvisible(text, invisible);
        return new Repaired(text, mojibake[0], entities[0], invisible[0]);
    }

    /** Mojibake repaired: each run of characters that are the Windows-1252 reading of a UTF-8 sequence. */
    public static String fixMojibake(String text) {
        return fixMojibake(text, new int[1]);
    }

    /** HTML entities decoded; unknown names are left as written. */
    public static String decodeEntities(String text) {
        return decodeEntities(text, new int[1]);
    }

    private static String fixMojibake(String text, int[] count) {
        StringBuilder out = null;
        int i = 0;
        int copied = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int length = leadLength(c);
            if (length > 0 && i + length <= text.length()) {
                String decoded = decode(text, i, length);
                if (decoded != null) {
                    if (out == null) {
                        out = new StringBuilder(text.length());
                    }
                    out.append(text, copied, i).append(decoded);
                    count[0]++;
                    i += length;
                    copied = i;
                    continue;
                }
            }
            if (c == '\u00C2' && i + 1 < text.length() && text.charAt(i + 1) == ' '
                    && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
                // a no-break space (C2 A0) whose second byte was already turned into a space
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, i);
                count[0]++;
                i++;
                copied = i;
                continue;
            }
            i++;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** How many bytes a UTF-8 sequence has when its lead byte reads as {@code c}; 0 when {@code c} is no lead byte. */
    private static int leadLength(char c) {
        if (c >= '\u00C2' && c <= '\u00DF') {
            return 2;
        }
        if (c >= '\u00E0' && c <= '\u00EF') {
            return 3;
        }
        return c >= '\u00F0' && c <= '\u00F4' ? 4 : 0;
    }

    private static String decode(String text, int from, int length) {
        byte[] bytes = new byte[length];
        for (int k = 0; k < length; k++) {
            Integer b = BYTE_OF.get(text.charAt(from + k));
            if (b == null || k > 0 && (b & 0xC0) != 0x80) {
                return null;
            }
            bytes[k] = (byte) (int) b;
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        int cp = s.codePointAt(0);
        boolean whole = s.length() == Character.charCount(cp) && cp != 0xFFFD;
        boolean shortest = length == 2 ? cp >= 0x80 : length == 3 ? cp >= 0x800 : cp >= 0x10000;
        return whole && shortest ? s : null;
    }

    private static String decodeEntities(String text, int[] count) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement = entity(m.group(1));
            if (replacement == null) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            } else {
                count[0]++;
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name) {
        if (name.charAt(0) != '#') {
            return NAMED.get(name);
        }
        int cp;
        try {
            cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                    ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return " ";
        }
        if (cp < 0x20 || cp == 0x7F || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
            return null;
        }
        return cp == 0xA0 ? " " : new String(Character.toChars(cp));
    }

    private static String dropInvisible(String text, int[] count) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\u00A0', '\u2007', '\u202F', '\u2028', '\u2029', '\u3000' -> " ";
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> "";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(replacement);
                count[0]++;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
