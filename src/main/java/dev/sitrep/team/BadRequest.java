package dev.sitrep.team;

/**
 * A request to /sitrep/v1/ a platform cannot take as written: answered 400 with the message,
 * nothing applied. When one change of a push is at fault, {@link #change()} says which (counted
 * from 1), and the answer carries it, so a console can set that change aside and send the rest.
 */
public final class BadRequest extends Exception {

    private final int change;

    public BadRequest(String message) {
        this(message, 0);
    }

    public BadRequest(String message, int change) {
        super(message);
        this.change = change;
    }

    /** The change at fault, counted from 1; 0 when the request as a whole is. */
    public int change() {
        return change;
    }
}
