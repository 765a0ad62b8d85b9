package dev.sitrep.ui.settings;

import atlantafx.base.theme.PrimerDark;
import dev.sitrep.comms.Templates;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.Snapshots;
import dev.sitrep.testing.TestServices;
import dev.sitrep.ui.common.FxExecutor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates part of Settings: a typo in a template is shown inline and nothing is saved. */
@ExtendWith(ApplicationExtension.class)
class TemplatesUiTest {

    @TempDir
    Path dir;
    private Store store;
    private FxExecutor executor;
    private Templates templates;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        store = Store.open(dir);
        executor = new FxExecutor();
        Services services = TestServices.on(store, "maria").build();
        templates = services.templates();
        TemplatesViewModel model = new TemplatesViewModel(templates, services.warRoom(), executor);
        VBox page = new VBox(new TemplatesView(model));
        page.getStyleClass().add("page-area");
        page.setMaxWidth(980);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scene = new Scene(scroll, 1280, 800);
        scene.getStylesheets().add(TemplatesUiTest.class.getResource("/dev/sitrep/ui/common/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.load();
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    @Test
    void aTypoIsShownInlineAndNothingIsSaved(FxRobot robot) throws Exception {
        TextArea body = robot.lookup("#templateBody").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> body.getText().startsWith("{{severity}} {{title}}"));
        robot.interact(() -> {
            body.setText(body.getText().replace("{{war_room}}", "{{warroom}}"));
            robot.lookup("#placeholderList").queryAs(TitledPane.class).setExpanded(true);
        });
        // when:
        robot.clickOn("#saveTemplate");
        // then:
        Label error = robot.lookup("#templateError").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
        assertThat(error.getText()).startsWith("Line 4: {{warroom}} is not a placeholder (did you mean {{war_room}}?).");
        assertThat(templates.isEdited("internal")).isFalse();
        WaitForAsyncUtils.asyncFx(() -> Snapshots.write(scene, "settings-templates-error"));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
