package dev.sitrep.runbook;

import dev.sitrep.core.Role;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.core.SitrepException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paths through the built-in AI triage tree, "not sure" and Back. */
class TriageSessionTest {

    private static final int YES = 1;
    private static final int NO = 2;

    private final RunbookLibrary library = RunbookLibrary.builtIns();

    private TriageSession aiTriage() {
        return TriageSession.start(BuiltInRunbooks.AI_TRIAGE, library);
    }

    private static String questionId(TriageSession s) {
        return s.question().orElseThrow().id();
    }

    @Test
    void itStartsAtTheHarmQuestionWithNumberedAnswers() {
        TriageSession s = aiTriage();
        assertThat(questionId(s)).isEqualTo("q-harm");
        assertThat(s.answers()).extracting(Answer::text).containsExactly("Yes, it is doing harm right now",
                "No, it is failing to do its job");
        assertThat(s.canGoBack()).isFalse();
        assertThat(s.finished()).isFalse();
        assertThat(s.breadcrumbs()).isEmpty();
    }

    @Test
    void harmWithAnActiveSecuritySideIsSev0WithTheKillSwitchAndTheSecuritySection() {
        TriageResult r = aiTriage().answer(YES).answer(YES).answer(YES).result().orElseThrow();
        assertThat(r.outcome().id()).isEqualTo("security-active");
        assertThat(r.severity().code()).isEqualTo("SEV0");
        assertThat(r.severity().criteria()).isEqualTo(SeverityScales.FIVE_LEVEL.level("SEV0").criteria());
        assertThat(r.proposeKillSwitch()).isTrue();
        assertThat(r.sections()).extracting(OpenedSection::reference)
                .containsExactly("rollback#kill-switch", "ai-triage#security", "lifecycle#declare");
        assertThat(r.roles()).containsExactly(Role.COMMANDER, Role.SCRIBE, Role.COMMS_LEAD);
        assertThat(r.contactsTable().orElseThrow().rows()).isNotEmpty();
        assertThat(r.unsure()).isFalse();
    }

    @Test
    void harmWithoutSecurityReachingCustomersIsSev1AndHaltsTheAgents() {
        TriageSession s = aiTriage().answer(YES).answer(NO);
        assertThat(questionId(s)).isEqualTo("q-reach");
        TriageResult r = s.answer(YES).result().orElseThrow();
        assertThat(r.outcome().id()).isEqualTo("agents-external");
        assertThat(r.severity().code()).isEqualTo("SEV1");
        assertThat(r.proposeKillSwitch()).isTrue();
        assertThat(r.sections()).extracting(OpenedSection::reference).contains("ai-triage#agent-misbehaviour");
    }

    @Test
    void aSecuritySideOfAnOutageStillProposesTheKillSwitch() {
        TriageSession s = aiTriage().answer(NO);
        assertThat(questionId(s)).isEqualTo("q-security-failing");
        TriageResult r = s.answer(YES).answer(NO).result().orElseThrow();
        assertThat(r.outcome().id()).isEqualTo("security-contained");
        assertThat(r.proposeKillSwitch()).as("the kill switch step is not skipped").isTrue();
        assertThat(r.sections()).extracting(OpenedSection::reference).contains("ai-triage#security");
    }

    @Test
    void aPlainDegradationGivesItsSeverityAndNoKillSwitch() {
        TriageSession s = aiTriage().answer(NO).answer(NO);
        assertThat(questionId(s)).isEqualTo("q-scope");
        TriageResult r = s.answer(3).result().orElseThrow();
        assertThat(r.severity().code()).isEqualTo("SEV2");
        assertThat(r.severity().respondText()).isEqualTo("15 min");
        assertThat(r.proposeKillSwitch()).isFalse();
        assertThat(r.sections()).extracting(OpenedSection::reference)
                .containsExactly("ai-triage#service-degradation", "rollback#decide");
        assertThat(r.sections().get(1).section().title()).isEqualTo("Choose a mitigation");
    }

    @Test
    void notSureAtTheFirstQuestionTakesTheHarmBranch() {
        TriageSession s = aiTriage();
        NotSureRule.Choice choice = s.notSureChoice().orElseThrow();
        assertThat(choice.number()).isEqualTo(YES);
        TriageSession next = s.notSure();
        assertThat(questionId(next)).isEqualTo("q-security-harm");
        assertThat(next.breadcrumbs()).singleElement().satisfies(step -> {
            assertThat(step.unsure()).isTrue();
            assertThat(step.line()).isEqualTo("Q: Is the platform actively doing something it must not do? \u2192 A: not "
                    + "sure (taken as \"Yes, it is doing harm right now\", the more severe branch)");
        });
    }

    @Test
    void notSureOnSecurityTakesTheSecurityPathAndStillHalts() {
        TriageResult r = aiTriage().answer(NO).notSure().notSure().result().orElseThrow();
        assertThat(r.outcome().id()).isEqualTo("security-active");
        assertThat(r.severity().code()).isEqualTo("SEV0");
        assertThat(r.proposeKillSwitch()).isTrue();
        assertThat(r.unsure()).isTrue();
    }

    @Test
    void notSureOnTheScopeTakesTheMostSevereScopeAndRaisesItNoFurther() {
        TriageResult r = aiTriage().answer(NO).answer(NO).notSure().result().orElseThrow();
        assertThat(r.outcome().id()).isEqualTo("outage-total");
        assertThat(r.severity().code()).as("the worse branch, not escalated again").isEqualTo("SEV0");
        assertThat(r.line()).endsWith("(reached through \"not sure\": the worse case is assumed; downgrade once the facts "
                + "are in)");
    }

