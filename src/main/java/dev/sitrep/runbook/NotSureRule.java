package dev.sitrep.runbook;

import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where "not sure" leads. The runbooks' rule of thumb is: unsure between two severities, take
 * the higher one (downgrading later is fine; an under-call is a postmortem finding). A question
 * is a choice between branches, so "not sure" takes the <em>more severe branch</em>:
 * <ol>
 *   <li>the branch whose worst reachable outcome has the highest severity;</li>
 *   <li>on a tie, the branch that can propose the kill switch;</li>
 *   <li>still tied, the branch whose mildest outcome is more severe;</li>
 *   <li>still tied, the answer listed first.</li>
 * </ol>
 * The outcome's severity is not raised again: the uncertainty has already been paid for by
 * taking the worse branch. A question may name its own {@code notSure} target; the checker
 * refuses one that is milder than the worst answer.
 */
public final class NotSureRule {

    /**
     * What a branch can end in: the most and least severe ranks on the scale (0 = highest), and
     * whether any outcome proposes the kill switch. {@link #NONE} when it reaches no severity.
     */
    public record Reach(int worst, int best, boolean killSwitch) {

        public static final Reach NONE = new Reach(Integer.MAX_VALUE, Integer.MAX_VALUE, false);

        public boolean hasSeverity() {
            return worst != Integer.MAX_VALUE;
        }

        Reach plus(Reach other) {
            return new Reach(Math.min(worst, other.worst), hasSeverity() && other.hasSeverity()
                    ? Math.max(best, other.best) : Math.min(best, other.best), killSwitch || other.killSwitch);
        }

        /** True when this branch is the more severe by the rule's order. */
        boolean moreSevereThan(Reach other) {
            if (worst != other.worst) {
                return worst < other.worst;
            }
            if (killSwitch != other.killSwitch) {
                return killSwitch;
            }
            return best < other.best;
        }
    }

    /**
     * The branch "not sure" takes.
     *
     * @param target   where it leads
     * @param answer   the answer it stands for, or {@code null} when the question names its own target
     * @param number   that answer's number (1-based), or 0
     */
    public record Choice(Target target, Answer answer, int number) {
    }

    private final Runbook runbook;
    private final SeverityScale scale;
    private final Map<String, Reach> byNode = new HashMap<>();
    private final Set<String> visiting = new HashSet<>();

    public NotSureRule(Runbook runbook) {
        this.runbook = runbook;
        this.scale = SeverityScales.find(runbook.scale()).orElse(SeverityScales.FIVE_LEVEL);
    }

    /** The branch "not sure" takes at {@code node}; empty when no answer reaches a severity and none is named. */
    public Optional<Choice> choose(DecisionNode node) {
        if (node.notSure() != null) {
            return Optional.of(new Choice(node.notSure(), null, 0));
        }
        return worstAnswer(node);
    }

    /** The answer the rule would take, ignoring an explicit {@code notSure}. */
    Optional<Choice> worstAnswer(DecisionNode node) {
        List<Answer> answers = node.answers();
        int chosen = -1;
        Reach chosenReach = Reach.NONE;
        for (int i = 0; i < answers.size(); i++) {
            Reach r = reach(answers.get(i).target());
            if (r.hasSeverity() && (chosen < 0 || r.moreSevereThan(chosenReach))) {
                chosen = i;
                chosenReach = r;
            }
        }
        return chosen < 0 ? Optional.empty() : Optional.of(new Choice(answers.get(chosen).target(), answers.get(chosen),
                chosen + 1));
    }

    /** What the branch behind {@code target} can end in. */
    public Reach reach(Target target) {
        return switch (target.kind()) {
            case SECTION -> Reach.NONE;
            case OUTCOME -> runbook.outcome(target.ref()).map(this::reach).orElse(Reach.NONE);
            case NODE -> runbook.node(target.ref()).map(this::reach).orElse(Reach.NONE);
        };
    }

    private Reach reach(Outcome outcome) {
        Optional<SeverityLevel> level = scale.find(outcome.severity());
        if (level.isEmpty()) {
            return new Reach(Integer.MAX_VALUE, Integer.MAX_VALUE, outcome.proposesKillSwitch());
        }
        int rank = scale.levels().indexOf(level.get());
        return new Reach(rank, rank, outcome.proposesKillSwitch());
    }

    /**
     * What can follow {@code node}, each question worked out once. Walked with a stack of its own,
     * not the call stack, so a chain of thousands of questions is as fine as a short one.
     */
    private Reach reach(DecisionNode node) {
        Reach known = byNode.get(node.id());
        if (known != null) {
            return known;
        }
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(node));
        visiting.add(node.id());
        Reach last = Reach.NONE;
        while (!stack.isEmpty()) {
            Pending top = stack.peek();
            if (top.next == top.targets.size()) {
                stack.pop();
                visiting.remove(top.node.id());
                byNode.put(top.node.id(), top.total);
                last = top.total;
                if (!stack.isEmpty()) {
                    stack.peek().add(last);
                }
                continue;
            }
            Target t = top.targets.get(top.next++);
            Optional<DecisionNode> next = t.kind() == Target.Kind.NODE ? runbook.node(t.ref()) : Optional.empty();
            if (next.isEmpty()) {
                top.add(reach(t));
            } else if (byNode.containsKey(next.get().id())) {
                top.add(byNode.get(next.get().id()));
            } else if (visiting.add(next.get().id())) {
                stack.push(new Pending(next.get()));
            }
            // else a cycle: reported by the checker, ignored here
        }
        return last;
    }

    /** A question being worked out: its targets, the next one to add, and the total so far. */
    private static final class Pending {
        final DecisionNode node;
        final List<Target> targets;
        int next;
        Reach total = Reach.NONE;

        Pending(DecisionNode node) {
            this.node = node;
            this.targets = DecisionGraph.targets(node);
        }

        void add(Reach reach) {
            total = total.plus(reach);
        }
    }

    /** The level a rank stands for, for messages. */
    String levelAt(int rank) {
        return rank < scale.levels().size() ? scale.levels().get(rank).code() : "no severity";
    }
}
