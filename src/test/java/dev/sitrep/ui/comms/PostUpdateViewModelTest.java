package dev.sitrep.ui.comms;

import dev.sitrep.comms.StatusUpdates;
import dev.sitrep.comms.Templates;
import dev.sitrep.comms.UpdateTemplate;
import dev.sitrep.comms.WarRoom;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PostUpdateViewModelTest {

    private static final Instant DECLARED = Instant.parse("2026-11-22T14:32:00Z");

    @TempDir
    Path dir;
    private Store store;
    private TestClock clock;
    private IncidentService incidents;
    private Templates templates;
    private WarRoom warRoom;
    private StatusUpdates updates;
    private final List<String> clipboard = new ArrayList<>();
    private PostUpdateViewModel model;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        clock = new TestClock(DECLARED);
        Services services = TestServices.on(store, "maria").clock(clock).random(new Random(5)).build();
        incidents = services.incidents();
        templates = services.templates();
        warRoom = services.warRoom();
        updates = services.statusUpdates();
        model = new PostUpdateViewModel(incidents, templates, warRoom, updates, new DirectExecutor(), clock, clipboard::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Incident declare(String severity) {
        return incidents.declare(new Declaration("Checkout 5xx spike", severity, null, List.of(), null, false, null));
    }

    private List<TimelineEvent> updatesOn(IncidentId id) {
        return incidents.show(id).timeline().stream().filter(e -> e.type() == EventType.STATUS_UPDATE).toList();
    }

    @Test
    void openingComposesTheInternalUpdateFromTheIncident() {
        Incident i = declare("SEV1");
        model.open(i.id());
        assertThat(model.readyProperty().get()).isTrue();
        assertThat(model.headingProperty().get()).isEqualTo(i.id() + " · Checkout 5xx spike");
        assertThat(model.severityProperty().get()).isEqualTo("SEV1");
        assertThat(model.templateIdProperty().get()).isEqualTo(UpdateTemplate.INTERNAL);
        assertThat(model.textProperty().get()).startsWith("SEV1 Checkout 5xx spike (" + i.id() + ")")
                .contains("Commander: maria").endsWith("Next update: 14:47 UTC · 22 Nov 2026");
        assertThat(model.templates()).extracting(UpdateTemplate::id)
                .containsExactly("internal", "status-page", "customer-email");
    }

    @Test
    void choosingATemplateComposesIt() {
        model.open(declare("SEV1").id());
        model.choose(UpdateTemplate.STATUS_PAGE);
        assertThat(model.textProperty().get()).startsWith("Investigating - Checkout 5xx spike");
        assertThat(model.purposeProperty().get()).contains("status page");
    }

    @Test
    void whatWasTypedIntoATemplateIsKeptWhileAnotherIsChosen() {
        model.open(declare("SEV1").id());
        model.textProperty().set("my own words");
        model.choose(UpdateTemplate.CUSTOMER_EMAIL);
        model.choose(UpdateTemplate.INTERNAL);
        assertThat(model.textProperty().get()).isEqualTo("my own words");
    }

    @Test
    void reopeningStartsFromTheTemplateAgain() {
        Incident i = declare("SEV1");
        model.open(i.id());
        model.textProperty().set("my own words");
        model.choose(UpdateTemplate.STATUS_PAGE);
        model.choose(UpdateTemplate.INTERNAL);
        model.open(i.id());
        assertThat(model.textProperty().get()).startsWith("SEV1 Checkout 5xx spike");
    }

    @Test
    void theTeamsEditOfATemplateIsUsed() {
        templates.save(UpdateTemplate.INTERNAL, "{{severity}}: {{title}}, war room {{war_room}}");
        warRoom.set("#inc-bridge");
        model.open(declare("SEV2").id());
        assertThat(model.textProperty().get()).isEqualTo("SEV2: Checkout 5xx spike, war room #inc-bridge");
        assertThat(model.notSetProperty().get()).isEmpty();
    }

    @Test
    void fieldsNotSetAreNamedWithWhereToSetThem() {
        model.open(declare("SEV1").id());
        assertThat(model.textProperty().get()).contains("Impact: (not set)");
        assertThat(model.notSetProperty().get())
                .isEqualTo("Not filled in: impact, war room. Write them into the text, or set impact on the incident and the "
                        + "war room in Settings.");
    }

    @Test
    void aMissingWarRoomAloneIsToBeSetInSettings() {
        Incident i = declare("SEV1");
        incidents.setImpact(i.id(), "EU checkout fails");
        model.open(i.id());
        assertThat(model.notSetProperty().get())
                .isEqualTo("Not filled in: war room. Write it into the text, or set the war room in Settings.");
    }

    @Test
    void aStatusPagePostBelowTheTopSeveritiesIsQuestioned() {
        model.open(declare("SEV2").id());
        model.choose(UpdateTemplate.STATUS_PAGE);
        assertThat(model.adviceProperty().get()).startsWith("SEV2 is below the severities that get a status page post");
        model.choose(UpdateTemplate.INTERNAL);
        assertThat(model.adviceProperty().get()).isEmpty();
    }

    @Test
    void aStatusPagePostForSev1NeedsNoAdvice() {
        model.open(declare("SEV1").id());
        model.choose(UpdateTemplate.STATUS_PAGE);
        assertThat(model.adviceProperty().get()).isEmpty();
    }

    @Test
    void copyPutsTheTextAsEditedOnTheClipboard() {
        model.open(declare("SEV1").id());
        model.textProperty().set("Checkout is failing; rollback under way.");
        model.copy();
        assertThat(clipboard).containsExactly("Checkout is failing; rollback under way.");
        assertThat(model.noticeProperty().get()).startsWith("Copied 40 characters.");
    }

    @Test
    void markSentRecordsTheTextAsEditedAndSaysSo() {
        Incident i = declare("SEV1");
        clock.advance(Duration.ofMinutes(3));
        model.open(i.id());
        model.textProperty().set("Checkout is failing for EU users\nrollback under way");
        model.copy();
        model.markSent();

        assertThat(model.noticeProperty().get()).as("the copy note gives way to the confirmation").isEmpty();
        assertThat(model.dueProperty().get()).as("the note about the last update is out of date").isEmpty();
        assertThat(model.sentProperty().get()).isEqualTo("Recorded: internal update sent at 14:35 UTC. "
                + "First communication recorded. Next update due by 14:50 UTC.");
        assertThat(updatesOn(i.id())).singleElement().satisfies(e ->
                assertThat(e.text()).isEqualTo("Update sent (internal update): Checkout is failing for EU users…"));
        assertThat(incidents.show(i.id()).incident().milestones().at(Milestone.FIRST_COMMUNICATION))
                .contains(DECLARED.plus(Duration.ofMinutes(3)));
    }

    @Test
    void theTemplateChosenIsTheOneRecorded() {
        Incident i = declare("SEV1");
        model.open(i.id());
        model.choose(UpdateTemplate.CUSTOMER_EMAIL);
        model.markSent();
        assertThat(updatesOn(i.id())).singleElement().satisfies(e -> {
            assertThat(e.text()).startsWith("Update sent (customer email): Subject: Incident notice: Checkout 5xx spike");
            assertThat(e.datum("template")).contains("customer-email");
        });
    }

    @Test
    void markingSentTwiceRecordsOnce() {
        Incident i = declare("SEV1");
        model.open(i.id());
        model.markSent();
        model.markSent();
        assertThat(updatesOn(i.id())).hasSize(1);
    }

    @Test
    void anEmptyUpdateIsRefusedInlineAndNothingIsRecorded() {
        Incident i = declare("SEV1");
        model.open(i.id());
        model.textProperty().set("  ");
        model.markSent();
        assertThat(model.status().failureProperty().get()).startsWith("The update is empty");
        assertThat(model.sentProperty().get()).isEmpty();
        assertThat(updatesOn(i.id())).isEmpty();
    }

    @Test
    void beforeTheFirstUpdateTheNoteSaysHowOverdueItIs() {
        Incident i = declare("SEV1");
        clock.advance(Duration.ofMinutes(12));
        model.open(i.id());
        assertThat(model.dueProperty().get()).isEqualTo("No update sent yet; the first was due by 14:37 UTC, 7m overdue. "
                + "Sending this one now sets the next for 14:59 UTC (SEV1: every 15 min).");
    }

    @Test
    void afterAnUpdateTheNoteSaysWhenItWentAndWhenTheNextIsDue() {
        Incident i = declare("SEV2");
        updates.sent(i.id(), "internal", "first");
        clock.advance(Duration.ofMinutes(10));
        model.open(i.id());
        assertThat(model.dueProperty().get()).isEqualTo("Last update 14:32 UTC (10m ago); the next is due by 15:02 UTC "
                + "(in 20m). Sending this one now sets the next for 15:12 UTC (SEV2: every 30 min).");
    }

    @Test
    void atALevelWithoutScheduleTheNoteSaysSo() {
        model.open(declare("SEV4").id());
        assertThat(model.dueProperty().get())
                .isEqualTo("No update sent yet. SEV4 has no update schedule; send one when there is news.");
    }

    @Test
    void anUnknownIncidentShowsTheErrorAndCannotBeSent() {
        model.open(new IncidentId("INC-20261122-1432-ZZZZ"));
        assertThat(model.status().failureProperty().get()).contains("No incident INC-20261122-1432-ZZZZ");
        assertThat(model.readyProperty().get()).isFalse();
        model.markSent();
        assertThat(model.sentProperty().get()).isEmpty();
    }

    @Test
    void aCustomerEmailSavedBeforeTheCheckNeverQuotesTheReasonAndTheSheetSaysWhy() {
        store.write(tx -> {
            tx.settings().put("template.customer-email", "We are: {{doing}}", "maria", DECLARED);
            return null;
        });
        Incident i = declare("SEV1");
        incidents.setStatus(i.id(), dev.sitrep.core.IncidentStatus.MITIGATING, "DB primary failed over; blame vendor X", null);
        model.open(i.id());
        model.choose(UpdateTemplate.CUSTOMER_EMAIL);
        assertThat(model.textProperty().get()).isEqualTo("We are: Applying a fix.");
        assertThat(model.adviceProperty().get()).isEqualTo("This customer email uses {{doing}}, which is internal only; "
                + "it reads as {{progress}} here. Change the template in Settings.");
        model.choose(UpdateTemplate.INTERNAL);
        assertThat(model.textProperty().get()).contains("Applying a fix (DB primary failed over; blame vendor X).");
    }
}
