package dev.sitrep.runbook;

import java.util.ArrayList;
import java.util.List;

/**
 * A place where a runbook refers to a section or a table, perhaps in another runbook; what the
 * checkers walk to find dangling references.
 *
 * @param ref   the reference as written, with its line
 * @param table true for a contacts-table reference, false for a section
 * @param owner who refers, as messages name it ("outcome \"x\"")
 */
record RefUse(Located ref, boolean table, String owner) {

    static List<RefUse> all(Runbook runbook) {
        List<RefUse> out = new ArrayList<>();
        for (DecisionNode node : runbook.nodes()) {
            for (Answer a : node.answers()) {
                if (a.target().kind() == Target.Kind.SECTION) {
                    out.add(new RefUse(new Located(a.target().ref(), a.target().line()), false,
                            "answer \"" + a.text() + "\" of question \"" + node.id() + "\""));
                }
            }
            node.explicitNotSure().filter(t -> t.kind() == Target.Kind.SECTION).ifPresent(t -> out.add(
                    new RefUse(new Located(t.ref(), t.line()), false, "\"notSure\" of question \"" + node.id() + "\"")));
        }
        for (Outcome o : runbook.outcomes()) {
            for (Located open : o.open()) {
                out.add(new RefUse(open, false, "outcome \"" + o.id() + "\""));
            }
            if (o.contacts() != null) {
                out.add(new RefUse(o.contacts(), true, "outcome \"" + o.id() + "\""));
            }
        }
        return out;
    }

    String noun() {
        return table ? "contacts table" : "section";
    }
}
