package dev.sitrep.app;

import dev.sitrep.core.Escalation;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.incident.Declaration;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.Clipping;
import dev.sitrep.testing.Snapshots;
import dev.sitrep.testing.TestServices;
import dev.sitrep.ui.common.FxExecutor;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native wall of a drill with a halted platform and a long escalation, at every window size
 * the project supports, in both themes: the UTC clock, the local time and every incident's
 * elapsed time and clocks stay on screen and whole, and each banner shows all its words, wrapped
 * (long banners once pushed the clock and the elapsed times off a 1920x1080 wall).
 */
@ExtendWith(ApplicationExtension.class)
class WallClippingUiTest {

    private static final String WHY = "3 of the last 5 health checks failed (60%, above 15% for production): halt, "
            + "and consider rolling back the last change";
    private static final String REASON = "duplicate refunds going out to card customers in the EU while the ledger "
            + "catches up";

    @TempDir
    Path dir;
    private Store store;
    private Services services;
    private FxExecutor executor;
    private WallWindow wall;

    @BeforeEach
    void open() {
        Clock clock = Clock.systemUTC();
        store = Store.open(dir);
        services = TestServices.on(store, "maria").clock(clock).build();
        services.settings().markDrill("maria");
        Instant now = clock.instant();
        String[] levels = {"SEV0", "SEV1", "SEV1", "SEV2", "SEV2", "SEV3", "SEV3", "SEV4"};
        for (int i = 0; i < levels.length; i++) {
            services.incidents().declare(new Declaration("Payments failing for card customers in region " + i, levels[i],
                    "payments", List.of("cullis-prod"), null, false, now.minus(Duration.ofMinutes(133 + i))));
        }
        services.platformStates().confirmed(new KillSwitchState("cullis-prod", true, now.minusSeconds(600), "maria",
                REASON, now));
        store.write(tx -> {
            tx.platformStates().save(PlatformStatus.unknown("pn-production-eu-west-1")
                    .withEscalation(new Escalation(Escalation.Level.ROLLBACK, WHY, now.minusSeconds(60))));
            return null;
        });
        executor = new FxExecutor();
    }

    @AfterEach
    void close() throws Exception {
        if (wall != null) {
            WaitForAsyncUtils.asyncFx(() -> wall.stage().close()).get(10, TimeUnit.SECONDS);
        }
        executor.close();
        services.close();
        store.close();
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1280, 800, dark", "1280, 800, light", "1600, 1000, dark", "1600, 1000, light", "1920, 1080, dark",
            "1920, 1080, light"})
    void theClocksAndElapsedTimesStayWholeOnScreenUnderLongBanners(int width, int height, String theme, FxRobot robot) {
        robot.interact(() -> {
            Clipping.useTheme(theme);
            wall = new WallWindow(services.wall(ZoneId.of("Europe/Berlin")), executor, services.settings(), "maria", true);
            wall.show(false);
            wall.stage().setWidth(width);
            wall.stage().setHeight(height);
        });
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // the wall redraws every second, now at this size
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<List<String>> problems = new AtomicReference<>(new ArrayList<>());
        AtomicReference<List<String>> banners = new AtomicReference<>();
        robot.interact(() -> {
            Scene scene = wall.stage().getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            assertThat(scene.getWidth()).isEqualTo(width);
            assertThat(scene.getHeight()).isEqualTo(height);
            for (String style : List.of("wall-utc", "wall-local", "wall-elapsed", "wall-clock", "wall-chip")) {
                List<Node> found = List.copyOf(scene.getRoot().lookupAll("." + style));
                assertThat(found).as(style).isNotEmpty();
                found.forEach(n -> problems.get().addAll(Clipping.problems(scene, n)));
            }
            List<String> texts = new ArrayList<>();
            for (Node n : scene.getRoot().lookupAll(".wall-banner")) {
                Label banner = (Label) n;
                texts.add(banner.getText());
                problems.get().addAll(Clipping.problems(scene, banner));
                if (!banner.isWrapText() || banner.getHeight() < banner.prefHeight(banner.getWidth()) - 0.5
                        || banner.getWidth() > width + 0.5) {
                    Bounds b = banner.localToScene(banner.getLayoutBounds());
                    problems.get().add("banner \"" + banner.getText() + "\" is not wrapped whole in the window: " + b);
                }
            }
            banners.set(texts);
            Snapshots.write(scene, "wall-banners-" + width + "x" + height + "-" + theme);
        });
        assertThat(banners.get()).as("each banner's whole text").hasSize(3)
                .anyMatch(t -> t.startsWith("DRILL"))
                .anyMatch(t -> t.startsWith("HALTED: cullis-prod") && t.endsWith(REASON))
                .contains("ESCALATION: pn-production-eu-west-1: " + WHY);
        assertThat(problems.get()).as("cut or off the wall at %dx%d (%s)", width, height, theme).isEmpty();
    }
}
