package dev.sitrep.app;

import dev.sitrep.hub.HubDatabase;
import dev.sitrep.hub.HubFixture;
import dev.sitrep.hub.Role;
import dev.sitrep.ui.common.FxExecutor;
import dev.sitrep.wall.HubWallReader;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sitrep wall --hub}'s window: the native wall, on no workspace, shows the incident a
 * console pushed to a real hub (H2), read over HTTP with a viewer's token, and one pushed later.
 */
@ExtendWith(ApplicationExtension.class)
class HubWallUiTest {

    private static final String ORIGIN = "c0a8017e-0000-4000-8000-00000000000e";

    @TempDir
    Path dataDir;
    private HubFixture hub;
    private String lee;
    private HubWallReader reader;
    private final FxExecutor executor = new FxExecutor();
    private WallWindow wall;

    @BeforeEach
    void start() throws Exception {
        hub = HubFixture.start(HubDatabase.embeddedUrl(dataDir), Clock.systemUTC());
        lee = hub.addPerson("lee", Role.RESPONDER);
        push("k1", "INC-20261122-1432-7QF2", "Payments failing for card customers in the EU", "SEV1");
    }

    @AfterEach
    void close() throws Exception {
        if (wall != null) {
            WaitForAsyncUtils.asyncFx(() -> wall.stage().close()).get(10, TimeUnit.SECONDS);
        }
        executor.close();
        if (reader != null) {
            reader.close();
        }
        hub.close();
    }

    private void push(String key, String id, String title, String severity) throws Exception {
        String body = """
                {"origin": "%s", "changes": [{"key": "%s", "entity": "incident", "id": "%s", "base": 0, "body":
                 {"fields": {"title": "%s", "severity": "%s", "status": "investigating", "declaredBy": "lee"}}}]}"""
                .formatted(ORIGIN, key, id, title, severity);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.url()
                        + "/sitrep/v1/changes")).header("Authorization", "Bearer " + lee)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void theNativeWallShowsTheHubsIncidents(FxRobot robot) throws Exception {
        String tv = hub.addPerson("war-room-tv", Role.VIEWER);
        reader = HubWallReader.of(hub.url().toString(), tv, null, Clock.systemUTC(), ZoneId.of("Europe/Berlin"));
        robot.interact(() -> {
            wall = new WallWindow(reader, executor, WallPlacement.nowhere(), "Sitrep wall · " + hub.url());
            wall.show(false);
        });
        waitUntil(() -> robot.lookup(".wall-title").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Payments failing for card customers in the EU")));
        assertThat(robot.lookup(".wall-chip").queryAs(Label.class).getText()).isEqualTo("SEV1");
        assertThat(robot.lookup(".wall-meta").queryAs(Label.class).getText()).contains("INC-20261122-1432-7QF2");
        assertThat(wall.stage().getTitle()).isEqualTo("Sitrep wall · " + hub.url());

        push("k2", "INC-20261122-1440-9XK4", "Search slow", "SEV3");
        waitUntil(() -> robot.lookup(".wall-title").queryAll().size() == 2);
        assertThat(robot.lookup(".wall-title").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Payments failing for card customers in the EU", "Search slow");
        WaitForAsyncUtils.asyncFx(() -> dev.sitrep.testing.Snapshots.write(wall.stage().getScene(), "wall-from-hub"))
                .get(10, TimeUnit.SECONDS);
    }
}
