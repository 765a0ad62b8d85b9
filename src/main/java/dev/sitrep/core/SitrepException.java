package dev.sitrep.core;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure that carries a message meant for the commander: it names the problem and the fix.
 * The {@link Kind} decides the CLI exit code; the UI shows the message inline.
 *
 * <p>A message names the inputs at fault with {@link #input(String)}, never with a front end's
 * words for them: each front end renders them its own way ({@link #message(Function)}): the CLI
 * as its flags ({@code --reason}), the console as the names of its controls.
 */
public class SitrepException extends RuntimeException {

    /** What went wrong, in the terms the exit codes use. */
    public enum Kind {
        /** Bad input or a refusal to act (exit 2). */
        INVALID_INPUT(2),
        /** The named thing does not exist (exit 2). */
        NOT_FOUND(2),
        /** Storage or another unexpected failure (exit 1). */
        FAILURE(1),
        /** A platform refused the request (exit 3). */
        PLATFORM_REFUSED(3),
        /** A platform could not be reached or answered garbage (exit 4). */
        PLATFORM_UNREACHABLE(4);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** Marks an input's name inside a message (private-use characters: no user text carries them). */
    private static final Pattern INPUT = Pattern.compile("\uE000([a-z][a-z0-9-]*)\uE001");

    private final Kind kind;

    public SitrepException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SitrepException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static SitrepException invalid(String message) {
        return new SitrepException(Kind.INVALID_INPUT, message);
    }

    public static SitrepException notFound(String message) {
        return new SitrepException(Kind.NOT_FOUND, message);
    }

    public Kind kind() {
        return kind;
    }

    /** Names the input {@code name} (e.g. "reason") in a message, for each front end to render as its own control. */
    public static String input(String name) {
        return "\uE000" + name + "\uE001";
    }

    /** The first input the message names (the field at fault), or {@code null}. */
    public String field() {
        Matcher m = INPUT.matcher(super.getMessage() == null ? "" : super.getMessage());
        return m.find() ? m.group(1) : null;
    }

    /** The message with each named input rendered by {@code inputName} (the CLI: its flag; the console: its control). */
    public String message(Function<String, String> inputName) {
        return render(super.getMessage(), inputName);
    }

    /** {@code text} (which may name inputs, see {@link #input}) with each input rendered by {@code inputName}. */
    public static String render(String text, Function<String, String> inputName) {
        if (text == null) {
            return null;
        }
        Matcher m = INPUT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(inputName.apply(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    /** The message with inputs named plainly (for logs; a front end renders them with {@link #message}). */
    @Override
    public String getMessage() {
        return message(name -> name);
    }
}
