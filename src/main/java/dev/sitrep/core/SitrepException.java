package dev.sitrep.core;

/**
 * A failure that carries a message meant for the commander: it names the problem and the fix.
 * The {@link Kind} decides the CLI exit code; the UI shows the message inline.
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
}
