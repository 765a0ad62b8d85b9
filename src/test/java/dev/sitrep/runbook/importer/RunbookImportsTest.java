package dev.sitrep.runbook.importer;

import dev.sitrep.core.SitrepException;
import dev.sitrep.runbook.RunbookLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The one import both front ends use: read, then keep only what fits beside the runbooks in use. */
class RunbookImportsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path sources;

    private Path copy(String resource) throws Exception {
        Path file = sources.resolve(resource);
        Files.copy(RunbookImportsTest.class.getResourceAsStream("/import/" + resource), file);
        return file;
    }

    @Test
    void theConsolesSaveGoesIntoTheTeamFolderAndTheLibraryUsesIt() throws Exception {
        RunbookImports imports = RunbookImports.in(dataDir);
        ImportResult result = imports.read(copy("ops-wiki-tree.md"), null, null);

        RunbookImports.Kept kept = imports.keepInTeamFolder(result);

        assertThat(kept.file()).isEqualTo(RunbookLibrary.teamDirectory(dataDir).resolve(result.suggestedFileName()));
        assertThat(RunbookLibrary.load(dataDir).entries())
                .anyMatch(e -> e.inUse() && e.runbook() != null && e.runbook().id().equals(result.id()));
    }

    @Test
    void aTeamRunbookWithTheSameIdThatAppearedSinceThePreviewIsRefusedAndNothingIsLeft() throws Exception {
        RunbookImports imports = RunbookImports.in(dataDir);
        ImportResult result = imports.read(copy("ops-wiki-tree.md"), null, null);
        Path team = Files.createDirectories(RunbookLibrary.teamDirectory(dataDir));
        Files.write(team.resolve("a-colleagues-import.json"), result.bytes()); // saved by someone else meanwhile

        RunbookImports.Clash clash = catchThrowableOfType(() -> imports.keepInTeamFolder(result), RunbookImports.Clash.class);

        assertThat(clash.problems()).isNotEmpty();
        assertThat(clash.field()).isEqualTo("id");
        assertThat(clash.message(n -> "--" + n)).contains("give it another id with --id");
        assertThat(team.resolve(result.suggestedFileName())).as("nothing that does not fit is left on disk").doesNotExist();
    }

    @Test
    void anExistingFileIsKeptUnlessReplacingIsAsked() throws Exception {
        RunbookImports imports = RunbookImports.in(dataDir);
        Path out = Files.writeString(sources.resolve("mine.json"), "the team's own");
        ImportResult result = imports.read(copy("ops-wiki-tree.md"), null, out);

        SitrepException refused = catchThrowableOfType(() -> imports.keep(result, out, false), SitrepException.class);

        assertThat(refused.field()).isEqualTo("out");
        assertThat(refused.message(n -> "--" + n)).isEqualTo(out + " already exists; give another --out, or add --force "
                + "to replace it");
        assertThat(Files.readString(out)).isEqualTo("the team's own");
        assertThat(imports.keep(result, out, true).file()).isEqualTo(out);
        assertThat(Files.readAllBytes(out)).isEqualTo(result.bytes());
    }
}
