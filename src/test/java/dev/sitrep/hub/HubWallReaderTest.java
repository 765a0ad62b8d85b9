package dev.sitrep.hub;

import dev.sitrep.cli.NativeWall;
import dev.sitrep.cli.SitrepCli;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.testing.TestClock;
import dev.sitrep.wall.HubWallReader;
import dev.sitrep.wall.WallPages;
import dev.sitrep.wall.WallSnapshot;
import dev.sitrep.workspace.ProcessEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sitrep.hub.HubClient.call;
import static dev.sitrep.hub.HubClient.incident;
import static dev.sitrep.hub.HubClient.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code sitrep wall --hub}: the native wall's reading of a real hub (H2) over HTTP, without a
 * screen. The reader gives the snapshot the native wall shows, paged to its screen, in this
 * machine's time; a hub that stops answering leaves the last wall marked stale; a wrong token is
 * said in the terminal before any window opens.
 */
class HubWallReaderTest {

    private static final String ORIGIN = "c0a8017e-0000-4000-8000-00000000000d";
    private static final List<String> IDS = List.of("INC-20261122-1432-7QF2", "INC-20261122-1433-8RG3",
            "INC-20261122-1434-9SH4");

    @TempDir
    Path dataDir;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:40:00Z"));
    private HubFixture hub;
    private String tv;

    @BeforeEach
    void start() throws Exception {
        hub = HubFixture.start(HubDatabase.embeddedUrl(dataDir), clock);
        String lee = hub.addPerson("lee", Role.RESPONDER);
        tv = hub.addPerson("war-room-tv", Role.VIEWER);
        String[] severities = {"SEV3", "SEV1", "SEV2"};
        for (int i = 0; i < IDS.size(); i++) {
            assertThat(call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, incident("k" + i, IDS.get(i), "lee",
                    "Incident " + severities[i], severities[i])), lee).status()).isEqualTo(200);
        }
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void theReaderGivesTheHubsWallPagedToThisScreenAndStaleOnceTheHubIsGone() {
        try (HubWallReader reader = HubWallReader.of(hub.url().toString(), tv, null, clock, ZoneId.of("Europe/Berlin"))) {
            assertThat(reader.snapshot(1, 5).stale()).isEqualTo("waiting for the data…");
            reader.refresh();

            WallSnapshot all = reader.snapshot(1, 5);
            assertThat(all.rows()).extracting(WallSnapshot.Row::id).as("most severe first, as the hub ordered them")
                    .containsExactly(IDS.get(1), IDS.get(2), IDS.get(0));
            assertThat(all.rows().get(0).title()).isEqualTo("Incident SEV1");
            assertThat(all.rows().get(0).severity()).isEqualTo("SEV1");
            assertThat(all.stale()).isEmpty();
            assertThat(all.utc()).isEqualTo("14:40 UTC");
            assertThat(all.local()).as("this machine's zone, not the hub's").isEqualTo("15:40 CET · Sun 22 Nov");
            assertThat(all.platforms()).extracting(WallSnapshot.Platform::name).containsExactly("hub");

            WallSnapshot second = reader.snapshot(2, 2);
            assertThat(second.page()).isEqualTo(2);
            assertThat(second.pages()).isEqualTo(2);
            assertThat(second.activeCount()).isEqualTo(3);
            assertThat(second.rows()).extracting(WallSnapshot.Row::id).containsExactly(IDS.get(0));
            assertThat(reader.snapshot(3, 2).page()).as("pages wrap round").isEqualTo(1);

            hub.close();
            reader.refresh();
            assertThat(reader.snapshot(1, 5).stale()).as("a blip is not stale yet").isEmpty();
            clock.advance(Duration.ofSeconds(11));
            reader.refresh();
            WallSnapshot stale = reader.snapshot(1, 5);
            assertThat(stale.stale()).startsWith("stale since 14:40 UTC: the hub is unreachable or answered badly: cannot reach");
            assertThat(stale.rows()).as("the last wall stays, marked stale").hasSize(3);
        }
    }

    @Test
    void aWrongTokenIsRefusedInTheHubsWords() {
        try (HubWallReader reader = HubWallReader.of(hub.url().toString(), "sitrep_hub_guess", null, clock, ZoneId.of("UTC"))) {
            assertThatThrownBy(reader::read).isInstanceOf(PlatformException.class)
                    .hasMessageStartingWith("the hub refused (HTTP 401): Wrong token: this hub knows no one by it.")
                    .hasMessageContaining("Authorization: Bearer <token>");
        }
    }

    /** The CLI with a screen (DISPLAY set) and a native wall that only records what it was given. */
    private record Run(int code, String out, String err, WallSnapshot shown, String title) {
    }

    private Run wall(Map<String, String> env, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("SITREP_HOME", dataDir.resolve("console").toString());
        all.put("DISPLAY", ":99");
        AtomicReference<WallSnapshot> shown = new AtomicReference<>();
        AtomicReference<String> title = new AtomicReference<>();
        NativeWall recording = new NativeWall() {
            @Override
            public void show(String dataDirOption, boolean windowed) {
                throw new AssertionError("sitrep wall --hub opened the workspace's wall");
            }

            @Override
            public void show(WallPages pages, String t, boolean windowed) {
                shown.set(pages.snapshot(1, 5));
                title.set(t);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ProcessEnvironment environment = new ProcessEnvironment(all, "Linux", "osuser", "/home/osuser", clock,
                ZoneId.of("Europe/Berlin"), false);
        int code = SitrepCli.run(args, environment, recording, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString(), shown.get(), title.get());
    }

    @Test
    void sitrepWallHubHandsTheNativeWallTheHubsWallOrSaysWhyNot() {
        String url = hub.url().toString();
        Run ok = wall(Map.of("SITREP_HUB_TOKEN", tv), "wall", "--hub", url, "--windowed");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.title()).isEqualTo("Sitrep wall · " + url);
        assertThat(ok.shown().rows()).extracting(WallSnapshot.Row::id).containsExactly(IDS.get(1), IDS.get(2), IDS.get(0));

        Run named = wall(Map.of("WAR_ROOM_TOKEN", tv), "wall", "--hub", url, "--token-env", "WAR_ROOM_TOKEN");
        assertThat(named.code()).as(named.err()).isZero();
        assertThat(named.shown().rows()).hasSize(3);

        Run none = wall(Map.of(), "wall", "--hub", url);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("sitrep wall --hub needs your hub token in $SITREP_HUB_TOKEN")
                .contains("sitrep hub person add NAME --role viewer");
        assertThat(none.shown()).as("no window").isNull();

        Run wrong = wall(Map.of("SITREP_HUB_TOKEN", "sitrep_hub_guess"), "wall", "--hub", url);
        assertThat(wrong.code()).isEqualTo(3);
        assertThat(wrong.err()).contains("the hub refused (HTTP 401): Wrong token")
                .contains("(the token came from $SITREP_HUB_TOKEN)").doesNotContain("sitrep_hub_guess");
        assertThat(wrong.shown()).isNull();

        Run both = wall(Map.of("SITREP_HUB_TOKEN", tv), "wall", "--hub", url, "--serve", "0");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("for a browser the hub serves the wall itself: open " + url + "/wall?token=...");
    }
}
