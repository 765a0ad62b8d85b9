package dev.sitrep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code chromium} package, flags from TOOLCHAIN.md) showing one
 * page, driven over the DevTools protocol with the JDK's own WebSocket client: a test evaluates
 * JavaScript in the page as it runs. Fails, never skips, when Chromium is not installed.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private volatile CompletableFuture<JsonNode> loaded = new CompletableFuture<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The browser binary: {@code SITREP_CHROMIUM}, else {@code chromium} or {@code chromium-browser} on the PATH. */
    public static Path binary() {
        String configured = System.getenv("SITREP_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("Chromium is not installed: the browser-wall tests need Debian's 'chromium' "
                + "package (apt-get install -y --no-install-recommends chromium; .ci/run installs it) or SITREP_CHROMIUM");
    }

    /** Starts Chromium on {@code url} at 1920x1080 and attaches to its page. */
    public static HeadlessChromium open(String url) throws Exception {
        Path profile = Files.createTempDirectory("sitrep-chromium");
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1920,1080", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String browserWs = listening(process);
            URI base = URI.create(browserWs.replaceFirst("^ws://", "http://")).resolve("/json/list");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String pageWs = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (pageWs == null && System.nanoTime() < deadline) {
                JsonNode targets = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(base).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : targets) {
                    if ("page".equals(t.path("type").asText())) {
                        pageWs = t.path("webSocketDebuggerUrl").asText();
                    }
                }
                if (pageWs == null) {
                    Thread.sleep(100);
                }
            }
            if (pageWs == null) {
                throw new IllegalStateException("Chromium showed no page for " + url);
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageWs), listener).get(10, TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
            listener.owner = chromium;
            chromium.navigate(url);
            return chromium;
        } catch (Exception | Error e) {
            kill(process);
            delete(profile);
            throw e;
        }
    }

    /**
     * Chromium starts on a blank page and is sent to {@code url} only once attached, and this
     * returns after the page's load event: evaluating while the first navigation is still
     * under way fails with "Execution context was destroyed".
     */
    private void navigate(String url) throws Exception {
        call("Page.enable", Json.MAPPER.createObjectNode()).get(10, TimeUnit.SECONDS);
        loaded = new CompletableFuture<>();
        JsonNode answer = call("Page.navigate", Json.MAPPER.createObjectNode().put("url", url)).get(10, TimeUnit.SECONDS);
        if (answer.has("error") || answer.path("result").has("errorText")) {
            throw new IllegalStateException("Chromium could not open " + url + ": " + answer);
        }
        loaded.get(15, TimeUnit.SECONDS);
    }

    private CompletableFuture<JsonNode> call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        ObjectNode call = Json.MAPPER.createObjectNode().put("id", id).put("method", method);
        call.set("params", params);
        socket.sendText(call.toString(), true);
        return reply;
    }

    private static String listening(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the browser is gone
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("Chromium exited before it listened for DevTools:\n" + seen);
    }

    /**
     * Evaluates {@code expression} in the page (a promise is awaited) and returns its value as
     * JSON; fails on a JavaScript exception or when no answer comes within {@code timeout}.
     */
    public JsonNode evaluate(String expression, Duration timeout) throws Exception {
        return evaluateAsync(expression).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** As {@link #evaluate}, without waiting: the answer completes the future. */
    public CompletableFuture<JsonNode> evaluateAsync(String expression) {
        ObjectNode params = Json.MAPPER.createObjectNode()
                .put("expression", expression).put("awaitPromise", true).put("returnByValue", true);
        return call("Runtime.evaluate", params).thenApply(r -> {
            if (r.has("error") || r.path("result").has("exceptionDetails")) {
                throw new IllegalStateException("JavaScript failed: " + r);
            }
            return r.path("result").path("result").path("value");
        });
    }

    private void answer(String text) {
        try {
            JsonNode message = Json.MAPPER.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
            } else if ("Page.loadEventFired".equals(message.path("method").asText())) {
                loaded.complete(message);
            }
        } catch (IOException e) {
            replies.values().forEach(r -> r.completeExceptionally(e));
        }
    }

    /** Collects a text message that may come in parts. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder parts = new StringBuilder();
        private volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String text = parts.toString();
                parts.setLength(0);
                if (owner != null) {
                    owner.answer(text);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        socket.abort();
        kill(process);
        delete(profile);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind
        }
    }
}
