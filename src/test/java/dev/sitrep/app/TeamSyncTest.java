package dev.sitrep.app;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EventType;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.testing.TeamServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Three consoles (three data directories) and one platform (the sandbox, a hub on PostgreSQL, a hub on H2) speaking the team contract over real
 * HTTP on loopback: one console is offline for a while, and all of them end with the same
 * incidents, timelines, action items and postmortems; two consoles changing the same field see
 * both versions on the timeline.
 */
abstract class TeamSyncTest {

    private static final String NOWHERE = "http://127.0.0.1:9";

    @TempDir
    Path dir;
    private TeamServer sandbox;
    private TeamConsole ana;
    private TeamConsole bo;
    private TeamConsole cy;

    @BeforeEach
    void open() throws Exception {
        sandbox = server(dir.resolve("platform"));
        String url = sandbox.url();
        ana = new TeamConsole(dir.resolve("ana"), "ana", url, sandbox.tokenFor("ana"));
        bo = new TeamConsole(dir.resolve("bo"), "bo", url, sandbox.tokenFor("bo"));
        cy = new TeamConsole(dir.resolve("cy"), "cy", NOWHERE, sandbox.tokenFor("cy"));
    }

    /** The platform the consoles share, started for one test ({@code dir} is free for its files). */
    abstract TeamServer server(Path dir);

    @AfterEach
    void close() {
        for (TeamConsole c : List.of(ana, bo, cy)) {
            c.close();
        }
        sandbox.close();
    }

    @Test
    void aHaltByOneConsoleIsNamedOnEveryConsoleWithItsAuditEntry() {
        Incident incident = ana.workspace.incidents().declare(Declaration.titled("Agents looping"));
        var halt = ana.workspace.killSwitch().halt(TeamConsole.TEAM, "agents looping", incident.id());
        assertThat(halt.done()).as(String.valueOf(halt.failure())).isTrue();
        ana.sync();
        bo.sync();
        cy.reach(sandbox.url());
        cy.sync();

        PlatformStatus haltedTeam = new PlatformStatus(TeamConsole.TEAM, null, null, null, Map.of(), null, true, null, null,
                null, null, null, null, null, null, 0, null, null, null);
        for (TeamConsole c : List.of(bo, cy)) {
            assertThat(c.workspace.killSwitch().haltedVia(List.of(haltedTeam))).as(c + " names who halted it")
                    .containsEntry(TeamConsole.TEAM, "ana");
            assertThat(c.workspace.killSwitch().teamHalts(Set.of())).as(c + ", as if not connected to the platform")
                    .singleElement().satisfies(e -> {
                        assertThat(e.actor()).isEqualTo("ana");
                        assertThat(e.platform()).isEqualTo(TeamConsole.TEAM);
                        assertThat(e.reason()).isEqualTo("agents looping");
                    });
            assertThat(c.workspace.audit().shared()).as(c + " holds ana's audit entry, its hash as ana's console made it")
                    .anyMatch(e -> e.action().equals(AuditEntry.ACTIVATED) && e.hash().equals(
                            ana.workspace.audit().latest(TeamConsole.TEAM, AuditEntry.ACTIVATED).orElseThrow().hash()));
        }
        assertThat(ana.workspace.audit().shared()).as("ana's own entry is not doubled as a team one").isEmpty();
        assertThat(sandbox.team().entry("audit", ana.workspace.audit().latest(TeamConsole.TEAM, AuditEntry.ACTIVATED)
                .orElseThrow().id())).as("the platform keeps the entry").isPresent();
    }

