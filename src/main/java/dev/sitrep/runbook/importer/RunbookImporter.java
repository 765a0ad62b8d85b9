package dev.sitrep.runbook.importer;

import dev.sitrep.core.SitrepException;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.RunbookParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a runbook a team already has (Markdown, a wiki page or a web page copied as text) into
 * Sitrep's runbook format. Pure apart from reading the file: no state, safe from any thread.
 * <ol>
 *   <li>{@link TextDecoder}: bytes to text (refuses binary and files over 5 MB, with the line);</li>
 *   <li>{@link TextRepair}: mojibake, HTML entities, invisible characters, line by line;</li>
 *   <li>{@link PageChrome}: the title, navigation before it and tables of contents;</li>
 *   <li>{@link BlockScanner}: lines to headings, items, paragraphs, code, tables, trees;</li>
 *   <li>{@link OutlineBuilder}: sections with their steps and commands, reference tables;</li>
 *   <li>{@link SectionShaper}: Symptoms / Confirm / Recover / Verify / Prevent inside their failure;</li>
 *   <li>{@link TriageBuilder}: the ASCII decision tree to questions, answers and outcomes;</li>
 *   <li>ids, the "Imported notes" section, JSON; then the validator reads the result back.</li>
 * </ol>
 * Every line that is not blank ends up in the runbook, in a note, or in an adjustment that says
 * why it was left out.
 */
public final class RunbookImporter {

    /** Sources above this size are refused before they are read. */
    public static final long MAX_BYTES = TextDecoder.MAX_BYTES;

    private RunbookImporter() {
    }

