package dev.sitrep.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code sitrep wall --serve 0} in a child JVM, with the URL it printed, stopped as Ctrl+C would (SIGTERM). */
public final class WallProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("Wall at (http://\\S+) ");

    private final Process process;
    private final URI url;
    private final List<String> lines;

    private WallProcess(Process process, URI url, List<String> lines) {
        this.process = process;
        this.url = url;
        this.lines = lines;
    }

    /** Starts it on {@code dataDir} with {@code extra} arguments (e.g. {@code --bind 0.0.0.0}) and waits for its URL. */
    public static WallProcess start(Path dataDir, List<String> jvmOptions, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("wall", "--serve", "0", "--data-dir", dataDir.toString()));
        args.addAll(List.of(extra));
        Process p = ChildJvm.builder(jvmOptions, "dev.sitrep.Launcher", args).redirectErrorStream(true).start();
        p.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            seen.add(line);
            Matcher m = URL.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        String l;
                        while ((l = out.readLine()) != null) {
                            synchronized (seen) {
                                seen.add(l);
                            }
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                }, "wall-process-out");
                drain.setDaemon(true);
                drain.start();
                return new WallProcess(p, URI.create(m.group(1)), seen);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("sitrep wall --serve printed no URL:\n" + String.join("\n", seen));
    }

    /** The URL as printed (its host may be this machine's name when bound to every interface). */
    public URI url() {
        return url;
    }

    /** The same path and query on 127.0.0.1, so tests never send traffic beyond loopback. */
    public URI loopback(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + url.getPort() + pathAndQuery);
    }

    public long pid() {
        return process.pid();
    }

    public List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Sends SIGTERM (what Ctrl+C's shutdown hooks also run on) and waits; true when it ended in {@code seconds}. */
    public boolean stop(int seconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
