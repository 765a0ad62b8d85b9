package dev.sitrep.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in text evidence before it travels in a bundle or a postmortem: bearer tokens,
 * API keys and tokens of the usual services, private keys (PKCS#1, PKCS#8, encrypted, OpenSSH,
 * PGP), passwords in URLs and in assignments ({@code password=}, {@code "passwd": ...},
 * {@code pwd:}), AWS keys in environment, INI, JSON and YAML forms, and JWTs. Tuned against
 * ordinary logs (hashes, UUIDs, "password changed", masked values, {@code PWD=/root}) so that a
 * warning means something. {@link #redact} masks what it finds for a derived copy.
 */
public final class SecretScanner {

    /** One secret found: its line (1-based), what kind it looks like, and the line with the secret masked. */
    public record Finding(int line, String kind, String masked) {
    }

    /** What a rule looks for; {@code group} is the secret itself (0: the whole match), kept only when {@code secret} says so. */
    private record Rule(String kind, Pattern pattern, int group, Predicate<String> secret) {

        Rule(String kind, Pattern pattern, int group) {
            this(kind, pattern, group, value -> true);
        }
    }

    /** A key's value: quoted (up to the closing quote) or bare (up to a space or separator); never past the line. */
    private static final String VALUE = "[\"']?((?<=\")[^\"\r\n]+|(?<=')[^'\r\n]+|[^\\s\"',;&]+)";
    /** Between a key and its value: an optional closing quote of the key, then {@code :} or {@code =}, on one line. */
    private static final String ASSIGN = "[\"']?[ \t]*[:=][ \t]*";

    private static final List<Rule> RULES = List.of(
            new Rule("private key", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----"), 0),
            new Rule("AWS access key", Pattern.compile("\\b((?:AKIA|ASIA)[0-9A-Z]{16})\\b"), 1),
            new Rule("AWS secret key", Pattern.compile("(?i)(?:aws_?)?secret_?access_?key" + ASSIGN
                    + "[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"), 1),
            new Rule("AWS session token", Pattern.compile("(?i)(?:aws_?)?session_?token" + ASSIGN
                    + "[\"']?([A-Za-z0-9/+=]{100,})"), 1),
            new Rule("JWT", Pattern.compile("\\b(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})"), 1),
            new Rule("bearer token", Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/-]{20,}=*)"), 1),
            new Rule("GitHub token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,})\\b"), 1),
            new Rule("Slack token", Pattern.compile("\\b(xox[abprs]-[A-Za-z0-9-]{10,})\\b"), 1),
            new Rule("Stripe key", Pattern.compile("\\b((?:sk|rk)_live_[0-9A-Za-z]{20,})\\b"), 1),
            new Rule("password in a URL", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:([^\\s@/]{3,})@"), 1),
            new Rule("password", Pattern.compile("(?i)(?:password|passwd|pwd)" + ASSIGN + VALUE), 1,
                    SecretScanner::looksLikePassword),
            new Rule("API key or secret", Pattern.compile("(?i)\\b(?:api[_-]?key|api[_-]?secret|secret[_-]?key|"
                    + "client[_-]?secret|access[_-]?token|auth[_-]?token)" + ASSIGN + "[\"']?([^\\s\"',;]{12,})"), 1,
                    SecretScanner::looksSecret));

    /** Values after {@code password=} that say something about a password rather than being one. */
    private static final Set<String> NOT_A_PASSWORD = Set.of("null", "none", "nil", "true", "false", "empty", "unset",
            "hidden", "masked", "required", "optional", "invalid", "incorrect", "wrong", "expired", "missing", "changed",
            "reset", "updated", "accepted", "rejected", "mismatch", "ok", "yes", "no", "n/a");

    private static final Pattern PRIVATE_KEY_BLOCK = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----");

    private SecretScanner() {
    }

    public static List<Finding> scan(String text) {
        List<Finding> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Rule r : RULES) {
                Matcher m = r.pattern().matcher(lines[i]);
                while (m.find()) {
                    if (!r.secret().test(m.group(r.group()))) {
                        continue;
                    }
                    out.add(new Finding(i + 1, r.kind(), mask(lines[i], r)));
                    break;
                }
            }
        }
        return out;
    }

    /** The text with every secret value replaced by {@code [REDACTED: kind]}. */
    public static String redact(String text) {
        // A private key goes whole, body and all, not just its first line.
        String result = PRIVATE_KEY_BLOCK.matcher(text).replaceAll("[REDACTED: private key]");
        for (Rule r : RULES) {
            result = replace(result, r);
        }
        return result;
    }

    private static String mask(String line, Rule r) {
        return replace(line, r);
    }

    private static String replace(String text, Rule r) {
        Matcher m = r.pattern().matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (!r.secret().test(m.group(r.group()))) {
                continue;
            }
            int start = r.group() == 0 ? m.start() : m.start(r.group());
            int end = r.group() == 0 ? m.end() : m.end(r.group());
            out.append(text, last, start).append("[REDACTED: ").append(r.kind()).append(']');
            last = end;
        }
        return out.append(text.substring(last)).toString();
    }

    /**
     * A value after {@code api_key=} (or another key or token name) that is a secret, not a
     * placeholder: masked values ({@code ********}, {@code <redacted>}, {@code ${VAR}}) and plain
     * words are not.
     */
    static boolean looksSecret(String value) {
        if (placeholder(value)) {
            return false;
        }
        boolean letter = value.chars().anyMatch(Character::isLetter);
        boolean digitOrSymbol = value.chars().anyMatch(c -> Character.isDigit(c) || "!@#$%^&*_+-=/".indexOf(c) >= 0);
        return letter && digitOrSymbol;
    }

    /**
     * A value after {@code password=} that is one: at least four characters, not a placeholder, not
     * a path (a password file, or {@code PWD=/root}), not a word about the password ("incorrect").
     */
    static boolean looksLikePassword(String value) {
        String v = value.strip();
        return v.length() >= 4 && !placeholder(v) && !NOT_A_PASSWORD.contains(v.toLowerCase(Locale.ROOT))
                && !v.startsWith("/") && !v.startsWith("~") && !v.startsWith("./") && !v.matches("[A-Za-z]:\\\\.*");
    }

    /** Masked ({@code ********}), a variable ({@code ${VAR}}, {@code $VAR}, {@code {{ var }}}), or marked redacted. */
    private static boolean placeholder(String value) {
        return value.matches("[*xX.#\u2022-]+") || value.startsWith("$") || value.startsWith("{{") || value.startsWith("<")
                || value.startsWith("%") || value.toLowerCase(Locale.ROOT).contains("redacted");
    }
}
