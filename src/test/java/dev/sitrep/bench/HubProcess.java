package dev.sitrep.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code sitrep hub} in a child JVM on a database, as a team runs it (no JavaFX on its class path),
 * so a benchmark reads the hub's own resident memory and CPU from /proc and not the test JVM's.
 * Its access log (stdout) is read and dropped. JVM options for it (a profiler, say) come from the
 * system property {@code bench.hub.jvm}, e.g. {@code -Dbench.hub.jvm=-XX:StartFlightRecording=filename=hub.jfr}.
 */
final class HubProcess implements AutoCloseable {

    private final Process process;
    private final URI url;

    HubProcess(String jdbcUrl, String maxHeap) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", classPathWithoutJavaFx(), "dev.sitrep.Launcher", "hub", "--port", "0",
                "--db", jdbcUrl));
        String extra = System.getProperty("bench.hub.jvm", "");
        if (!extra.isBlank()) {
            command.addAll(1, List.of(extra.split(" ")));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().remove("DISPLAY");
        process = pb.start();
        process.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        while (first != null && first.startsWith("[")) { // the JVM's own log lines (-Xlog, JFR) come first
            first = out.readLine();
        }
        if (first == null || !first.startsWith("Hub at ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the hub did not start: " + first);
        }
        url = URI.create(first.substring(7, first.indexOf(' ', 7)));
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // the access log
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "hub-access-log");
        drain.setDaemon(true);
        drain.start();
    }

    URI url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory now (VmRSS), kB. */
    long rssKb() throws IOException {
        return status("VmRSS:");
    }

    /** The most resident memory the process has had (VmHWM), kB. */
    long peakRssKb() throws IOException {
        return status("VmHWM:");
    }

    /** User + system CPU the process has used, in clock ticks (1/100 s). */
    long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid() + "/status");
    }

    private static String classPathWithoutJavaFx() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("javafx") && !entry.contains("openjfx") && !entry.contains("testfx")
                        && !entry.contains("monocle") && !entry.contains("controlsfx") && !entry.contains("atlantafx")
                        && !entry.contains("ikonli"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Stops it gracefully (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
