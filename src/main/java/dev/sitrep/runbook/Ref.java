package dev.sitrep.runbook;

/**
 * A reference to a section or table: {@code "verify"} in the same runbook, or
 * {@code "lifecycle#verify"} in the runbook with id {@code lifecycle}.
 *
 * @param runbook the other runbook's id, or {@code null} for the same runbook
 * @param id      the section's or table's id
 */
public record Ref(String runbook, String id) {

    public static final char SEPARATOR = '#';

    public static Ref parse(String text) {
        int hash = text.indexOf(SEPARATOR);
        return hash < 0 ? new Ref(null, text) : new Ref(text.substring(0, hash), text.substring(hash + 1));
    }

    /** True when the reference points into another runbook than {@code ownId}. */
    public boolean crossesTo(String ownId) {
        return runbook != null && !runbook.equals(ownId);
    }

    @Override
    public String toString() {
        return runbook == null ? id : runbook + SEPARATOR + id;
    }
}
