package dev.sitrep.comms;

import dev.sitrep.core.SitrepException;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatesTest {

    @TempDir
    Path dir;
    private Store store;
    private Templates templates;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        templates = TestServices.on(store, "maria").clock(new TestClock(Instant.parse("2026-11-22T14:32:00Z"))).build()
                .templates();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Optional<String> row(String name) {
        return store.read(tx -> tx.settings().get(name));
    }

    @Test
    void aNewWorkspaceUsesTheBuiltInsInOrder() {
        assertThat(templates.all()).containsExactlyElementsOf(BuiltInTemplates.ALL);
        assertThat(templates.isEdited(UpdateTemplate.INTERNAL)).isFalse();
    }

    @Test
    void anEditIsKeptAsAWorkspaceSettingAndSurvivesReopening() {
        templates.save(UpdateTemplate.STATUS_PAGE, "  {{public_status}}: {{title}}\n\nNext: {{next_update_utc}}\n\n");
        assertThat(row("template.status-page")).contains("{{public_status}}: {{title}}\n\nNext: {{next_update_utc}}");
        store.close();
        store = Store.open(dir);
        Templates reopened = TestServices.on(store, "sam").build().templates();
        assertThat(reopened.get("status-page").body()).isEqualTo("{{public_status}}: {{title}}\n\nNext: {{next_update_utc}}");
        assertThat(reopened.get("status-page").name()).isEqualTo("status page");
        assertThat(reopened.isEdited("status-page")).isTrue();
        assertThat(reopened.get("internal")).isEqualTo(BuiltInTemplates.INTERNAL);
    }

    @Test
    void resetBringsBackTheBuiltInText() {
        templates.save(UpdateTemplate.INTERNAL, "{{title}}");
        assertThat(templates.reset(UpdateTemplate.INTERNAL)).isEqualTo(BuiltInTemplates.INTERNAL);
        assertThat(templates.get(UpdateTemplate.INTERNAL)).isEqualTo(BuiltInTemplates.INTERNAL);
        assertThat(row("template.internal")).isEmpty();
    }

    @Test
    void resettingAnUneditedTemplateChangesNothing() {
        assertThat(templates.reset(UpdateTemplate.CUSTOMER_EMAIL)).isEqualTo(BuiltInTemplates.CUSTOMER_EMAIL);
        assertThat(templates.isEdited(UpdateTemplate.CUSTOMER_EMAIL)).isFalse();
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingItTheClosestAndTheKnownOnes() {
        assertThatThrownBy(() -> templates.save(UpdateTemplate.INTERNAL, "{{title}}\n{{sevrity}} now"))
                .isInstanceOf(SitrepException.class)
                .hasMessageContaining("Line 2: {{sevrity}} is not a placeholder (did you mean {{severity}}?).")
                .hasMessageContaining("Known placeholders: {{id}}, {{title}}, {{severity}}")
                .hasMessageContaining("{{war_room}}");
        assertThat(templates.isEdited(UpdateTemplate.INTERNAL)).isFalse();
    }

    @Test
    void aNameFarFromEveryPlaceholderGetsNoSuggestion() {
        assertThat(Templates.problems("{{customer_name}}")).first().asString()
                .isEqualTo("Line 1: {{customer_name}} is not a placeholder.");
    }

    @Test
    void everyProblemIsListedOnceWithTheKnownPlaceholdersOnceAtTheEnd() {
        assertThat(Templates.problems("{{tilte}}\nok\n{{first name}} and {{id}}")).containsExactly(
                "Line 1: {{tilte}} is not a placeholder (did you mean {{title}}?).",
                "Line 3: {{first name}} is not a placeholder.",
                "Known placeholders: " + Placeholder.tokens() + ".");
    }

    @Test
    void anUnclosedBraceIsRefused() {
        assertThat(Templates.problems("Next update {{next_update_utc")).containsExactly(
                "Line 1: a {{ is not closed; write a placeholder as {{name}} on one line.");
    }

    @Test
    void anEmptyTemplateIsRefused() {
        assertThatThrownBy(() -> templates.save(UpdateTemplate.INTERNAL, " \n "))
                .hasMessageContaining("The template is empty").hasMessageContaining("reset it to the built-in text");
    }

    @Test
    void aTemplateOverTheSizeCapIsRefused() {
        assertThat(Templates.problems("{{title}} " + "x".repeat(Templates.MAX_CHARS)))
                .containsExactly("The template is 4010 characters; the limit is 4000. Shorten it.");
        assertThat(Templates.problems("x".repeat(Templates.MAX_CHARS))).isEmpty();
    }

    @Test
    void blanksInsideBracesAndUpperCaseAreAccepted() {
        assertThat(Templates.problems("{{ Title }} {{SEVERITY}}")).isEmpty();
    }

    @Test
    void anUnknownTemplateIsRefusedListingTheIds() {
        assertThatThrownBy(() -> templates.get("sms"))
                .hasMessage("Unknown template 'sms'; use one of internal, status-page, customer-email.");
    }

    @Test
    void anInternalPlaceholderInACustomerFacingTemplateIsRefusedNamingItAndTheFix() {
        assertThatThrownBy(() -> templates.save(UpdateTemplate.CUSTOMER_EMAIL, "Hello,\nWhat we are doing: {{doing}}"))
                .isInstanceOf(SitrepException.class)
                .hasMessage("Line 2: {{doing}} is internal only (it quotes the reason given for the status change); "
                        + "the customer email goes to customers: use {{progress}} instead.");
        assertThatThrownBy(() -> templates.save(UpdateTemplate.STATUS_PAGE, "{{title}}: {{ Cause }}"))
                .hasMessage("Line 1: {{ Cause }} is internal only (it quotes the team's latest hypothesis); "
                        + "the status page goes to customers: use {{cause_status}} instead.");
        assertThat(row("template.customer-email")).isEmpty();
        assertThat(row("template.status-page")).isEmpty();
        assertThat(Templates.problems(UpdateTemplate.INTERNAL, "{{doing}} {{cause}}")).as("inside the company").isEmpty();
    }
}
