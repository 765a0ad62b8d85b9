package dev.sitrep.core;

/** Checks of free text typed by people; each refusal says the limit and what to do instead. */
public final class Limits {

    public static final int TITLE_MAX = 200;
    public static final int NAME_MAX = 200;
    public static final int REASON_MAX = 1_000;
    public static final int TEXT_MAX = 20_000;
    /** An incident's impact statement and an action item's action: what the store (and the team contract) keeps. */
    public static final int IMPACT_MAX = 4_000;
    public static final int ACTION_MAX = 2_000;
    /** The most of a platform's own words (an error text, a header) that is shown or stored. */
    public static final int FOREIGN_MAX = 500;
    /** The most of a typed value that a message quotes back. */
    public static final int ECHO_MAX = 60;

    private Limits() {
    }

    /** A one-line title: trimmed, not empty, at most {@value #TITLE_MAX} characters. */
    public static String title(String raw) {
        String title = raw == null ? "" : raw.strip();
        if (title.isEmpty()) {
            throw SitrepException.invalid("The title is empty; give a short line that says what is wrong, e.g. \"Checkout 5xx spike\".");
        }
        if (title.indexOf('\n') >= 0 || title.indexOf('\r') >= 0) {
            throw SitrepException.invalid("The title has a line break; keep it to one line and put detail in a note.");
        }
        if (title.length() > TITLE_MAX) {
            throw SitrepException.invalid("The title is " + title.length() + " characters; the limit is " + TITLE_MAX
                    + ". Shorten it and put the detail in a note.");
        }
        return title;
    }

    /** Free text (a note, a hypothesis): trimmed, not empty, at most {@value #TEXT_MAX} characters. */
    public static String text(String what, String raw) {
        return text(what, raw, TEXT_MAX);
    }

    /** Free text of at most {@code max} characters, trimmed, not empty. */
    public static String text(String what, String raw, int max) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw SitrepException.invalid("The " + what + " is empty; write what happened.");
        }
        if (text.length() > max) {
            throw SitrepException.invalid("The " + what + " is " + text.length() + " characters; the limit is " + max
                    + ". Split it into several entries, or attach it as evidence.");
        }
        return text;
    }

    /** A required reason for a change. */
    public static String reason(String what, String raw) {
        String reason = raw == null ? "" : raw.strip();
        if (reason.isEmpty()) {
            throw SitrepException.invalid("A " + what + " needs a reason; give one with " + SitrepException.input("reason") + " (it goes on the timeline).");
        }
        return bounded("reason", reason, REASON_MAX);
    }

    /** An optional short field (service, platform, a person's name): {@code null} when blank. */
    public static String optionalName(String what, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.strip();
        if (name.indexOf('\n') >= 0) {
            throw SitrepException.invalid("The " + what + " has a line break; keep it to one line.");
        }
        return bounded(what, name, NAME_MAX);
    }

    /** {@code value}, refused when longer than {@code max} with a message naming {@code what} and the limit. */
    public static String bounded(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw SitrepException.invalid("The " + what + " is " + value.length() + " characters; the limit is " + max
                    + ".");
        }
        return value;
    }

    /** {@code value} cut to at most {@code max} characters, ending in "…" when cut (never inside a surrogate pair). */
    public static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    /**
     * Text from outside Sitrep (a platform's error, a header) as it may be shown and stored: control
     * characters as spaces, at most {@code max} characters, saying how long it was when cut.
     */
    public static String foreign(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
        if (clean.length() <= max) {
            return clean;
        }
        String more = " (" + clean.length() + " characters in all)";
        return cut(clean, max - more.length()) + more;
    }

    /**
     * A typed value as a message shows it: control characters as '?', cut to {@value #ECHO_MAX}
     * characters with its length said when longer (a message never repeats 100 KB of input).
     */
    public static String shown(String raw) {
        String value = String.valueOf(raw).replaceAll("\\p{Cntrl}", "?");
        return value.length() <= ECHO_MAX ? value : cut(value, ECHO_MAX) + " (" + value.length() + " characters)";
    }

    /** {@link #shown} in single quotes. */
    public static String quote(String raw) {
        return "'" + shown(raw) + "'";
    }
}
