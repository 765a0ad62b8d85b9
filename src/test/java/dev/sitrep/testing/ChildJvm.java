package dev.sitrep.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a separate JVM on the test class path, as another Sitrep process would run. */
public final class ChildJvm {

    /** What a finished child printed and returned. */
    public record Result(int code, String out, String err) {
    }

    private ChildJvm() {
    }

    public static ProcessBuilder builder(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("SITREP_HOME");
        env.remove("SITREP_ACTOR");
        return pb;
    }

    /** Runs the Sitrep launcher with {@code args} to completion (at most 60 s). */
    public static Result sitrep(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Process p = builder(jvmOptions, "dev.sitrep.Launcher", List.of(args)).start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish in 60 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
