package dev.sitrep.ui.triage;

import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.runbook.importer.RunbookImports;
import dev.sitrep.testing.DirectExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's import: preview, save into the team folder, never over a file, bad input named. */
class ImportViewModelTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path sources;

    private ImportViewModel model(AtomicInteger saved) {
        return new ImportViewModel(new DirectExecutor(), RunbookImports.in(dataDir), saved::incrementAndGet);
    }

    private Path copy(String resource) throws Exception {
        Path file = sources.resolve(resource);
        Files.copy(ImportViewModelTest.class.getResourceAsStream("/import/" + resource), file);
        return file;
    }

    @Test
    void aPreviewThenASaveThatTheLibraryPicksUp() throws Exception {
        AtomicInteger saved = new AtomicInteger();
        ImportViewModel model = model(saved);
        model.load(copy("ops-wiki-tree.md"));
        assertThat(model.summaryProperty().get()).startsWith("Imported \"");
        assertThat(model.recognised()).isNotEmpty().first().asString().startsWith("Triage: ");
        assertThat(model.canSaveProperty().get()).isTrue();
        assertThat(model.status().failureProperty().get()).isEmpty();

        model.save();
        assertThat(saved).hasValue(1);
        assertThat(model.savedProperty().get()).startsWith("Saved as ");
        assertThat(RunbookLibrary.load(dataDir).entries()).anyMatch(e -> e.origin().name().equals("TEAM") && e.inUse());

        model.load(copy("github-readme.md"));
        model.save();
        ImportViewModel again = model(saved);
        again.load(sources.resolve("github-readme.md"));
        again.save();
        assertThat(again.status().failureProperty().get()).as("a new import gets a free id, so nothing is overwritten")
                .isEmpty();
    }

    @Test
    void aSaveThatNoLongerFitsBesideTheRunbooksInUseIsRefusedAndNothingIsSaved() throws Exception {
        AtomicInteger saved = new AtomicInteger();
        ImportViewModel model = model(saved);
        Path source = copy("ops-wiki-tree.md");
        model.load(source);
        byte[] same = RunbookImports.in(dataDir).read(source, null, null).bytes();
        Path team = Files.createDirectories(RunbookLibrary.teamDirectory(dataDir));
        Files.write(team.resolve("a-colleagues-copy.json"), same); // saved by someone else since the preview

        model.save();

        assertThat(saved).hasValue(0);
        assertThat(model.savedProperty().get()).isEmpty();
        assertThat(model.status().failureProperty().get()).contains("cannot be used beside the runbooks in use")
                .contains("give it another id with Import… again").doesNotContain("--");
        try (var files = Files.list(team)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("a-colleagues-copy.json");
        }
    }

    @Test
    void binaryInputIsRefusedWithItsLineAndNothingIsSaved() throws Exception {
        Path binary = sources.resolve("image.md");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2, 3});
        AtomicInteger saved = new AtomicInteger();
        ImportViewModel model = model(saved);
        model.load(binary);
        assertThat(model.status().failureProperty().get()).contains(binary.toString() + ":1:");
        assertThat(model.canSaveProperty().get()).isFalse();
        model.save();
        assertThat(saved).hasValue(0);
        assertThat(RunbookLibrary.teamDirectory(dataDir)).doesNotExist();
    }
}
