package dev.sitrep.runbook.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives repeated failure write-ups their structure: where a heading is followed by sibling
 * headings that are the parts of a write-up (Symptoms, Confirm, Recover, Verify, Prevent; at least
 * two different ones), the parts go inside it, as the built-in infrastructure runbook has them.
 * A Verify part becomes a checklist (its steps are ticked off one by one).
 */
final class SectionShaper {

    private SectionShaper() {
    }

    static void shape(Draft draft, ImportLog log) {
        nest(draft.sections, log);
        draft.allSections().forEach(s -> s.checklist |= HeadingDetector.shape(s.title) == HeadingDetector.Shape.VERIFY);
    }

    private static void nest(List<Draft.Section> siblings, ImportLog log) {
        for (Draft.Section s : siblings) {
            nest(s.children, log);
        }
        int k = 0;
        while (k < siblings.size()) {
            Draft.Section owner = siblings.get(k);
            List<Draft.Section> parts = new ArrayList<>();
            Set<HeadingDetector.Shape> shapes = new HashSet<>();
            for (int j = k + 1; j < siblings.size() && siblings.get(j).shape; j++) {
                parts.add(siblings.get(j));
                shapes.add(HeadingDetector.shape(siblings.get(j).title));
            }
            if (!owner.shape && shapes.size() >= 2) {
                siblings.removeAll(parts);
                owner.children.addAll(parts);
                log.adjust(owner.line, "the parts " + String.join(", ", parts.stream().map(p -> p.title).toList())
                        + " that follow this heading at its own level were put inside it", owner.title);
            }
            k++;
        }
    }
}
