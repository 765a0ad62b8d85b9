package dev.sitrep.runbook;

import java.util.ArrayList;
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
        String describe() {
            return String.join(" -> ", path);
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

    List<Cycle> cycles() {
        List<Cycle> found = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (DecisionNode n : runbook.nodes()) {
            if (!done.contains(n.id())) {
                walk(n.id(), new ArrayList<>(), new HashSet<>(), done, found);
            }
        }
        return found;
    }

    private void walk(String id, List<String> path, Set<String> onPath, Set<String> done, List<Cycle> found) {
        path.add(id);
        onPath.add(id);
        for (Target t : targets(nodes.get(id))) {
            if (t.kind() != Target.Kind.NODE || !nodes.containsKey(t.ref())) {
                continue;
            }
            if (onPath.contains(t.ref())) {
                List<String> loop = new ArrayList<>(path.subList(path.indexOf(t.ref()), path.size()));
                loop.add(t.ref());
                found.add(new Cycle(loop, t.line()));
            } else if (!done.contains(t.ref())) {
                walk(t.ref(), path, onPath, done, found);
            }
        }
        onPath.remove(id);
        path.remove(path.size() - 1);
        done.add(id);
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