    @Test
    void evidenceReachesEveryConsoleWithItsBytesAndCustodyAndItsRemovalToo() throws Exception {
        Incident incident = ana.workspace.incidents().declare(Declaration.titled("Checkout 5xx"));
        EvidenceItem log = ana.workspace.evidence().addText(incident.id(), EvidenceItem.Kind.TEXT, "pool.log",
                "pool at 100%\n".repeat(5_000), "db-1", "connection pool saturated", List.of("db"));
        ana.sync();
        bo.sync();

        EvidenceItem there = bo.workspace.evidence().find(log.id());
        assertThat(there.sha256()).isEqualTo(log.sha256());
        assertThat(there.capturedBy()).isEqualTo("ana");
        assertThat(there.description()).isEqualTo("connection pool saturated");
        Path bytes = bo.workspace.evidence().blob(there);
        assertThat(bytes).as("the bytes came down, checked").exists();
        assertThat(java.nio.file.Files.readString(bytes)).isEqualTo("pool at 100%\n".repeat(5_000));
        assertThat(bo.workspace.evidence().custody(there)).as("its custody from ana's console")
                .anyMatch(a -> a.action().equals("CAPTURED") && a.actor().equals("ana"));

        ana.workspace.evidence().remove(log.id(), "wrong host");
        ana.sync();
        bo.sync();

        EvidenceItem removed = bo.workspace.evidence().find(log.id());
        assertThat(removed.removedBy()).isEqualTo("ana");
        assertThat(removed.removedReason()).isEqualTo("wrong host");
    }

    @Test
    void threeConsolesOneOfThemOfflineForAWhileConverge() {
        Incident checkout = ana.workspace.incidents().declare(new Declaration("Checkout 5xx", "SEV2", "checkout",
                List.of(), null, false, null));
        ana.workspace.incidents().note(checkout.id(), "pool at 100%", null);
        Incident search = bo.workspace.incidents().declare(Declaration.titled("Search slow"));
        ana.sync();
        bo.sync();

        Incident cdn = cy.workspace.incidents().declare(Declaration.titled("CDN purge stuck"));
        cy.workspace.incidents().note(cdn.id(), "purge queue at 40k", null);
        assertThatThrownBy(cy::sync).isInstanceOf(PlatformException.class);
        assertThat(cy.workspace.teamSync().waiting(List.of(cy.workspace.profiles().get(TeamConsole.TEAM)))
                .get(TeamConsole.TEAM).pending()).as("kept in the outbox while offline").isEqualTo(3);

        bo.workspace.incidents().note(checkout.id(), "bo: rolling back deploy 4412", null); // bo has it from the pull
        bo.workspace.incidents().setStatus(checkout.id(), IncidentStatus.RESOLVED, "rolled back", null);
        bo.workspace.actionItems().add(checkout.id(), "Alert on pool saturation", "lee", LocalDate.of(2026, 11, 27));
        bo.sync();
        ana.sync(); // ana gets bo's changes before writing the postmortem
        Postmortem draft = ana.workspace.postmortems().open(checkout.id()).postmortem().withSection("lessons", "Watch the pool.");
        ana.workspace.postmortems().publish(draft, 0);

        cy.reach(sandbox.url()); // back online
        for (int round = 0; round < 2; round++) {
            for (TeamConsole c : List.of(ana, bo, cy)) {
                c.sync();
            }
        }
        Map<String, String> expected = state(ana);
        assertThat(expected.keySet()).as("every incident everywhere").contains(checkout.id().value(), search.id().value(),
                cdn.id().value());
        assertThat(state(bo)).isEqualTo(expected);
        assertThat(state(cy)).isEqualTo(expected);
        assertThat(expected.get(checkout.id().value())).contains("resolved").contains("pool at 100%")
                .contains("bo: rolling back deploy 4412").contains("Alert on pool saturation")
                .contains("Watch the pool.");
        for (TeamConsole c : List.of(ana, bo, cy)) {
            assertThat(c.workspace.teamSync().waiting(List.of(c.workspace.profiles().get(TeamConsole.TEAM)))
                    .get(TeamConsole.TEAM).pending()).as(c + " has nothing waiting").isZero();
        }
    }

