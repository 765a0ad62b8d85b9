package dev.sitrep.team;

/** A request to /sitrep/v1/ a platform cannot read: answered 400 with the message, nothing applied. */
public final class BadRequest extends Exception {

    public BadRequest(String message) {
        super(message);
    }
}
