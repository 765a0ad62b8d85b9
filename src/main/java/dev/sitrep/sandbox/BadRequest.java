package dev.sitrep.sandbox;

/** A request to /sitrep/v1/ the sandbox cannot read: answered 400 with the message, nothing applied. */
final class BadRequest extends Exception {

    BadRequest(String message) {
        super(message);
    }
}
