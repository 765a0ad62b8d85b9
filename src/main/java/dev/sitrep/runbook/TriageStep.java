package dev.sitrep.runbook;

/**
 * One answered question: a breadcrumb, and a line for the incident timeline.
 *
 * @param number the answer's number (1-based) as chosen or as "not sure" took it; 0 when "not
 *               sure" went where the question says instead of to an answer
 * @param answer the answer taken, or {@code null} in that case
 * @param target where it led
 * @param unsure true when the commander said "not sure"
 */
public record TriageStep(DecisionNode node, int number, Answer answer, Target target, boolean unsure) {

    /** {@code Q: Is the platform doing something it should not? → A: Yes}. */
    public String line() {
        return "Q: " + node.question() + " \u2192 A: " + answerText();
    }

    /** The answer as the breadcrumb shows it. */
    public String answerText() {
        if (!unsure) {
            return answer.text();
        }
        return answer != null ? "not sure (taken as \"" + answer.text() + "\", the more severe branch)"
                : "not sure (goes to the " + target.describe() + ")";
    }
}