    /** Reads and imports {@code file}; problems with the file itself are an {@link ImportRefusedException}. */
    public static ImportResult importFile(Path file, ImportOptions options) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ImportRefusedException(name, 1, TextDecoder.tooBig(size));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportRefusedException(name, 1, "does not exist; check the path");
        } catch (IOException e) {
            throw new ImportRefusedException(name, 1, "cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check that it is a readable file");
        }
        ImportOptions withTitle = options.fallbackTitle() != null ? options
                : new ImportOptions(options.id(), titleFromFileName(file), options.takenIds());
        return importBytes(name, bytes, withTitle);
    }

    /** Imports {@code bytes}; {@code name} is how messages name the source. */
    public static ImportResult importBytes(String name, byte[] bytes, ImportOptions options) {
        if (options.id() != null && !IdAllocator.valid(options.id())) {
            throw new ImportRefusedException(name, 1, "the id \"" + options.id() + "\" may use letters, digits, '-', '_' "
                    + "and '.' only (at most 64, starting with a letter or digit); give e.g. " + SitrepException.input("id") + " "
                    + IdAllocator.slug(options.id(), "my-runbook"));
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(name, bytes);
        ImportLog log = new ImportLog();
        decoded.adjustments().forEach(log::adjust);
        List<Line> lines = repaired(decoded.text(), log);
        if (lines.stream().allMatch(Line::blank)) {
            throw new ImportRefusedException(name, 1, "is empty (or only white space); there is nothing to import");
        }
        boolean markdown = BlockScanner.isMarkdown(lines);
        PageChrome.Found chrome = PageChrome.find(lines, markdown);
        BlockScanner.Scanned scanned = BlockScanner.scan(lines, markdown, chrome);
        String fallback = options.fallbackTitle() != null && !options.fallbackTitle().isBlank() ? options.fallbackTitle()
                : "Imported runbook";
        ImportResult first = assemble(name, scanned, fallback, options, log.copy(), null);
        if (first.valid() || first.counts().nodes() == 0) {
            return first;
        }
        String why = first.problems().get(0).message();
        return assemble(name, scanned, fallback, options, log.copy(), why);
    }

    /**
     * Builds the runbook from the scanned blocks. With {@code dropTree} set (the reason), the
     * decision tree is kept as notes instead: the fallback when the triage does not validate.
     */
    private static ImportResult assemble(String name, BlockScanner.Scanned scanned, String fallbackTitle,
                                         ImportOptions options, ImportLog log, String dropTree) {
        OutlineBuilder.Outline outline = OutlineBuilder.build(scanned, fallbackTitle, log);
        Draft draft = outline.draft();
        SectionShaper.shape(draft, log);
        ImportLog kept = log;
        if (!outline.tree().isEmpty()) {
            ImportLog trial = log.copy();
            String failure = dropTree != null ? "the triage it made did not validate (" + dropTree + ")"
                    : TriageBuilder.build(draft, outline.tree(), trial);
            if (failure == null) {
                kept = trial;
                if (outline.emptyTreeSection() != null) {
                    kept.adjust(outline.emptyTreeSection().line, "this section held only the decision tree, which became "
                            + "the triage questions", outline.emptyTreeSection().title);
                }
            } else {
                for (Line l : outline.tree()) {
                    kept.note(l.number(), "a line of a decision tree that could not become triage questions: " + failure
                            + "; kept as a note", l.content());
                }
                if (outline.emptyTreeSection() != null) {
                    kept.note(outline.emptyTreeSection().line, "a heading with only the decision tree under it; kept as "
                            + "a note", outline.emptyTreeSection().title);
                }
            }
        }
        DraftLimits.apply(draft, kept);
        String id = IdAllocator.runbookId(draft.title, options);
        IdAllocator.assign(draft, options);
        int notesSectionSteps = NotesSection.add(draft, kept.notes(), name);
        String json = RunbookJsonWriter.write(draft, id);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > RunbookParser.MAX_BYTES) {
            throw new ImportRefusedException(name, 1, String.format(Locale.ROOT, "would make a runbook of %.1f MB, over "
                    + "the %d MB a runbook may be; split the document at its top-level headings and import each part",
                    bytes.length / (1024.0 * 1024), RunbookParser.MAX_BYTES / (1024 * 1024)));
        }
        RunbookParser.Parsed parsed = RunbookParser.parse(id + ".json", bytes);
        Runbook runbook = parsed.runbook();
        ImportCounts counts = counts(runbook, draft, notesSectionSteps, kept.notes().size());
        return new ImportResult(name, json, parsed.valid() ? runbook : null, counts, kept.notes(), kept.adjustments(),
                parsed.problems());
    }

    private static ImportCounts counts(Runbook runbook, Draft draft, int notesSectionSteps, int notes) {
        if (runbook == null) {
            return new ImportCounts(0, 0, 0, 0, draft.nodes.size(), 0, notes);
        }
        int sections = (int) runbook.allSections().count() - (notesSectionSteps > 0 ? 1 : 0);
        int steps = (int) runbook.stepCount() - notesSectionSteps;
        int commands = (int) runbook.allSections().flatMap(s -> s.steps().stream()).filter(s -> s.command() != null).count();
        return new ImportCounts(sections, steps, commands, runbook.tables().size(), runbook.nodes().size(),
                runbook.outcomes().size(), notes);
    }

    private static List<Line> repaired(String text, ImportLog log) {
        List<Line> lines = new ArrayList<>();
        RepairTally mojibake = new RepairTally("characters mis-decoded from UTF-8 (mojibake such as \u00E2\u2030\u00A5 for \u2265) "
                + "were repaired");
        RepairTally entities = new RepairTally("HTML entities (such as &amp;) were decoded");
        RepairTally invisible = new RepairTally("invisible characters (no-break, zero-width or soft-hyphen) were made "
                + "plain spaces or removed");
        int number = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String raw = text.substring(start, end);
            TextRepair.Repaired r = TextRepair.line(raw);
            mojibake.add(number, r.mojibake(), raw, r.text());
            entities.add(number, r.entities(), raw, r.text());
            invisible.add(number, r.invisible(), raw, r.text());
            lines.add(Line.of(number++, r.text()));
            start = end + 1;
        }
        mojibake.report(log);
        entities.report(log);
        invisible.report(log);
        return lines;
    }

    /** Counts one kind of repair over the file, for one adjustment naming the lines. */
    private static final class RepairTally {
        private final String what;
        private int count;
        private final List<Integer> lines = new ArrayList<>();
        private String example;

        RepairTally(String what) {
            this.what = what;
        }

        void add(int line, int n, String before, String after) {
            if (n == 0) {
                return;
            }
            count += n;
            lines.add(line);
            if (example == null) {
                example = after.strip();
            }
        }

        void report(ImportLog log) {
            if (count == 0) {
                return;
            }
            String shown = lines.size() <= 10 ? lines.toString() : lines.subList(0, 10) + " and " + (lines.size() - 10)
                    + " more";
            log.adjust(lines.get(0), count + " " + what + " on " + lines.size() + " line" + (lines.size() == 1 ? "" : "s")
                    + " " + shown.replace("[", "(lines ").replace("]", ")"), example);
        }
    }

    /** "broker-runbook.md" to "Broker runbook". */
    static String titleFromFileName(Path file) {
        Path name = file.getFileName();
        String base = name == null ? "" : name.toString().replaceFirst("\\.[A-Za-z0-9]{1,8}$", "");
        String words = base.replaceAll("[-_.\\s]+", " ").strip();
        if (words.isEmpty()) {
            return "Imported runbook";
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
