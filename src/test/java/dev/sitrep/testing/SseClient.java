package dev.sitrep.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a server-sent-event stream over real HTTP: each event's data (its {@code data:} lines
 * joined by newlines) lands in a queue with the time it arrived; the end of the stream is an
 * event of its own ({@link #END}).
 */
public final class SseClient implements AutoCloseable {

    /** An event as received: its data and {@link System#nanoTime()} on arrival. */
    public record Event(String data, long arrivedNanos) {
    }

    public static final Event END = new Event("", 0);

    private final InputStream body;
    private final int status;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    public SseClient(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        status = r.statusCode();
        body = r.body();
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    public int status() {
        return status;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(data.toString(), System.nanoTime()));
                    }
                    data = null;
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line, 6, line.length());
                }
            }
        } catch (IOException closed) {
            // the stream ended
        }
        events.add(END);
    }

    /** The next event, or {@code null} when none came within {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The first event whose data contains {@code text}, or {@code null} when none came within {@code timeout}. */
    public Event awaitContaining(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null || e == END) {
                return null;
            }
            if (e.data().contains(text)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
