package dev.sitrep.ui.triage;

import dev.sitrep.core.IncidentId;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.runbook.importer.ImportOptions;
import dev.sitrep.runbook.importer.ImportResult;
import dev.sitrep.runbook.importer.RunbookImporter;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import dev.sitrep.ui.common.NavigatorStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** An imported ASCII tree, dropped into the team folder, opens in the triage wizard and declares from its outcome. */
class ImportedTreeWizardTest {

    @TempDir
    Path dir;
    private Store store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theWizardAsksTheImportedQuestionsAndDeclaresAtTheOutcomesSeverity() throws Exception {
        Path source = dir.resolve("ops-wiki-tree.md");
        try (InputStream in = getClass().getResourceAsStream("/import/ops-wiki-tree.md")) {
            Files.write(source, in.readAllBytes());
        }
        ImportResult imported = RunbookImporter.importFile(source, ImportOptions.defaults());
        Files.createDirectories(RunbookLibrary.teamDirectory(dir));
        Files.write(RunbookLibrary.teamDirectory(dir).resolve(imported.suggestedFileName()), imported.bytes());

        store = Store.open(dir);
        TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
        Services services = TestServices.on(store, "maria").clock(clock).random(new Random(1)).build();
        List<String> declared = new ArrayList<>();
        TriageViewModel model = new TriageViewModel(() -> RunbookLibrary.load(dir), services.incidents()::scale,
                services.triage(), new DirectExecutor(),
                new NavigatorStub() {
                    @Override
                    public void declare(Prefill prefill, Consumer<IncidentId> then) {
                        declared.add(prefill.title() + " / " + prefill.severity());
                    }
                });
        model.load();
        Runbook tree = model.trees().stream().filter(t -> t.id().equals("agent-platform-triage")).findFirst().orElseThrow();
        model.start(tree);
        assertThat(model.questionProperty().get()).startsWith("Is the platform doing something it should not be doing");
        assertThat(model.answers()).containsExactly("Yes", "No");
        model.answer(1);
        assertThat(model.helpProperty().get()).contains("Flip the kill switch first");
        model.answer(2);
        model.answer(1);
        assertThat(model.finishedProperty().get()).isTrue();
        assertThat(model.severityProperty().get()).isEqualTo("SEV1");
        assertThat(model.proposeKillSwitchProperty().get()).isTrue();
        model.declare();
        assertThat(declared).containsExactly("Agents harming customers / SEV1");
    }
}
