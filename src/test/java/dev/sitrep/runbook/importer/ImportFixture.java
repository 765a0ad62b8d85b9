package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.Section;
import dev.sitrep.runbook.Step;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The realistic runbooks under src/test/resources/import, copied into a test's folder and imported from there. */
final class ImportFixture {

    /** Every realistic runbook, one per style. */
    static final List<String> FILES = List.of("github-readme.md", "confluence-paste.txt", "ops-wiki-tree.md",
            "ragged-tables.md", "mojibake.txt", "kitchen-sink.md");

    private ImportFixture() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = ImportFixture.class.getResourceAsStream("/import/" + name)) {
            assertThat(in).as("test resource import/" + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the resource into {@code dir} and returns the file. */
    static Path copy(Path dir, String name) {
        try {
            return Files.write(dir.resolve(name), bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the resource from a real file in {@code dir}; the result must validate. */
    static ImportResult imported(Path dir, String name) {
        ImportResult result = RunbookImporter.importFile(copy(dir, name), ImportOptions.defaults());
        assertThat(result.problems()).as(name).isEmpty();
        assertThat(result.valid()).isTrue();
        return result;
    }

    static Section section(Runbook rb, String id) {
        return rb.section(id).orElseThrow(() -> new AssertionError("no section " + id + "; the sections are "
                + rb.allSections().map(Section::id).toList()));
    }

    static List<String> texts(Section s) {
        return s.steps().stream().map(Step::text).toList();
    }

    static List<String> commands(Section s) {
        return s.steps().stream().map(Step::command).filter(c -> c != null).toList();
    }

    static List<String> topSectionIds(Runbook rb) {
        return rb.sections().stream().map(Section::id).toList();
    }
}
