package dev.sitrep.sandbox;

import dev.sitrep.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's HTTP server under clients that misbehave: slow ones, and ones that send too much. */
class SandboxServerTest {

    /** Over the 32 MiB the sandbox reads of a request body. */
    private static final long TOO_BIG = 33L * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SandboxServer sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxServer.start(0, new TestClock(Instant.parse("2026-11-22T14:32:00Z")), Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aNormalClientIsServedWhileSlowClientsHang() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket s = socket();
                s.getOutputStream().write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            Thread.sleep(300);

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/api/v1/health"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aPushDeclaredOverTheLimitIsRefusedWith413BeforeItsBodyIsSent() throws Exception {
        try (Socket s = socket()) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /sitrep/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + SandboxServer.TEAM_TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + TOO_BIG + "\r\n\r\n{\"origin\": \"x\", \"changes\": [")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();

            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(status).as("the answer, with 64 KiB of 33 MiB sent").isEqualTo("HTTP/1.1 413");
        }
        assertThat(sandbox.team().changeCount()).isZero();
    }

    @Test
    void aChunkedPushOverTheLimitIsRefusedWith413() throws Exception {
        long heapBefore = usedHeap();
        AtomicLong sent = new AtomicLong();
        try (Socket s = socket()) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /sitrep/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + SandboxServer.TEAM_TOKEN
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    while (sent.get() < TOO_BIG) {
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closedByServer) {
                    // the server stopped reading: what the test expects
                }
            });

            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            System.out.printf("sandbox: chunked push answered %s after %d MiB sent, heap %+d MB%n", status,
                    sent.get() / (1024 * 1024), (usedHeap() - heapBefore) / (1024 * 1024));

            assertThat(status).isEqualTo("HTTP/1.1 413");
            s.close();
            writer.get(10, TimeUnit.SECONDS);
        }
        assertThat(sandbox.team().changeCount()).isZero();
    }

    @Test
    void aRequestWithHugeHeadersIsRefused() throws Exception {
        try (Socket s = socket()) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ".getBytes(StandardCharsets.US_ASCII));
            byte[] filler = new byte[1024];
            Arrays.fill(filler, (byte) 'a');
            try {
                for (int i = 0; i < 1024; i++) {
                    out.write(filler);
                }
                out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedByServer) {
                // refused before the header ended
            }

            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(status).as("a 1 MiB header").isEqualTo("HTTP/1.1 431");
        }
    }

    private Socket socket() throws IOException {
        return new Socket(InetAddress.getByName("127.0.0.1"), sandbox.url().getPort());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
