package dev.sitrep.ui.settings;

import dev.sitrep.core.Incident;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import dev.sitrep.workspace.Theme;
import dev.sitrep.workspace.WorkspaceSettings;
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

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private IncidentService incidents;
    private WorkspaceSettings settings;
    private final List<String> operatorChanges = new ArrayList<>();

    @BeforeEach
    void open() {
        store = Store.open(dir);
        TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
        Services services = TestServices.on(store, "maria").clock(clock).random(new Random(3)).build();
        incidents = services.incidents();
        settings = services.settings();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SettingsViewModel model(String override) {
        SettingsViewModel m = new SettingsViewModel(settings, incidents, () -> RunbookLibrary.load(dir),
                new DirectExecutor(), () -> "maria", operatorChanges::add, override);
        m.load();
        return m;
    }

    @Test
    void switchingTheScaleWithOpenIncidentsWarnsThenConfirms() {
        Incident open = incidents.declare(Declaration.titled("still burning"));
        SettingsViewModel model = model(null);
        model.chosenScaleProperty().set(SeverityScales.PRIORITY);
        model.switchScale();
        assertThat(model.scaleWarningProperty().get()).contains("1 unfinished incident").contains("Press Switch again");
        assertThat(settings.scale()).isSameAs(SeverityScales.FIVE_LEVEL);
        model.switchScale();
        assertThat(settings.scale()).isSameAs(SeverityScales.PRIORITY);
        assertThat(incidents.show(open.id()).incident().severity()).isEqualTo("P1");
        assertThat(model.scaleWarningProperty().get()).isEmpty();
    }

    @Test
    void theConfirmationShowsEachLevelsNewLevelAndTheRunbooksThatNameTheOldOnes() throws Exception {
        Files.createDirectories(RunbookLibrary.teamDirectory(dir));
        Files.writeString(RunbookLibrary.teamDirectory(dir).resolve("payments.json"), """
                {
                  "version": 1,
                  "id": "payments",
                  "title": "Payments",
                  "sections": [{"id": "page", "title": "Page", "steps": ["Page the payments lead for SEV2 and worse"]}]
                }
                """);
        Incident major = incidents.declare(new Declaration("checkout down", "SEV1", null, List.of(), null, false, null));
        SettingsViewModel model = model(null);
        model.chosenScaleProperty().set(SeverityScales.PRIORITY);
        model.switchScale();

        String warning = model.scaleWarningProperty().get();
        assertThat(warning).contains("SEV1 → P0 (Customers see an outage, data is being lost, or a breach is active): "
                        + "1 unfinished incident\n")
                .contains("SEV2 → P1 (Significant degradation, automation misbehaving, or one tenant hit)\n")
                .contains("SEV4 → P3 (Minor regression or cosmetic; no customer impact)\n")
                .contains("These runbooks name SEV0..SEV4 levels")
                .contains("Payments (" + RunbookLibrary.teamDirectory(dir).resolve("payments.json") + "): SEV2")
                .contains("runbooks/ai-triage.json): SEV0, SEV1, SEV2, SEV3, SEV4")
                .contains("runbooks/severity.json): SEV2\n")
                .contains("Press Switch again");
        assertThat(model.status().failureProperty().get()).isEmpty();
        assertThat(settings.scale()).isSameAs(SeverityScales.FIVE_LEVEL);

        model.switchScale();

        assertThat(incidents.show(major.id()).incident().severity()).isEqualTo("P0");
        List<dev.sitrep.core.TimelineEvent> timeline = incidents.show(major.id()).timeline();
        assertThat(timeline.get(timeline.size() - 1).text()).startsWith("Severity SEV1 (SEV0..SEV4) → P0 (P0..P3)");
        assertThat(model.noticeProperty().get()).contains("Scale is now P0..P3; 1 incident(s) re-expressed.")
                .contains("Runbooks that name SEV0..SEV4 levels:").contains("Payments");
    }

    @Test
    void choosingAnotherScaleCancelsThePendingConfirmation() {
        incidents.declare(Declaration.titled("still burning"));
        SettingsViewModel model = model(null);
        model.chosenScaleProperty().set(SeverityScales.PRIORITY);
        model.switchScale();
        model.chosenScaleProperty().set(SeverityScales.FOUR_LEVEL);
        model.switchScale();
        assertThat(settings.scale()).isSameAs(SeverityScales.FIVE_LEVEL);
        assertThat(model.scaleWarningProperty().get()).contains("SEV1..SEV4");
    }

    @Test
    void anEmptyWorkspaceSwitchesAtOnce() {
        SettingsViewModel model = model(null);
        model.chosenScaleProperty().set(SeverityScales.FOUR_LEVEL);
        model.switchScale();
        assertThat(settings.scale()).isSameAs(SeverityScales.FOUR_LEVEL);
    }

    @Test
    void savingTheOperatorTellsTheShell() {
        SettingsViewModel model = model(null);
        model.operatorProperty().set("  Maria Lopez ");
        model.saveOperator();
        assertThat(settings.operator()).contains("Maria Lopez");
        assertThat(operatorChanges).containsExactly("Maria Lopez");
    }

    @Test
    void anEmptyOperatorIsRefusedInline() {
        SettingsViewModel model = model(null);
        model.operatorProperty().set(" ");
        model.saveOperator();
        assertThat(model.status().failureProperty().get()).contains("operator name is empty");
        assertThat(settings.operator()).isEmpty();
    }

    @Test
    void anOverriddenOperatorIsExplained() {
        SettingsViewModel model = model("sam");
        assertThat(model.operatorNoteProperty().get()).contains("sam").contains("--actor");
    }

    @Test
    void theEvidenceLimitIsASizeWithinBounds() {
        SettingsViewModel model = model(null);
        assertThat(model.evidenceLimitProperty().get()).isEqualTo("8.0 GiB");
        model.evidenceLimitProperty().set("512 MiB");
        model.saveEvidenceLimit();
        assertThat(settings.evidenceLimit()).isEqualTo(512L << 20);
        assertThat(model.evidenceLimitProperty().get()).isEqualTo("512.0 MiB");
        model.evidenceLimitProperty().set("lots");
        model.saveEvidenceLimit();
        assertThat(model.status().failureProperty().get()).contains("not a size");
        model.evidenceLimitProperty().set("2 TiB");
        model.saveEvidenceLimit();
        assertThat(model.status().failureProperty().get()).contains("between 1 MiB and 1024 GiB");
        assertThat(settings.evidenceLimit()).isEqualTo(512L << 20);
    }

    @Test
    void theTeamsPostmortemSectionsAreOneTitleALine() {
        SettingsViewModel model = model(null);
        model.postmortemSectionsProperty().set("Customer follow-up\n\n  Security review \nCustomer follow-up");
        model.savePostmortemSections();
        assertThat(settings.postmortemSections()).containsExactly("Customer follow-up", "Security review");
        assertThat(model.postmortemSectionsProperty().get()).isEqualTo("Customer follow-up\nSecurity review");
        assertThat(model(null).postmortemSectionsProperty().get()).isEqualTo("Customer follow-up\nSecurity review");
    }

    @Test
    void theKillSwitchHoldIsConfigurableWithinBounds() {
        SettingsViewModel model = model(null);
        assertThat(model.holdSecondsProperty().get()).isEqualTo("1.5");
        model.holdSecondsProperty().set("2,5");
        model.saveHold();
        assertThat(settings.holdDuration()).isEqualTo(java.time.Duration.ofMillis(2500));
        model.holdSecondsProperty().set("0.1");
        model.saveHold();
        assertThat(model.status().failureProperty().get()).contains("between 0.5 and 5 seconds");
        model.holdSecondsProperty().set("soon");
        model.saveHold();
        assertThat(model.status().failureProperty().get()).contains("number of seconds");
        assertThat(settings.holdDuration()).isEqualTo(java.time.Duration.ofMillis(2500));
    }

    @Test
    void theThemeIsSavedForTheWorkspace() {
        SettingsViewModel model = model(null);
        model.chooseTheme(Theme.LIGHT);
        assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
        assertThat(model(null).themeProperty().get()).isEqualTo(Theme.LIGHT);
    }
}
