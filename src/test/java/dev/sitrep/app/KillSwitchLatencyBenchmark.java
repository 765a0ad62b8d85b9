package dev.sitrep.app;

import dev.sitrep.bench.BenchData;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.killswitch.ResumeRequest;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.ui.killswitch.HaltFeature;
import dev.sitrep.ui.shell.ShellViewModel;
import javafx.stage.Stage;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kill switch's own delay: from the confirming act (the hold completing) to the halt request
 * arriving at the sandbox, and from the sandbox's answer to the HALTED banner, beside a bare
 * OkHttp halt call to the same sandbox endpoint in the same run. Goal: within +50 ms of the bare call.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class KillSwitchLatencyBenchmark {

    private static final int ROUNDS = 11;

    @TempDir
    Path dir;
    private SandboxServer sandbox;
    private ConsoleFixture console;
    private Desktop desktop;
    private ShellViewModel shellModel;
    private final AtomicLong bannerAt = new AtomicLong();

    @Start
    void start(Stage stage) throws Exception {
        sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofHours(1));
        console = new ConsoleFixture(stage, dir, Map.of("SITREP_SECRET_PN", SandboxServer.PASSWORD),
                w -> w.profiles().add(new PlatformProfile("pn", PlatformKind.POWERNODE, sandbox.url().toString(), null,
                        SandboxServer.EMAIL, PlatformProfile.Environment.DEVELOPMENT, null, List.of(),
                        Duration.ofMinutes(10))));
        desktop = console.desktop;
        shellModel = console.shellModel;
        shellModel.haltBannerProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                bannerAt.set(System.nanoTime());
            }
        });
    }

    @AfterEach
    void close() {
        console.close();
        sandbox.close();
    }

    @Test
    void confirmToWireAndAnswerToBanner() throws Exception {
        long[] wire = new long[ROUNDS];
        long[] banner = new long[ROUNDS];
        long[] bare = new long[ROUNDS];
        for (int i = -2; i < ROUNDS; i++) { // two warm-up rounds
            long[] r = oneRound();
            long b = bareCall();
            if (i >= 0) {
                wire[i] = r[0];
                banner[i] = r[1];
                bare[i] = b;
            }
        }
        double w = BenchData.median(wire) / 1e6;
        double bn = BenchData.median(banner) / 1e6;
        double base = BenchData.median(bare) / 1e6;
        System.out.printf("BENCH kill-switch: confirming act -> halt request at the sandbox %.1f ms; sandbox answer -> "
                + "HALTED banner %.1f ms | bare OkHttp halt call to the same endpoint (baseline): %.1f ms | Sitrep adds "
                + "%+.1f ms (goal <= +50 ms)%n", w, bn, base, w + bn - base);
    }

    /** One halt through the console: {nanos confirm->wire, nanos answer->banner}. */
    private long[] oneRound() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> desktop.navigator().killSwitch()).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !console.feature(HaltFeature.class).model().choices().isEmpty());
        WaitForAsyncUtils.asyncFx(() -> {
            console.feature(HaltFeature.class).model().choices().get(0).selected().set(true);
            console.feature(HaltFeature.class).model().reasonProperty().set("latency drill");
            console.feature(HaltFeature.class).model().beginHold();
        }).get();
        WaitForAsyncUtils.sleep(console.feature(HaltFeature.class).model().hold().toMillis() + 50, TimeUnit.MILLISECONDS);
        bannerAt.set(0);
        long[] confirmedAt = new long[1];
        WaitForAsyncUtils.asyncFx(() -> {
            confirmedAt[0] = System.nanoTime();
            console.feature(HaltFeature.class).model().holding(); // the hold has run its time: this is the confirming act
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bannerAt.get() != 0);
        long wire = sandbox.lastHaltArrivedNanos() - confirmedAt[0];
        long banner = bannerAt.get() - sandbox.lastHaltAnsweredNanos();
        console.workspace.killSwitch().resume("pn", new ResumeRequest(true, true, true, "bench", "drill over", "full"), null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shellModel.haltBannerProperty().get().isEmpty());
        WaitForAsyncUtils.asyncFx(() -> console.feature(HaltFeature.class).model().disarm());
        WaitForAsyncUtils.waitForFxEvents();
        return new long[] {wire, banner};
    }

    /** The same halt with a bare OkHttp client (logged in beforehand), then resumed. */
    private long bareCall() throws Exception {
        OkHttpClient http = new OkHttpClient();
        MediaType json = MediaType.get("application/json");
        String token;
        try (Response login = http.newCall(new Request.Builder().url(sandbox.url() + "/api/v1/auth/login")
                .post(RequestBody.create("{\"email\":\"" + SandboxServer.EMAIL + "\",\"password\":\"" + SandboxServer.PASSWORD
                        + "\"}", json)).build()).execute()) {
            String body = login.body().string();
            token = body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        }
        long start = System.nanoTime();
        try (Response halt = http.newCall(new Request.Builder().url(sandbox.url() + "/api/v1/ai/kill_switch/halt")
                .header("Authorization", "Bearer " + token).post(RequestBody.create("{\"reason\":\"bare\"}", json))
                .build()).execute()) {
            halt.body().string();
        }
        long took = System.nanoTime() - start;
        try (Response resume = http.newCall(new Request.Builder().url(sandbox.url() + "/api/v1/ai/kill_switch/resume")
                .header("Authorization", "Bearer " + token).post(RequestBody.create("{\"mode\":\"full\"}", json))
                .build()).execute()) {
            resume.body().string();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        return took;
    }
}
