package dev.sitrep.cli;

import dev.sitrep.workspace.ProcessEnvironment;
import dev.sitrep.testing.TestClock;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process against one data directory, with a clock and environment of the test's choosing. */
final class CliRunner {

    record Result(int code, String out, String err) {
        String firstWord() {
            return out.split("\\s+", 2)[0];
        }
    }

    /** No test opens a window: a command that tries fails the test. */
    private static final NativeWall NATIVE_WALL = new NativeWall() {
        @Override
        public void show(String dataDirOption, boolean windowed) {
            throw new AssertionError("the CLI opened the native wall in a test");
        }

        @Override
        public void show(dev.sitrep.wall.WallPages pages, String title, boolean windowed) {
            throw new AssertionError("the CLI opened the native wall in a test");
        }
    };

    final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    final Map<String, String> env = new HashMap<>();

    CliRunner(Path dataDir) {
        env.put("SITREP_HOME", dataDir.toString());
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ProcessEnvironment environment = new ProcessEnvironment(env, "Linux", "osuser", "/home/osuser", clock,
                ZoneId.of("Europe/Berlin"), false);
        int code = SitrepCli.run(args, environment, NATIVE_WALL, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
