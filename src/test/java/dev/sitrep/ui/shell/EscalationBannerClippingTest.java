package dev.sitrep.ui.shell;

import dev.sitrep.core.Escalation;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.testing.Clipping;
import dev.sitrep.testing.Snapshots;
import dev.sitrep.testing.TestClock;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation banner's two buttons are what the commander acts on: at every window size the
 * project supports, in both themes, they and the banner's text read whole (they once read "..."
 * at 1280 px and "Open kill swi..." at 1600 px beside a long escalation).
 */
@ExtendWith(ApplicationExtension.class)
class EscalationBannerClippingTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1280, 800, dark", "1280, 800, light", "1600, 1000, dark", "1600, 1000, light", "1920, 1080, dark",
            "1920, 1080, light"})
    void theBannersButtonsAndTextReadWholeAtEverySize(int width, int height, String theme, FxRobot robot) {
        AtomicReference<List<String>> problems = new AtomicReference<>();
        robot.interact(() -> {
            Clipping.useTheme(theme);
            TestClock clock = new TestClock(Instant.parse("2026-12-03T14:32:00Z"));
            ShellViewModel model = new ShellViewModel(clock, ZoneId.of("Europe/Berlin"), "/data", "maria");
            List<PlatformProfile> profiles = List.of(profile("pn-production-eu-west-1"), profile("cullis-prod"));
            model.setPlatforms(profiles, Map.of(
                    "pn-production-eu-west-1", escalated("pn-production-eu-west-1", "3 of the last 5 health checks "
                            + "failed (connection refused, then 503 Service Unavailable from the gateway)"),
                    "cullis-prod", escalated("cullis-prod", "1 failed health check in production (timeout after 15 s)")),
                    Map.of());
            ShellView shell = new ShellView(model);
            Scene scene = new Scene(shell, width, height);
            scene.getStylesheets().add(ShellView.class.getResource("/dev/sitrep/ui/common/app.css").toExternalForm());
            stage.setScene(scene);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Scene scene = stage.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            problems.set(Clipping.problems(scene, scene.lookup("#escalationBanner")));
            Snapshots.write(scene, "escalation-banner-" + width + "x" + height + "-" + theme);
        });
        assertThat(robot.lookup("#escalationBanner").query().isVisible()).isTrue();
        assertThat(problems.get()).as("cut or outside the window at %dx%d (%s)", width, height, theme).isEmpty();
    }

    private static PlatformProfile profile(String name) {
        return new PlatformProfile(name, PlatformKind.POWERNODE, "http://127.0.0.1:9", null, "ops@example.com",
                PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(15));
    }

    private static PlatformStatus escalated(String name, String why) {
        return PlatformStatus.unknown(name).withEscalation(new Escalation(Escalation.Level.KILL_SWITCH, why,
                Instant.parse("2026-12-03T14:20:00Z")));
    }
}
