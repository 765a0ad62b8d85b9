package dev.sitrep.ui.triage;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import dev.sitrep.ui.common.NavigatorStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class TriageViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private IncidentService incidents;
    private TriageViewModel model;
    private final List<String> declared = new ArrayList<>();
    private final List<IncidentId> applied = new ArrayList<>();

    @BeforeEach
    void open() {
        store = Store.open(dir);
        TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
        Services services = TestServices.on(store, "maria").clock(clock).random(new Random(1)).build();
        incidents = services.incidents();
        model = new TriageViewModel(() -> RunbookLibrary.load(dir), incidents::scale, services.triage(),
                new DirectExecutor(), new NavigatorStub() {
                    @Override
                    public void declare(Prefill prefill, Consumer<IncidentId> then) {
                        declared.add(prefill.title() + " / " + prefill.severity());
                    }

                    @Override
                    public void openChecklists(IncidentId incident) {
                        applied.add(incident);
                    }
                });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void breadcrumbsGoBackToTheirQuestionAndNotSureSaysWhereItLeads() {
        model.load();
        assertThat(model.questionProperty().get()).isEqualTo("Is the platform actively doing something it must not do?");
        assertThat(model.notSureHintProperty().get()).startsWith("takes \"Yes, it is doing harm right now\"");
        model.answer(1);
        model.answer(2);
        assertThat(model.breadcrumbs()).hasSize(2);
        model.backTo(0);
        assertThat(model.breadcrumbs()).isEmpty();
        assertThat(model.questionProperty().get()).startsWith("Is the platform actively");
        model.answer(7);
        assertThat(model.breadcrumbs()).as("no such answer: nothing happens").isEmpty();
    }

    @Test
    void theOutcomeDeclaresWithItsTitleAndSeverityOrAppliesToTheOpenIncident() {
        Incident open = incidents.declare(Declaration.titled("Refunds twice"));
        model.load();
        model.setApplyTarget(open.id());
        model.answer(1);
        model.answer(2);
        model.answer(1);
        assertThat(model.finishedProperty().get()).isTrue();
        assertThat(model.severityProperty().get()).isEqualTo("SEV1");
        assertThat(model.severityDefinitionProperty().get()).startsWith("SEV1: ");
        assertThat(model.proposeKillSwitchProperty().get()).isTrue();
        assertThat(model.sections()).first().asString().startsWith("Flip the kill switch");

        model.declare();
        assertThat(declared).containsExactly("Agents acting on customers or outside systems / SEV1");

        model.applyTo(open.id());
        assertThat(applied).containsExactly(open.id());
        assertThat(model.appliedProperty().get()).startsWith("Recorded on " + open.id())
                .contains("raised SEV2 → SEV1").contains("checklists opened");
        assertThat(incidents.show(open.id()).incident().severity()).isEqualTo("SEV1");
    }

    @Test
    void enterAppliesToTheOpenIncidentAndDeclaresOnlyWhenNoneIsOpen() {
        Incident open = incidents.declare(Declaration.titled("Refunds twice"));
        model.load();
        model.answer(1);
        model.answer(2);
        model.answer(1);
        model.setApplyTarget(open.id());
        model.confirm();
        assertThat(applied).containsExactly(open.id());
        assertThat(declared).isEmpty();

        model.setApplyTarget(null);
        model.confirm();
        assertThat(declared).containsExactly("Agents acting on customers or outside systems / SEV1");
        assertThat(applied).containsExactly(open.id());
    }

    @Test
    void theWorkspaceScaleCarriesTheRecommendation() {
        incidents.switchScale(SeverityScales.PRIORITY);
        model.load();
        model.notSure();
        while (!model.finishedProperty().get()) {
            model.notSure();
        }
        assertThat(model.severityProperty().get()).isEqualTo("P0");
        assertThat(model.unsureNoteProperty().get()).contains("not sure");
    }

    @Test
    void aBrokenTeamRunbookDoesNotStopTheWizard() throws Exception {
        Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(dir.resolve("runbooks/broken.json"), "{ \"version\": 1, \"id\": ");
        model.load();
        assertThat(model.status().failureProperty().get()).isEmpty();
        assertThat(model.questionProperty().get()).isNotEmpty();
        assertThat(model.trees()).isNotEmpty();
    }
}
