package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.LoadedRunbook;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.runbook.RunbookParser;
import dev.sitrep.runbook.TriageResult;
import dev.sitrep.runbook.TriageSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import, save into the team folder, validate as {@code sitrep runbook validate} does, load with the
 * built-ins, and walk every path of each imported triage tree to its end.
 */
class ImportRoundTripTest {

    @TempDir
    Path dataDir;

    /** Imports every realistic runbook into {@code <data-dir>/runbooks} and returns the files. */
    private List<Path> importAll() throws IOException {
        Path sources = Files.createDirectories(dataDir.resolve("sources"));
        Path team = Files.createDirectories(RunbookLibrary.teamDirectory(dataDir));
        List<Path> out = new ArrayList<>();
        for (String name : ImportFixture.FILES) {
            ImportResult result = RunbookImporter.importFile(ImportFixture.copy(sources, name), ImportOptions.defaults());
            out.add(Files.write(team.resolve(result.suggestedFileName()), result.bytes()));
        }
        return out;
    }

    @Test
    void eachImportedFileValidatesOnItsOwnAndBesideTheBuiltIns() throws IOException {
        List<Path> files = importAll();
        RunbookLibrary library = RunbookLibrary.load(dataDir);
        for (Path file : files) {
            assertThat(RunbookParser.read(file, file.toString()).problems()).as(file.toString()).isEmpty();
            LoadedRunbook checked = library.check(file, file.toString());
            assertThat(checked.problems()).as(file.toString()).isEmpty();
            assertThat(checked.inUse()).isTrue();
        }
        assertThat(library.entries()).filteredOn(e -> e.origin() == LoadedRunbook.Origin.TEAM).hasSize(6)
                .allMatch(LoadedRunbook::inUse);
    }

    @Test
    void everyPathThroughEveryImportedTreeEndsInAnOutcomeOrASection() throws IOException {
        importAll();
        RunbookLibrary library = RunbookLibrary.load(dataDir);
        List<Runbook> imported = library.triageTrees().stream().filter(r -> r.file().contains("runbooks")
                && !r.file().startsWith("runbooks/")).toList();
        assertThat(imported).extracting(Runbook::id).containsExactlyInAnyOrder("agent-platform-triage",
                "deploy-watch-weathervane-orchestrator", "kill-switch-and-containment");
        for (Runbook tree : imported) {
            List<TriageResult> ends = new ArrayList<>();
            walk(TriageSession.start(tree, library), ends, 0);
            assertThat(ends).as(tree.id()).isNotEmpty().allSatisfy(r ->
                    assertThat(r.severity() != null || !r.sections().isEmpty()).as("ends with a severity or a section").isTrue());
            TriageSession unsure = TriageSession.start(tree, library);
            while (!unsure.finished()) {
                unsure = unsure.notSure();
            }
            assertThat(unsure.result().orElseThrow().unsure()).isTrue();
        }
    }

    @Test
    void theAgentTreeEndsAtSev0WithTheKillSwitchWhenThereIsASecuritySide() throws IOException {
        importAll();
        RunbookLibrary library = RunbookLibrary.load(dataDir);
        TriageResult r = TriageSession.start("agent-platform-triage", library).answer(1).answer(1).result().orElseThrow();
        assertThat(r.severity().code()).isEqualTo("SEV0");
        assertThat(r.proposeKillSwitch()).isTrue();
        assertThat(r.sections()).extracting(s -> s.section().title()).containsExactly("Kill switch", "Security incident");
    }

    private static void walk(TriageSession session, List<TriageResult> ends, int depth) {
        assertThat(depth).as("a path longer than the tree").isLessThan(50);
        if (session.finished()) {
            ends.add(session.result().orElseThrow());
            return;
        }
        for (int n = 1; n <= session.answers().size(); n++) {
            walk(session.answer(n), ends, depth + 1);
        }
    }
}
