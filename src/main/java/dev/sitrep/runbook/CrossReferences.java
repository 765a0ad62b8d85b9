package dev.sitrep.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the references of one runbook into others ({@code "lifecycle#verify"},
 * {@code "contacts#escalation"}) against the runbooks the library has in use.
 */
final class CrossReferences {

    /** A dangling reference: the located problem, and the runbook and id it points to. */
    record Failure(Problem problem, String target, String id) {
    }

    private CrossReferences() {
    }

    /**
     * The problems of {@code runbook}'s references into other runbooks, by line.
     *
     * @param inUse  the runbooks references may point into, by id
     * @param broken ids of runbooks that exist but are not in use because their files have problems
     */
    static List<Problem> check(Runbook runbook, Map<String, Runbook> inUse, Set<String> broken) {
        return failures(runbook, inUse, broken).stream().map(Failure::problem).sorted().toList();
    }

    static List<Failure> failures(Runbook runbook, Map<String, Runbook> inUse, Set<String> broken) {
        List<Failure> out = new ArrayList<>();
        for (RefUse use : RefUse.all(runbook)) {
            Ref ref = use.ref().ref();
            if (!ref.crossesTo(runbook.id()) || ref.runbook().isEmpty() || ref.id().isEmpty()) {
                continue;
            }
            problem(runbook, use, inUse, broken).ifPresent(message -> out.add(new Failure(
                    new Problem(runbook.file(), use.ref().line(), message), ref.runbook(), ref.id())));
        }
        return out;
    }

    private static Optional<String> problem(Runbook runbook, RefUse use, Map<String, Runbook> inUse, Set<String> broken) {
        Ref ref = use.ref().ref();
        Runbook other = inUse.get(ref.runbook());
        if (other == null) {
            return Optional.of(use.owner() + " refers to \"" + ref + "\", but " + (broken.contains(ref.runbook())
                    ? "runbook \"" + ref.runbook() + "\" has problems and is not loaded; fix its file first"
                    : "there is no runbook \"" + ref.runbook() + "\"" + Suggest.didYouMean(ref.runbook(), inUse.keySet())
                    + "; the runbooks are " + Suggest.listed(new TreeSet<>(inUse.keySet()))));
        }
        if (use.table()) {
            Optional<ReferenceTable> table = other.table(ref.id());
            if (table.isEmpty()) {
                return Optional.of(use.owner() + " names contacts table \"" + ref + "\", but runbook \"" + other.id()
                        + "\" has no table \"" + ref.id() + "\""
                        + Suggest.didYouMean(ref.id(), other.tables().stream().map(ReferenceTable::id).toList()));
            }
            if (table.get().kind() != TableKind.CONTACTS) {
                return Optional.of(use.owner() + " names \"" + ref + "\" as its contacts, but that is a "
                        + table.get().kind().key() + " table; point \"contacts\" at a table of kind contacts");
            }
            return Optional.empty();
        }
        if (other.section(ref.id()).isEmpty()) {
            List<String> ids = other.allSections().map(Section::id).toList();
            return Optional.of(use.owner() + " opens section \"" + ref + "\", but runbook \"" + other.id()
                    + "\" has no section \"" + ref.id() + "\"" + Suggest.didYouMean(ref.id(), ids)
                    + "; its sections are " + Suggest.listed(ids));
        }
        return Optional.empty();
    }
}
