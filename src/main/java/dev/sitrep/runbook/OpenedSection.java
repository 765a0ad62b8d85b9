package dev.sitrep.runbook;

/** A section to open, with the runbook it belongs to (it may be another runbook than the tree's). */
public record OpenedSection(Runbook runbook, Section section) {

    /** {@code "runbook#section"}, how references write it. */
    public String reference() {
        return runbook.id() + Ref.SEPARATOR + section.id();
    }
}
