package dev.sitrep.ui.comms;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.Snapshots;
import dev.sitrep.testing.TestServices;
import dev.sitrep.ui.common.FxExecutor;
import dev.sitrep.ui.common.TextClipboard;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
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
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The Post update sheet on its own over a window-sized backdrop, used by keyboard as a commander would. */
@ExtendWith(ApplicationExtension.class)
class PostUpdateUiTest {

    @TempDir
    Path dir;
    private Store store;
    private FxExecutor executor;
    private IncidentService incidents;
    private Incident incident;
    private Scene scene;
    private final AtomicBoolean closed = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        store = Store.open(dir);
        Clock clock = Clock.systemUTC();
        Services services = TestServices.on(store, "maria").clock(clock).random(new Random(11)).build();
        incidents = services.incidents();
        incident = incidents.declare(new Declaration("Checkout 5xx spike", "SEV1", "checkout", List.of("pn-prod"), null,
                false, null));
        incidents.setImpact(incident.id(), "EU customers cannot pay: about 30% of checkouts fail with a 502.");
        services.warRoom().set("#inc-checkout · bridge https://meet.example.com/inc");
        executor = new FxExecutor();
        PostUpdateViewModel model = new PostUpdateViewModel(incidents, services.templates(),
                services.warRoom(), services.statusUpdates(), executor, clock,
                TextClipboard.system());
        PostUpdateView view = new PostUpdateView(model, () -> closed.set(true));
        StackPane backdrop = new StackPane(view);
        backdrop.getStyleClass().add("modal-pane");
        scene = new Scene(backdrop, 1280, 800);
        scene.getStylesheets().add(PostUpdateUiTest.class.getResource("/dev/sitrep/ui/common/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        // The console builds the sheet at start-up and opens it much later: what the view listens to must survive a GC.
        System.gc();
        model.open(incident.id());
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    private void snapshot(String name) {
        WaitForAsyncUtils.asyncFx(() -> Snapshots.write(scene, name));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<TimelineEvent> updates() {
        return incidents.show(incident.id()).timeline().stream().filter(e -> e.type() == EventType.STATUS_UPDATE).toList();
    }

    @Test
    void chooseATemplateCopyItAndMarkItSentByKeyboard(FxRobot robot) throws Exception {
        TextArea text = robot.lookup("#updateText").queryAs(TextArea.class);
        waitUntil(() -> !text.isDisabled() && text.getText().startsWith("SEV1 Checkout 5xx spike"));
        assertThat(robot.lookup(".toggle-button").queryAll()).hasSize(3);
        snapshot("post-update-internal");

        robot.clickOn(text);
        // when: Alt+2 chooses the status page post
        robot.press(KeyCode.ALT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.ALT);
        // then:
        waitUntil(() -> text.getText().startsWith("Investigating - Checkout 5xx spike"));
        assertThat(robot.lookup("#template-status-page").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .isTrue();

        // when: Ctrl+Shift+C copies it
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        // then:
        waitUntil(() -> robot.lookup("#updateStatus").queryAs(Label.class).getText().startsWith("Copied"));
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo(text.getText());
        snapshot("post-update-status-page");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        snapshot("post-update-status-page-light");
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());

        // when: Ctrl+Enter marks it sent
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        // then: the sheet says so, then closes
        waitUntil(() -> robot.lookup("#updateSent").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#updateSent").queryAs(Label.class).getText())
                .startsWith("Recorded: status page sent at").contains("First communication recorded.");
        snapshot("post-update-sent");
        assertThat(closed).isFalse();
        waitUntil(closed::get);
        assertThat(updates()).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("Update sent (status page): Investigating - Checkout 5xx spike…");
            assertThat(e.datum("template")).contains("status-page");
        });
    }

    @Test
    void escClosesWithoutRecordingAnything(FxRobot robot) throws Exception {
        TextArea text = robot.lookup("#updateText").queryAs(TextArea.class);
        waitUntil(() -> !text.isDisabled());
        robot.clickOn(text);
        robot.type(KeyCode.ESCAPE);
        waitUntil(closed::get);
        assertThat(updates()).isEmpty();
    }
}
