package dev.sitrep.runbook;

/**
 * Where an answer (or "not sure") leads: the next question, an outcome, or a section to open.
 *
 * @param kind which of the three
 * @param ref  a node or outcome id of the same runbook; for a section also {@code runbook#section}
 * @param line where the answer says so
 */
public record Target(Kind kind, String ref, int line) {

    public enum Kind {
        NODE("next", "question"), OUTCOME("outcome", "outcome"), SECTION("section", "section");

        private final String key;
        private final String noun;

        Kind(String key, String noun) {
            this.key = key;
            this.noun = noun;
        }

        /** The JSON key that names this kind of target. */
        public String key() {
            return key;
        }

        /** How messages name it. */
        public String noun() {
            return noun;
        }
    }

    public String describe() {
        return kind.noun() + " \"" + ref + "\"";
    }
}
