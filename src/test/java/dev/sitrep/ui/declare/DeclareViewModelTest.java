package dev.sitrep.ui.declare;

import dev.sitrep.core.Incident;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DeclareViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private IncidentService incidents;
    private final List<Incident> declared = new ArrayList<>();
    private DeclareViewModel model;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        incidents = TestServices.on(store, "maria").clock(new TestClock(Instant.parse("2026-11-22T14:32:00Z")))
                .random(new Random(1)).build().incidents();
        model = new DeclareViewModel(incidents, new DirectExecutor(), declared::add);
        model.reset(SeverityScales.FIVE_LEVEL, "maria");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void resetStartsAtTheScaleDefaultAndShowsItsDefinition() {
        assertThat(model.severityProperty().get().code()).isEqualTo("SEV2");
        assertThat(model.severityDefinitionProperty().get()).contains("Degraded performance").contains("15 min");
        assertThat(model.commanderHintProperty().get()).contains("maria");
    }

    @Test
    void aTitleIsEnoughToDeclare() {
        model.titleProperty().set("Checkout 5xx spike");
        model.declare();
        assertThat(declared).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Checkout 5xx spike");
            assertThat(i.severity()).isEqualTo("SEV2");
            assertThat(i.commander()).isEqualTo("maria");
        });
    }

    @Test
    void emptyTitleIsRefusedInlineAndNothingIsDeclared() {
        model.titleProperty().set("   ");
        model.declare();
        assertThat(model.titleErrorProperty().get()).contains("title is empty");
        assertThat(declared).isEmpty();
        assertThat(incidents.count()).isZero();
    }

    @Test
    void typingClearsTheTitleError() {
        model.declare();
        model.titleProperty().set("x");
        assertThat(model.titleErrorProperty().get()).isEmpty();
    }

    @Test
    void overlongTitleIsRefusedInline() {
        model.titleProperty().set("y".repeat(10_000));
        model.declare();
        assertThat(model.titleErrorProperty().get()).contains("limit is 200");
        assertThat(declared).isEmpty();
    }

    @Test
    void optionalFieldsAreSplitAndPassedOn() {
        model.titleProperty().set("Broker down");
        model.severityProperty().set(SeverityScales.FIVE_LEVEL.level("SEV1"));
        model.serviceProperty().set("broker");
        model.platformsProperty().set("cullis, powernode ,");
        model.commanderProperty().set("sam");
        model.declare();
        Incident i = declared.get(0);
        assertThat(i.severity()).isEqualTo("SEV1");
        assertThat(i.platforms()).containsExactly("cullis", "powernode");
        assertThat(i.commander()).isEqualTo("sam");
        assertThat(i.service()).isEqualTo("broker");
    }

    @Test
    void aLikelyDuplicateWarnsInsteadOfDeclaringUntilDeclaredAnyway() {
        Incident open = incidents.declare(Declaration.titled("Checkout 5xx spike"));
        model.titleProperty().set("checkout 5xx SPIKE");
        model.declare();
        assertThat(declared).isEmpty();
        assertThat(incidents.count()).isEqualTo(1);
        assertThat(model.duplicateProperty().get().incident().id()).isEqualTo(open.id());
        assertThat(model.duplicateWarningProperty().get()).startsWith("Likely a duplicate of " + open.id()
                + " \"Checkout 5xx spike\" (investigating), declared 0s ago").endsWith("or declare anyway with the "
                + "Declare anyway button.");
        assertThat(model.status().failureProperty().get()).as("a warning, not a failure").isEmpty();

        model.declareAnyway();
        assertThat(declared).singleElement().satisfies(i -> assertThat(incidents.show(i.id()).timeline().get(0).text())
                .contains("declared despite a likely duplicate: " + open.id()));
        assertThat(model.duplicateProperty().get()).isNull();
    }

    @Test
    void editingTheTitleClearsTheDuplicateWarning() {
        incidents.declare(Declaration.titled("Checkout 5xx spike"));
        model.titleProperty().set("Checkout 5xx spike");
        model.declare();
        assertThat(model.duplicateWarningProperty().get()).isNotEmpty();
        model.titleProperty().set("Checkout 5xx spike in EU");
        assertThat(model.duplicateProperty().get()).isNull();
        assertThat(model.duplicateWarningProperty().get()).isEmpty();
        model.declare();
        assertThat(declared).singleElement().extracting(Incident::title).isEqualTo("Checkout 5xx spike in EU");
    }

    @Test
    void aStoreFailureIsShownAndTheInputKept() {
        model.titleProperty().set("Written while the store is closed");
        store.close();
        // a closed store reopens connections lazily; break it by pointing at a file instead
        IncidentService broken = TestServices.on(store, "").clock(new TestClock(Instant.now())).random(new Random(1))
                .build().incidents();
        DeclareViewModel failing = new DeclareViewModel(broken, new DirectExecutor(), declared::add);
        failing.reset(SeverityScales.FIVE_LEVEL, "maria");
        failing.titleProperty().set("Checkout down");
        failing.declare();
        assertThat(failing.status().failureProperty().get()).contains("operator");
        assertThat(failing.titleProperty().get()).isEqualTo("Checkout down");
        assertThat(declared).isEmpty();
    }
}