    @Test
    void notSureBetweenTwoOutcomesTakesTheHigherSeverity() {
        TriageResult r = aiTriage().answer(YES).answer(NO).notSure().result().orElseThrow();
        assertThat(r.outcome().id()).isEqualTo("agents-external");
        assertThat(r.severity().code()).isEqualTo("SEV1");
    }

    @Test
    void backReturnsToThePreviousQuestionAndForgetsTheOutcome() {
        TriageSession atScope = aiTriage().answer(NO).answer(NO);
        TriageSession finished = atScope.answer(1);
        assertThat(finished.finished()).isTrue();
        TriageSession back = finished.back();
        assertThat(back.finished()).isFalse();
        assertThat(back.result()).isEmpty();
        assertThat(questionId(back)).isEqualTo("q-scope");
        assertThat(back.breadcrumbs()).hasSize(2);
        TriageSession twice = back.back().back();
        assertThat(questionId(twice)).isEqualTo("q-harm");
        assertThat(twice.canGoBack()).isFalse();
        assertThat(twice.answer(YES).answer(YES).answer(NO).result().orElseThrow().outcome().id())
                .isEqualTo("security-contained");
    }

    @Test
    void backAfterNotSureForgetsTheUncertainty() {
        TriageSession s = aiTriage().notSure().back().answer(NO).answer(NO).answer(4);
        assertThat(s.result().orElseThrow().unsure()).isFalse();
        assertThat(s.result().orElseThrow().severity().code()).isEqualTo("SEV3");
    }

    @Test
    void aSessionIsNotChangedByAnsweringIt() {
        TriageSession first = aiTriage();
        first.answer(YES);
        assertThat(questionId(first)).isEqualTo("q-harm");
        assertThat(first.breadcrumbs()).isEmpty();
    }

    @Test
    void backAtTheFirstQuestionIsRefused() {
        assertThatThrownBy(() -> aiTriage().back()).isInstanceOf(SitrepException.class)
                .hasMessage("This is the first question; there is nothing to go back to.");
    }

    @Test
    void anAnswerNumberOutOfRangeIsRefusedWithTheRange() {
        assertThatThrownBy(() -> aiTriage().answer(3)).isInstanceOf(SitrepException.class)
                .hasMessage("There is no answer 3 to \"Is the platform actively doing something it must not do?\"; choose "
                        + "1 to 2, or \"not sure\".");
        assertThatThrownBy(() -> aiTriage().answer(0)).isInstanceOf(SitrepException.class);
    }

    @Test
    void aFinishedTriageTakesNoMoreAnswers() {
        TriageSession done = aiTriage().answer(NO).answer(NO).answer(5);
        assertThat(done.question()).isEmpty();
        assertThat(done.answers()).isEmpty();
        assertThatThrownBy(() -> done.answer(1)).hasMessage("The triage is finished; go back to change an answer.");
        assertThatThrownBy(done::notSure).hasMessage("The triage is finished; go back to change an answer.");
    }

    @Test
    void theTimelineHasOneLinePerAnswerThenTheOutcome() {
        TriageSession done = aiTriage().answer(YES).answer(NO).answer(NO);
        assertThat(done.timeline()).containsExactly(
                "Q: Is the platform actively doing something it must not do? \u2192 A: Yes, it is doing harm right now",
                "Q: Does it have a security side? \u2192 A: No, the agents are misbehaving on their own",
                "Q: Do the unwanted actions reach beyond the platform? \u2192 A: No, it stays inside the platform",
                "Triage outcome: SEV2 - Agents misbehaving inside the platform; propose the kill switch; open "
                        + "rollback#kill-switch, ai-triage#agent-misbehaviour; roles: commander, scribe");
    }

    @Test
    void theSeverityIsCarriedToTheWorkspaceScaleNeverMilder() {
        TriageResult r = aiTriage().answer(NO).answer(NO).answer(1).result().orElseThrow();
        assertThat(r.severityOn(SeverityScales.FOUR_LEVEL).orElseThrow().code()).isEqualTo("SEV1");
        assertThat(r.severityOn(SeverityScales.PRIORITY).orElseThrow().code()).isEqualTo("P0");
        assertThat(r.severityOn(SeverityScales.FIVE_LEVEL).orElseThrow().code()).isEqualTo("SEV0");
    }

    @Test
    void anAnswerThatOpensASectionEndsWithoutASeverity() {
        TriageSession infra = TriageSession.start("infra", library);
        TriageResult r = infra.answer(3).result().orElseThrow();
        assertThat(r.outcome()).isNull();
        assertThat(r.recommendedSeverity()).isEmpty();
        assertThat(r.severityOn(SeverityScales.FIVE_LEVEL)).isEmpty();
        assertThat(r.sections()).extracting(OpenedSection::reference).containsExactly("infra#vault-sealed");
        assertThat(r.line()).isEqualTo("Triage outcome: Vault is sealed; open infra#vault-sealed");
    }

    @Test
    void notSureFollowsAQuestionsOwnNotSure() {
        TriageSession infra = TriageSession.start("infra", library).notSure();
        assertThat(infra.result().orElseThrow().sections()).extracting(OpenedSection::reference)
                .containsExactly("infra#blanket-triage");
        assertThat(infra.breadcrumbs().get(0).line()).isEqualTo("Q: What do you notice first? \u2192 A: not sure (goes to "
                + "the section \"blanket-triage\")");
    }

    @Test
    void aRunbookWithoutQuestionsCannotBeTriaged() {
        assertThatThrownBy(() -> TriageSession.start("lifecycle", library)).isInstanceOf(SitrepException.class)
                .hasMessageContaining("has no triage questions");
        assertThatThrownBy(() -> TriageSession.start("nope", library)).isInstanceOf(SitrepException.class)
                .hasMessageContaining("There is no runbook \"nope\" in use");
    }
}
