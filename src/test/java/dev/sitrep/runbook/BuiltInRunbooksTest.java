package dev.sitrep.runbook;

import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The runbooks Sitrep ships: all valid, consistent with the core scales, shaped as the brief's tree. */
class BuiltInRunbooksTest {

    private final RunbookLibrary library = RunbookLibrary.builtIns();

    @Test
    void everyBuiltInRunbookIsValidAndInUse() {
        for (LoadedRunbook e : library.entries()) {
            assertThat(e.problems()).as(e.file()).isEmpty();
            assertThat(e.inUse()).as(e.file()).isTrue();
        }
    }

    @Test
    void theListOfBuiltInsMatchesTheResourceFolder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/runbooks"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(BuiltInRunbooks.FILES.stream().sorted().toList());
        }
    }

    @Test
    void severityTablesAgreeWithTheCoreScales() {
        Runbook severity = library.runbook("severity").orElseThrow();
        for (SeverityScale scale : SeverityScales.ALL) {
            ReferenceTable table = severity.table(scale.id()).orElseThrow();
            assertThat(table.scale()).isEqualTo(scale.id());
            assertThat(table.rows()).extracting(r -> r.get("level"))
                    .containsExactlyElementsOf(scale.levels().stream().map(SeverityLevel::code).toList());
            for (ReferenceTable.Row row : table.rows()) {
                SeverityLevel level = scale.level(row.get("level"));
                assertThat(row.get("criteria")).as(scale.id() + " " + level.code()).isEqualTo(level.criteria());
                assertThat(row.get("respond")).as(scale.id() + " " + level.code()).isEqualTo(level.respondText());
                assertThat(row.get("commander")).as(scale.id() + " " + level.code()).isEqualTo(level.commander());
            }
        }
    }

    @Test
    void theAiTriageTreeHaltsWheneverThePlatformDoesHarmOrSecurityIsInvolved() {
        Runbook tree = library.runbook(BuiltInRunbooks.AI_TRIAGE).orElseThrow();
        for (String harmOrSecurity : List.of("security-active", "security-contained", "agents-external", "agents-internal")) {
            Outcome o = tree.outcome(harmOrSecurity).orElseThrow();
            assertThat(o.proposesKillSwitch()).as(harmOrSecurity).isTrue();
            assertThat(o.open().get(0).text()).as(harmOrSecurity + " opens the kill switch first")
                    .isEqualTo("rollback#kill-switch");
        }
        for (String degradation : List.of("outage-total", "outage-major", "degraded", "minor", "cosmetic")) {
            assertThat(tree.outcome(degradation).orElseThrow().proposesKillSwitch()).as(degradation).isFalse();
            assertThat(tree.outcome(degradation).orElseThrow().open()).extracting(Located::text)
                    .contains("service-degradation");
        }
        assertThat(tree.allSections().map(Section::id)).contains("service-degradation", "agent-misbehaviour", "security");
    }

    @Test
    void theInfraFailuresAllHaveTheFiveParts() {
        Runbook infra = library.runbook("infra").orElseThrow();
        List<Section> failures = infra.sections().stream().filter(s -> !s.id().equals("blanket-triage")).toList();
        assertThat(failures).hasSize(7);
        for (Section failure : failures) {
            assertThat(failure.sections()).extracting(Section::title).as(failure.id())
                    .containsExactly("Symptoms", "Confirm", "Recover", "Verify", "Prevent");
        }
    }

    @Test
    void theEscalationContactsAreATableForTeamsToFillIn() {
        ReferenceTable contacts = library.runbook("contacts").orElseThrow().table("escalation").orElseThrow();
        assertThat(contacts.kind()).isEqualTo(TableKind.CONTACTS);
        assertThat(contacts.rows()).extracting(r -> r.get("role")).contains("On-call engineer", "Engineering lead",
                "Platform team", "Vendor support");
        assertThat(contacts.rows()).allSatisfy(r -> assertThat(r.get("name")).isEmpty());
    }
}
