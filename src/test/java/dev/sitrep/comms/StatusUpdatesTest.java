package dev.sitrep.comms;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusUpdatesTest {

    private static final Instant DECLARED = Instant.parse("2026-11-22T14:32:00Z");

    @TempDir
    Path dir;
    private Store store;
    private TestClock clock;
    private IncidentService incidents;
    private StatusUpdates updates;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        clock = new TestClock(DECLARED);
        Services services = TestServices.on(store, "maria").clock(clock).random(new Random(7)).build();
        incidents = services.incidents();
        updates = services.statusUpdates();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Incident declare(String severity) {
        return incidents.declare(new Declaration("Checkout 5xx spike", severity, null, List.of(), null, false, null));
    }

    private List<TimelineEvent> entries(IncidentId id, EventType type) {
        return incidents.show(id).timeline().stream().filter(e -> e.type() == type).toList();
    }

    @Test
    void sentPutsAnUpdateEntryNamingTheTemplateWithItsFirstLine() {
        Incident i = declare("SEV1");
        clock.advance(Duration.ofMinutes(4));
        String text = "SEV1 Checkout 5xx spike\nStatus: investigating";
        StatusUpdates.Sent sent = updates.sent(i.id(), "internal", text);

        TimelineEvent entry = entries(i.id(), EventType.STATUS_UPDATE).get(0);
        assertThat(entry).isEqualTo(sent.entry());
        assertThat(entry.text()).isEqualTo("Update sent (internal update): SEV1 Checkout 5xx spike…");
        assertThat(entry.data()).isEqualTo(Map.of("template", "internal", "chars", Integer.toString(text.length())));
        assertThat(entry.actor()).isEqualTo("maria");
        assertThat(entry.occurredAt()).isEqualTo(DECLARED.plusSeconds(240));
    }

    @Test
    void theFirstUpdateRecordsFirstCommunicationAtTheSameMoment() {
        Incident i = declare("SEV1");
        clock.advance(Duration.ofMinutes(4));
        StatusUpdates.Sent sent = updates.sent(i.id(), "status-page", "Investigating - Checkout 5xx spike");

        assertThat(sent.firstCommunication()).isTrue();
        assertThat(incidents.show(i.id()).incident().milestones().at(Milestone.FIRST_COMMUNICATION))
                .contains(sent.entry().occurredAt());
        assertThat(entries(i.id(), EventType.MILESTONE)).singleElement()
                .satisfies(m -> assertThat(m.datum("milestone")).contains("first_communication"));
    }

    @Test
    void laterUpdatesLeaveFirstCommunicationAlone() {
        Incident i = declare("SEV1");
        StatusUpdates.Sent first = updates.sent(i.id(), "internal", "one");
        clock.advance(Duration.ofMinutes(15));
        StatusUpdates.Sent second = updates.sent(i.id(), "internal", "two");

        assertThat(second.firstCommunication()).isFalse();
        assertThat(incidents.show(i.id()).incident().milestones().at(Milestone.FIRST_COMMUNICATION)).contains(first.at());
        assertThat(entries(i.id(), EventType.MILESTONE)).hasSize(1);
        assertThat(entries(i.id(), EventType.STATUS_UPDATE)).hasSize(2);
    }

    @Test
    void aFirstCommunicationMarkedByHandIsKept() {
        Incident i = declare("SEV2");
        Instant byHand = DECLARED.plusSeconds(60);
        clock.advance(Duration.ofMinutes(10));
        incidents.markMilestone(i.id(), Milestone.FIRST_COMMUNICATION, byHand);
        StatusUpdates.Sent sent = updates.sent(i.id(), "internal", "update");

        assertThat(sent.firstCommunication()).isFalse();
        assertThat(incidents.show(i.id()).incident().milestones().at(Milestone.FIRST_COMMUNICATION)).contains(byHand);
    }

    @Test
    void theNextUpdateIsDueOneIntervalAfterSending() {
        Incident i = declare("SEV2");
        StatusUpdates.Sent sent = updates.sent(i.id(), "internal", "update");
        assertThat(sent.nextDue()).contains(DECLARED.plus(Duration.ofMinutes(30)));
    }

    @Test
    void lastSentIsTheLatestUpdateAndEmptyBeforeTheFirst() {
        Incident i = declare("SEV1");
        assertThat(updates.lastSent(i.id())).isEmpty();
        updates.sent(i.id(), "internal", "one");
        clock.advance(Duration.ofMinutes(12));
        incidents.note(i.id(), "a note is not an update", null);
        updates.sent(i.id(), "customer-email", "two");
        clock.advance(Duration.ofMinutes(3));
        incidents.note(i.id(), "later note", null);
        assertThat(updates.lastSent(i.id())).contains(DECLARED.plus(Duration.ofMinutes(12)));
    }

    @Test
    void anUpdateWhoseTimeWasCorrectedCountsAtTheCorrectedTime() {
        Incident i = declare("SEV1");
        clock.advance(Duration.ofMinutes(20));
        StatusUpdates.Sent late = updates.sent(i.id(), "internal", "sent from a phone earlier");
        incidents.amend(i.id(), late.entry().id(), null, DECLARED.plus(Duration.ofMinutes(5)));
        assertThat(updates.lastSent(i.id())).contains(DECLARED.plus(Duration.ofMinutes(5)));
        assertThat(updates.lastSentAll()).containsEntry(i.id(), DECLARED.plus(Duration.ofMinutes(5)));
    }

    @Test
    void lastSentAllCoversEveryUnfinishedIncidentWithAnUpdate() {
        Incident working = declare("SEV1");
        Incident resolved = declare("SEV2");
        Incident closed = declare("SEV3");
        Incident silent = declare("SEV2");
        updates.sent(working.id(), "internal", "a");
        clock.advance(Duration.ofMinutes(1));
        updates.sent(resolved.id(), "internal", "b");
        updates.sent(closed.id(), "internal", "c");
        incidents.setStatus(resolved.id(), IncidentStatus.RESOLVED, "fixed", null);
        incidents.setStatus(closed.id(), IncidentStatus.RESOLVED, "fixed", null);
        incidents.setStatus(closed.id(), IncidentStatus.CLOSED, "reviewed", null);

        assertThat(updates.lastSentAll()).isEqualTo(Map.of(
                working.id(), DECLARED,
                resolved.id(), DECLARED.plus(Duration.ofMinutes(1))));
        assertThat(updates.lastSentAll()).doesNotContainKey(silent.id());
    }

    @Test
    void anEmptyUpdateIsRefusedAndNothingIsRecorded() {
        Incident i = declare("SEV1");
        assertThatThrownBy(() -> updates.sent(i.id(), "internal", "  ")).isInstanceOf(SitrepException.class)
                .hasMessageContaining("update is empty");
        assertThat(entries(i.id(), EventType.STATUS_UPDATE)).isEmpty();
        assertThat(incidents.show(i.id()).incident().milestones().at(Milestone.FIRST_COMMUNICATION)).isEmpty();
    }

    @Test
    void anUnknownTemplateIsRefusedAndNothingIsRecorded() {
        Incident i = declare("SEV1");
        assertThatThrownBy(() -> updates.sent(i.id(), "sms", "text")).hasMessageContaining("Unknown template 'sms'");
        assertThat(entries(i.id(), EventType.STATUS_UPDATE)).isEmpty();
    }

    @Test
    void anUnknownIncidentIsRefused() {
        assertThatThrownBy(() -> updates.sent(new IncidentId("INC-20261122-1432-ZZZZ"), "internal", "text"))
                .isInstanceOf(SitrepException.class).hasMessageContaining("No incident INC-20261122-1432-ZZZZ");
    }

    @Test
    void theEntryQuotesALongFirstLineShortened() {
        String line = "x".repeat(200);
        assertThat(StatusUpdates.summary(line)).hasSize(StatusUpdates.SUMMARY_MAX).endsWith("…");
        assertThat(StatusUpdates.summary("\n  one line  \n")).isEqualTo("one line");
    }
}
