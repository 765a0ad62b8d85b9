package dev.sitrep.runbook;

import java.util.List;
import java.util.Optional;

/**
 * A question of a triage tree.
 *
 * @param help    what the question means, with examples; may be empty
 * @param notSure where "not sure" leads when the author says so; {@code null} to let the
 *                worse-branch rule choose (see {@link NotSureRule})
 */
public record DecisionNode(String id, String question, String help, List<Answer> answers, Target notSure, int line) {

    public DecisionNode {
        answers = List.copyOf(answers);
    }

    public Optional<Target> explicitNotSure() {
        return Optional.ofNullable(notSure);
    }
}
