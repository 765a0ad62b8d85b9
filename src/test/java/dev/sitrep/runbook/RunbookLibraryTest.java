package dev.sitrep.runbook;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in runbooks plus the team's files, each file on its own. */
class RunbookLibraryTest {

    @TempDir
    Path dataDir;
    private Path team;

    @BeforeEach
    void teamFolder() throws IOException {
        team = Files.createDirectories(RunbookLibrary.teamDirectory(dataDir));
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(team.resolve(name), json);
    }

    /** A team runbook whose one outcome opens {@code open} and names {@code contacts}. */
    private static String teamRunbook(String id, String open, String contacts) {
        return """
                {
                  "version": 1,
                  "id": "%s",
                  "title": "Team runbook %s",
                  "nodes": [{"id": "q", "question": "Down?", "answers": [
                    {"text": "Yes", "outcome": "down"}, {"text": "No", "section": "local"}]}],
                  "outcomes": [{"id": "down", "title": "Down", "severity": "SEV1",
                    "open": ["%s"],
                    "contacts": "%s"}],
                  "sections": [{"id": "local", "title": "Local", "steps": ["look"]}]
                }
                """.formatted(id, id, open, contacts);
    }

    private static LoadedRunbook entry(RunbookLibrary library, String file) {
        return library.entries().stream().filter(e -> e.file().endsWith(file)).findFirst().orElseThrow();
    }

    @Test
    void withoutTeamFilesTheBuiltInsAreAllInUse() {
        RunbookLibrary library = RunbookLibrary.load(dataDir.resolve("no-such-dir"));
        assertThat(library.entries()).extracting(LoadedRunbook::file).containsExactly("runbooks/ai-triage.json",
                "runbooks/lifecycle.json", "runbooks/infra.json", "runbooks/rollback.json", "runbooks/severity.json",
                "runbooks/contacts.json");
        assertThat(library.runbooks()).extracting(Runbook::id)
                .containsExactly("ai-triage", "lifecycle", "infra", "rollback", "severity", "contacts");
        assertThat(library.triageTrees()).extracting(Runbook::id).containsExactly("ai-triage", "infra");
    }

    @Test
    void aTeamFileIsLoadedAndMayOpenSectionsOfBuiltIns() throws IOException {
        write("payments.json", teamRunbook("payments", "lifecycle#verify", "contacts#escalation"));
        RunbookLibrary library = RunbookLibrary.load(dataDir);
        LoadedRunbook payments = entry(library, "payments.json");
        assertThat(payments.problems()).isEmpty();
        assertThat(payments.origin()).isEqualTo(LoadedRunbook.Origin.TEAM);
        assertThat(payments.inUse()).isTrue();
        Runbook rb = library.runbook("payments").orElseThrow();
        assertThat(library.section(rb, "lifecycle#verify").orElseThrow().section().checklist()).isTrue();
        assertThat(library.section(rb, "local").orElseThrow().runbook()).isSameAs(rb);
        assertThat(library.table(rb, "contacts#escalation").orElseThrow().kind()).isEqualTo(TableKind.CONTACTS);
    }

    @Test
    void aBrokenTeamFileHidesNoOtherFile() throws IOException {
        write("a-broken.json", "{\"version\": 1, \"id\": \"broken\",");
        write("b-good.json", teamRunbook("good", "local", "contacts#escalation"));
        RunbookLibrary library = RunbookLibrary.load(dataDir);
        LoadedRunbook broken = entry(library, "a-broken.json");
        assertThat(broken.valid()).isFalse();
        assertThat(broken.problems()).singleElement().extracting(Problem::toString).asString()
                .startsWith(team.resolve("a-broken.json") + ":1: not valid JSON");
        assertThat(library.runbook("good")).isPresent();
        assertThat(library.runbooks()).hasSize(7);
    }

    @Test
    void aReferenceToAnotherRunbooksMissingSectionIsLocatedInTheReferringFile() throws IOException {
        write("payments.json", teamRunbook("payments", "lifecycle#verfy", "contacts#escalation"));
        LoadedRunbook payments = entry(RunbookLibrary.load(dataDir), "payments.json");
        assertThat(payments.inUse()).isFalse();
        assertThat(payments.problems()).extracting(Problem::toString).containsExactly(team.resolve("payments.json")
                + ":8: outcome \"down\" opens section \"lifecycle#verfy\", but runbook \"lifecycle\" has no section \"verfy\" "
                + "(did you mean \"verify\"?); its sections are detect, declare, updates, investigate, verify, postmortem");
    }

    @Test
    void aReferenceToAnUnknownRunbookListsTheKnownOnes() throws IOException {
        write("payments.json", teamRunbook("payments", "lifecycel#verify", "contacts#escalation"));
        assertThat(entry(RunbookLibrary.load(dataDir), "payments.json").problems()).extracting(Problem::message)
                .containsExactly("outcome \"down\" refers to \"lifecycel#verify\", but there is no runbook \"lifecycel\" "
                        + "(did you mean \"lifecycle\"?); the runbooks are ai-triage, contacts, infra, lifecycle, rollback, "
                        + "severity");
    }

    @Test
    void aReferenceIntoABrokenRunbookSaysToFixThatFileFirst() throws IOException {
        write("billing.json", "{\"version\": 1, \"id\": \"billing\", \"title\": \"Billing\", \"sections\": "
                + "[{\"id\": \"refunds\", \"title\": \"Refunds\", \"steps\": [\"x\"], \"colour\": 1}]}");
        write("payments.json", teamRunbook("payments", "billing#refunds", "contacts#escalation"));
        assertThat(entry(RunbookLibrary.load(dataDir), "payments.json").problems()).extracting(Problem::message)
                .containsExactly("outcome \"down\" refers to \"billing#refunds\", but runbook \"billing\" has problems and "
                        + "is not loaded; fix its file first");
    }

