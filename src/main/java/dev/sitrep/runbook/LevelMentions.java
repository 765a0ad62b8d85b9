package dev.sitrep.runbook;

import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which runbooks in use name the levels of a severity scale (in outcomes, questions, sections, steps,
 * commands and tables), so a team switching scales knows which to update. A severity table that
 * defines a scale names its levels on purpose and is not counted.
 */
public final class LevelMentions {

    /** One runbook and the level codes it names, in the scale's order. */
    public record Mention(String title, String file, List<String> codes) {

        public Mention {
            codes = List.copyOf(codes);
        }

        /** {@code AI triage (runbooks/ai-triage.json): SEV0, SEV1} */
        public String describe() {
            return title + " (" + file + "): " + String.join(", ", codes);
        }
    }

    private LevelMentions() {
    }

    /** The runbooks in use in {@code library} that name a level of {@code scale}, in library order. */
    public static List<Mention> of(RunbookLibrary library, SeverityScale scale) {
        List<Mention> out = new ArrayList<>();
        for (Runbook runbook : library.runbooks()) {
            List<String> text = text(runbook).toList();
            List<String> codes = scale.levels().stream().map(SeverityLevel::code)
                    .filter(code -> named(code, text)).toList();
            if (!codes.isEmpty()) {
                out.add(new Mention(runbook.title(), runbook.file(), codes));
            }
        }
        return out;
    }

    private static boolean named(String code, List<String> text) {
        Pattern word = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(code) + "(?![A-Za-z0-9])");
        return text.stream().anyMatch(t -> word.matcher(t).find());
    }

    private static Stream<String> text(Runbook runbook) {
        Stream<String> nodes = runbook.nodes().stream().flatMap(n -> Stream.concat(Stream.of(n.question(), n.help()),
                n.answers().stream().map(Answer::text)));
        Stream<String> outcomes = runbook.outcomes().stream().flatMap(o -> Stream.of(o.severity(), o.title(), o.summary()));
        Stream<String> sections = runbook.allSections().flatMap(s -> Stream.concat(Stream.of(s.title(), s.summary()),
                s.steps().stream().flatMap(step -> Stream.of(step.text(), step.command(), step.expect()))));
        Stream<String> tables = runbook.tables().stream()
                .filter(t -> !(t.kind() == TableKind.SEVERITY && t.scale() != null))
                .flatMap(t -> Stream.concat(Stream.of(t.title()), t.rows().stream().flatMap(r -> r.cells().values().stream())));
        return Stream.of(Stream.of(runbook.title(), runbook.summary()), nodes, outcomes, sections, tables)
                .flatMap(s -> s)
                .filter(java.util.Objects::nonNull);
    }
}
