package dev.sitrep.ui.settings;

import dev.sitrep.comms.BuiltInTemplates;
import dev.sitrep.comms.Templates;
import dev.sitrep.comms.UpdateTemplate;
import dev.sitrep.comms.WarRoom;
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
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private Templates templates;
    private WarRoom warRoom;
    private TemplatesViewModel model;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
        Services services = TestServices.on(store, "maria").clock(clock).build();
        templates = services.templates();
        warRoom = services.warRoom();
        model = new TemplatesViewModel(templates, warRoom, new DirectExecutor());
        model.load();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void loadShowsTheInternalUpdateAsBuiltIn() {
        assertThat(model.chosenProperty().get()).isEqualTo(UpdateTemplate.INTERNAL);
        assertThat(model.bodyProperty().get()).isEqualTo(BuiltInTemplates.INTERNAL.body());
        assertThat(model.originProperty().get()).isEqualTo("Built-in text");
        assertThat(model.canResetProperty().get()).isFalse();
        assertThat(model.ids()).containsExactly("internal", "status-page", "customer-email");
        assertThat(TemplatesViewModel.name("status-page")).isEqualTo("Status page");
    }

    @Test
    void savingAValidTextStoresItForTheWorkspace() {
        model.chosenProperty().set(UpdateTemplate.STATUS_PAGE);
        model.bodyProperty().set("{{public_status}} - {{title}}\n{{impact}}");
        model.save();
        assertThat(templates.get(UpdateTemplate.STATUS_PAGE).body()).isEqualTo("{{public_status}} - {{title}}\n{{impact}}");
        assertThat(model.originProperty().get()).isEqualTo("Edited for this workspace");
        assertThat(model.canResetProperty().get()).isTrue();
        assertThat(model.status().failureProperty().get()).isEmpty();
        assertThat(model.noticeProperty().get()).startsWith("Saved.");
    }

    @Test
    void anInvalidTextShowsEveryProblemInlineAndSavesNothing() {
        model.bodyProperty().set("{{tilte}}\n{{next_update_utc");
        model.save();
        assertThat(model.status().failureProperty().get()).isEqualTo(String.join("\n",
                "Line 1: {{tilte}} is not a placeholder (did you mean {{title}}?).",
                "Line 2: a {{ is not closed; write a placeholder as {{name}} on one line.",
                "Known placeholders: " + dev.sitrep.comms.Placeholder.tokens() + "."));
        assertThat(templates.isEdited(UpdateTemplate.INTERNAL)).isFalse();
        assertThat(model.bodyProperty().get()).isEqualTo("{{tilte}}\n{{next_update_utc");
    }

    @Test
    void resetBringsBackTheBuiltInText() {
        templates.save(UpdateTemplate.INTERNAL, "{{title}}");
        model.load();
        assertThat(model.bodyProperty().get()).isEqualTo("{{title}}");
        model.reset();
        assertThat(model.bodyProperty().get()).isEqualTo(BuiltInTemplates.INTERNAL.body());
        assertThat(templates.isEdited(UpdateTemplate.INTERNAL)).isFalse();
        assertThat(model.originProperty().get()).isEqualTo("Built-in text");
        assertThat(model.noticeProperty().get()).isEqualTo("The internal update is back to the built-in text.");
    }

    @Test
    void unsavedEditsSurvivePickingAnotherTemplate() {
        model.bodyProperty().set("draft {{title}}");
        model.chosenProperty().set(UpdateTemplate.CUSTOMER_EMAIL);
        assertThat(model.bodyProperty().get()).isEqualTo(BuiltInTemplates.CUSTOMER_EMAIL.body());
        model.chosenProperty().set(UpdateTemplate.INTERNAL);
        assertThat(model.bodyProperty().get()).isEqualTo("draft {{title}}");
        assertThat(templates.isEdited(UpdateTemplate.INTERNAL)).isFalse();
    }

    @Test
    void theWarRoomIsSavedAndCleared() {
        model.warRoomProperty().set(" #inc-bridge ");
        model.saveWarRoom();
        assertThat(warRoom.get()).contains("#inc-bridge");
        assertThat(model.warRoomProperty().get()).isEqualTo("#inc-bridge");
        model.warRoomProperty().set("");
        model.saveWarRoom();
        assertThat(warRoom.get()).isEmpty();
        assertThat(model.noticeProperty().get()).startsWith("War room cleared");
    }

    @Test
    void theTemplateCheckRefusesAnInternalPlaceholderInTheCustomerEmailInline() {
        model.chosenProperty().set(UpdateTemplate.CUSTOMER_EMAIL);
        model.bodyProperty().set("Cause: {{cause}}");
        model.save();
        assertThat(model.status().failureProperty().get()).isEqualTo("Line 1: {{cause}} is internal only (it quotes "
                + "the team's latest hypothesis); the customer email goes to customers: use {{cause_status}} instead.");
        assertThat(templates.isEdited(UpdateTemplate.CUSTOMER_EMAIL)).isFalse();
    }

    @Test
    void aCustomerTemplateSavedBeforeTheCheckIsFlaggedWhenShown() {
        store.write(tx -> {
            tx.settings().put("template.status-page", "{{title}}: {{doing}}", "maria", Instant.parse("2026-11-22T14:00:00Z"));
            return null;
        });
        model.load();
        model.chosenProperty().set(UpdateTemplate.STATUS_PAGE);
        assertThat(model.status().failureProperty().get()).isEqualTo("Line 1: {{doing}} is internal only (it quotes "
                + "the reason given for the status change); the status page goes to customers: use {{progress}} instead.");
    }
}