    @Test
    void contactsMustNameAContactsTableOfTheOtherRunbook() throws IOException {
        write("payments.json", teamRunbook("payments", "local", "rollback#mitigations"));
        assertThat(entry(RunbookLibrary.load(dataDir), "payments.json").problems()).extracting(Problem::message)
                .containsExactly("outcome \"down\" names \"rollback#mitigations\" as its contacts, but that is a "
                        + "mitigations table; point \"contacts\" at a table of kind contacts");
    }

    @Test
    void twoTeamFilesWithOneIdKeepTheFirstByName() throws IOException {
        write("a.json", teamRunbook("payments", "local", "contacts#escalation"));
        write("b.json", teamRunbook("payments", "local", "contacts#escalation"));
        RunbookLibrary library = RunbookLibrary.load(dataDir);
        assertThat(library.runbook("payments").orElseThrow().file()).endsWith("a.json");
        assertThat(entry(library, "b.json").problems()).extracting(Problem::toString).containsExactly(
                team.resolve("b.json") + ":1: the id \"payments\" is already used by " + team.resolve("a.json")
                        + "; give this runbook another id");
    }

    @Test
    void aValidTeamFileWithABuiltInsIdReplacesIt() throws IOException {
        String ownContacts = new String(BuiltInRunbooks.bytes("contacts.json"))
                .replace("{\"role\": \"On-call engineer\", \"channel\": \"pager\", \"within\": \"5 min\", \"name\": \"\", "
                        + "\"contact\": \"\"}", "{\"role\": \"On-call engineer\", \"channel\": \"pager\", \"within\": "
                        + "\"5 min\", \"name\": \"Maria\", \"contact\": \"+49 170 000000\"}");
        write("contacts.json", ownContacts);
        RunbookLibrary library = RunbookLibrary.load(dataDir);
        assertThat(entry(library, "runbooks/contacts.json").replacedBy()).isEqualTo(team.resolve("contacts.json").toString());
        assertThat(entry(library, "runbooks/contacts.json").inUse()).isFalse();
        assertThat(library.runbook("contacts").orElseThrow().table("escalation").orElseThrow().rows().get(0).get("name"))
                .isEqualTo("Maria");
        assertThat(library.runbook("ai-triage")).as("the built-in tree still resolves its contacts").isPresent();
    }

    @Test
    void anInvalidTeamReplacementLeavesTheBuiltInInUse() throws IOException {
        write("contacts.json", "{\"version\": 1, \"id\": \"contacts\", \"title\": \"Ours\", \"tables\": [{\"id\": "
                + "\"escalation\", \"title\": \"E\", \"kind\": \"contacts\", \"rows\": [{\"role\": \"On-call\"}]}]}");
        RunbookLibrary library = RunbookLibrary.load(dataDir);
        assertThat(entry(library, team.resolve("contacts.json").toString()).valid()).isFalse();
        assertThat(library.runbook("contacts").orElseThrow().file()).isEqualTo("runbooks/contacts.json");
        assertThat(entry(library, "runbooks/contacts.json").replacedBy()).isNull();
    }

    @Test
    void aReplacementLackingWhatOthersReferToGivesWayToTheBuiltIn() throws IOException {
        write("contacts.json", "{\"version\": 1, \"id\": \"contacts\", \"title\": \"Ours\", \"tables\": [{\"id\": "
                + "\"oncall\", \"title\": \"E\", \"kind\": \"contacts\", \"rows\": []}]}");
        RunbookLibrary library = RunbookLibrary.load(dataDir);
        assertThat(library.runbook("contacts").orElseThrow().file()).isEqualTo("runbooks/contacts.json");
        assertThat(library.runbook("ai-triage")).isPresent();
        assertThat(entry(library, team.resolve("contacts.json").toString()).problems()).extracting(Problem::message)
                .singleElement().asString().startsWith("replaces the built-in runbook \"contacts\" but runbooks/ai-triage.json:")
                .endsWith("refers to \"contacts#escalation\", which it lacks; keep every section and table id of the "
                        + "built-in (the built-in stays in use until then)");
    }

    @Test
    void checkingAFileLeavesOutTheLibrarysCopyOfIt() throws IOException {
        Path file = write("payments.json", teamRunbook("payments", "local", "contacts#escalation"));
        LoadedRunbook checked = RunbookLibrary.load(dataDir).check(file, "payments.json");
        assertThat(checked.problems()).as("not a duplicate of itself").isEmpty();
        assertThat(checked.file()).isEqualTo("payments.json");
    }

    @Test
    void checkingAFileOutsideTheFolderFindsAnIdClashWithATeamFile() throws IOException {
        write("payments.json", teamRunbook("payments", "local", "contacts#escalation"));
        Path draft = Files.writeString(dataDir.resolve("draft.json"), teamRunbook("payments", "local", "contacts#escalation"));
        assertThat(RunbookLibrary.load(dataDir).check(draft, "draft.json").problems()).extracting(Problem::toString)
                .containsExactly("draft.json:1: the id \"payments\" is already used by " + team.resolve("payments.json")
                        + "; give this runbook another id");
    }

    @Test
    void filesThatAreNotJsonAreIgnored() throws IOException {
        write("notes.txt", "not a runbook");
        write(".hidden.json", "{");
        Files.createDirectories(team.resolve("sub.json"));
        assertThat(RunbookLibrary.load(dataDir).entries()).hasSize(BuiltInRunbooks.FILES.size());
    }
}
