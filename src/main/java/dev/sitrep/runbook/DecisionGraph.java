package dev.sitrep.runbook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The questions of a runbook as a graph: which question leads to which, the cycles, and what
 * can be reached from the start.
 */
final class DecisionGraph {

    /** A loop: the questions in order (the first repeated at the end) and the line that closes it. */
    record Cycle(List<String> path, int line) {

        /** Loops longer than this are shown by their ends. */
        static final int SHOWN = 10;

        String describe() {
            int questions = path.size() - 1;
            if (questions <= SHOWN) {
                return String.join(" -> ", path);
            }
            return String.join(" -> ", path.subList(0, SHOWN / 2)) + " -> ... -> "
                    + String.join(" -> ", path.subList(path.size() - SHOWN / 2, path.size())) + " (" + questions
                    + " questions)";
        }
    }

    private final Runbook runbook;
    private final Map<String, DecisionNode> nodes = new HashMap<>();

    DecisionGraph(Runbook runbook) {
        this.runbook = runbook;
        for (DecisionNode n : runbook.nodes()) {
            nodes.putIfAbsent(n.id(), n);
        }
    }

    /** The targets of a question's answers and of its "not sure". */
    static List<Target> targets(DecisionNode node) {
        List<Target> out = new ArrayList<>();
        node.answers().forEach(a -> out.add(a.target()));
        node.explicitNotSure().ifPresent(out::add);
        return out;
    }

    /**
     * The loops, depth first from each question in file order. Walked with a stack of its own, not
     * the call stack, so a chain of thousands of questions is as fine as a short one.
     */
    List<Cycle> cycles() {
        List<Cycle> found = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (DecisionNode n : runbook.nodes()) {
            if (!done.contains(n.id())) {
                walk(n.id(), done, found);
            }
        }
        return found;
    }

    /** A question on the walk's path, with the answer to follow next. */
    private static final class Visit {
        final String id;
        final List<Target> targets;
        int next;

        Visit(String id, List<Target> targets) {
            this.id = id;
            this.targets = targets;
        }
    }

    private void walk(String from, Set<String> done, List<Cycle> found) {
        Deque<Visit> stack = new ArrayDeque<>();
        List<String> path = new ArrayList<>();
        Set<String> onPath = new HashSet<>();
        enter(from, stack, path, onPath);
        while (!stack.isEmpty()) {
            Visit visit = stack.peek();
            if (visit.next == visit.targets.size()) {
                stack.pop();
                onPath.remove(visit.id);
                path.remove(path.size() - 1);
                done.add(visit.id);
                continue;
            }
            Target t = visit.targets.get(visit.next++);
            if (t.kind() != Target.Kind.NODE || !nodes.containsKey(t.ref())) {
                continue;
            }
            if (onPath.contains(t.ref())) {
                List<String> loop = new ArrayList<>(path.subList(path.indexOf(t.ref()), path.size()));
                loop.add(t.ref());
                found.add(new Cycle(loop, t.line()));
            } else if (!done.contains(t.ref())) {
                enter(t.ref(), stack, path, onPath);
            }
        }
    }

    private void enter(String id, Deque<Visit> stack, List<String> path, Set<String> onPath) {
        stack.push(new Visit(id, targets(nodes.get(id))));
        path.add(id);
        onPath.add(id);
    }

    /** Question ids reachable from the start, the start included. */
    Set<String> reachable() {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>();
        runbook.startNode().ifPresent(n -> todo.add(n.id()));
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            if (seen.add(id)) {
                for (Target t : targets(nodes.get(id))) {
                    if (t.kind() == Target.Kind.NODE && nodes.containsKey(t.ref())) {
                        todo.add(t.ref());
                    }
                }
            }
        }
        return seen;
    }

    /** Outcome ids some reachable question leads to. */
    Set<String> reachedOutcomes() {
        Set<String> out = new HashSet<>();
        for (String id : reachable()) {
            for (Target t : targets(nodes.get(id))) {
                if (t.kind() == Target.Kind.OUTCOME) {
                    out.add(t.ref());
                }
            }
        }
        return out;
    }
}
