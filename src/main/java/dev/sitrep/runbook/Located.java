package dev.sitrep.runbook;

/** A reference as written in the file, with its line. */
public record Located(String text, int line) {

    public Ref ref() {
        return Ref.parse(text);
    }
}