    @Test
    void twoConsolesChangingTheSameFieldKeepThePlatformsValueAndBothVersionsAreOnTheTimeline() {
        Incident incident = ana.workspace.incidents().declare(new Declaration("Checkout 5xx", "SEV2", "checkout",
                List.of(), null, false, null));
        ana.sync();
        bo.sync();
        ana.workspace.incidents().setSeverity(incident.id(), "SEV1", "card payments failing");
        bo.workspace.incidents().setSeverity(incident.id(), "SEV3", "only the banner");
        ana.sync();
        assertThat(bo.sync().conflicts()).isEqualTo(1);
        bo.sync();
        ana.sync();
        for (TeamConsole c : List.of(ana, bo)) {
            assertThat(c.workspace.incidents().show(incident.id()).incident().severity()).as(c + " shows the platform's value")
                    .isEqualTo("SEV1");
            List<String> notes = c.workspace.incidents().show(incident.id()).timeline().stream()
                    .filter(e -> e.type() == EventType.NOTE && e.text().startsWith("Conflict on severity"))
                    .map(TimelineEvent::text).toList();
            assertThat(notes).as(c + " sees both versions").singleElement().asString()
                    .contains("\"SEV3\"").contains("\"SEV1\"");
        }
    }

    @Test
    void twoConsolesPublishingThePostmortemKeepTheFirstAndTheOtherStaysInTheHistory() {
        Incident incident = ana.workspace.incidents().declare(Declaration.titled("Checkout 5xx"));
        ana.sync();
        bo.sync();
        Postmortem mine = ana.workspace.postmortems().open(incident.id()).postmortem().withSection("lessons", "ana's");
        Postmortem theirs = bo.workspace.postmortems().open(incident.id()).postmortem().withSection("lessons", "bo's");
        ana.workspace.postmortems().publish(mine, 0);
        bo.workspace.postmortems().publish(theirs, 0);
        ana.sync();
        assertThat(bo.sync().conflicts()).isEqualTo(1);
        ana.sync();
        for (TeamConsole c : List.of(ana, bo)) {
            assertThat(c.workspace.postmortems().open(incident.id()).postmortem().section("lessons").orElseThrow()
                    .markdown()).as(c + " shows the version the platform kept").isEqualTo("ana's");
            assertThat(c.workspace.incidents().show(incident.id()).timeline()).as(c + " sees the conflict")
                    .anyMatch(e -> e.text().startsWith("Conflict: the postmortem was published elsewhere"));
        }
        assertThat(bo.workspace.postmortems().revisions(incident.id())).as("bo's own text stays in bo's history")
                .anyMatch(r -> bo.workspace.postmortems().revision(r.id()).section("lessons").orElseThrow().markdown()
                        .equals("bo's"));
    }

    @Test
    void threeHundredNotesOf19000CharactersEachReachTheOtherConsole() {
        Incident incident = ana.workspace.incidents().declare(Declaration.titled("Checkout 5xx"));
        for (int i = 0; i < 300; i++) {
            ana.workspace.incidents().note(incident.id(), "%03d ".formatted(i) + "x".repeat(18_996), null);
        }
        ana.sync();
        bo.sync();

        List<String> sent = notes(ana, incident.id());
        assertThat(sent).hasSize(300).allMatch(text -> text.length() == 19_000);
        assertThat(notes(bo, incident.id())).as("6 MB of notes, more than one page holds").isEqualTo(sent);
    }

    private static List<String> notes(TeamConsole c, IncidentId id) {
        return c.workspace.incidents().show(id).timeline().stream().filter(e -> e.type() == EventType.NOTE)
                .map(TimelineEvent::text).sorted().toList();
    }

    /** What a console holds, per incident: its fields, its timeline, its action items, its postmortem. */
    private static Map<String, String> state(TeamConsole c) {
        Map<String, String> out = new TreeMap<>();
        for (Incident i : c.workspace.incidents().list(false)) {
            IncidentId id = i.id();
            Set<String> events = c.workspace.incidents().show(id).timeline().stream()
                    .map(e -> e.id() + " " + e.type().key() + " " + e.text()).collect(Collectors.toCollection(TreeSet::new));
            String actions = c.workspace.actionItems().forIncident(id).stream()
                    .map(a -> a.id() + " " + a.action() + " " + a.owner() + " " + a.status().key()).sorted()
                    .collect(Collectors.joining("; "));
            var pm = c.workspace.postmortems().withPostmortem().contains(id)
                    ? c.workspace.postmortems().open(id).postmortem().section("lessons").orElseThrow().markdown() : "";
            out.put(id.value(), i.title() + " | " + i.severity() + " | " + i.status().key() + " | " + i.commander()
                    + " | " + events + " | " + actions + " | " + pm);
        }
        return out;
    }
}
