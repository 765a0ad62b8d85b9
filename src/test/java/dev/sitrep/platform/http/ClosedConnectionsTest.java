package dev.sitrep.platform.http;

import dev.sitrep.platform.PlatformException;
import dev.sitrep.platform.powernode.PowernodeConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Platforms that close connections the client's pool keeps: a real server on loopback that reads
 * each request whole, counts it, and then answers and closes (as an HTTP/1.0 server or a short
 * idle timeout does) or closes without answering.
 */
class ClosedConnectionsTest {

    private ClosingServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aReadOnAConnectionTheServerClosedAfterItsAnswerSucceedsOnAFreshOne() throws Exception {
        server = new ClosingServer(n -> true);
        JsonHttp http = http();

        for (int i = 1; i <= 3; i++) {
            assertThat(http.get("/api/v1/health", Map.of()).status()).as("read " + i).isEqualTo(200);
        }

        assertThat(server.requests()).as("one request a read: each went out once it arrived").isEqualTo(3);
        assertThat(server.connections()).isEqualTo(3);
    }

    @Test
    void aWriteThatLeftIsNotSentAgain() throws Exception {
        server = new ClosingServer(n -> false);
        JsonHttp http = http();

        assertThatThrownBy(() -> http.send("POST", "/api/v1/ai/kill_switch/halt", Map.of("reason", "drill"), Map.of()))
                .isInstanceOf(PlatformException.class).hasMessageContaining("cannot reach");
        Thread.sleep(300);

        assertThat(server.requests()).as("the halt reached the platform once, and was not repeated").isEqualTo(1);
    }

    @Test
    void aWriteAfterAnAnswerOnAClosedConnectionGoesOutOnce() throws Exception {
        server = new ClosingServer(n -> true);
        JsonHttp http = http();
        http.get("/api/v1/health", Map.of());
        Thread.sleep(100);

        assertThat(http.send("POST", "/api/v1/ai/kill_switch/halt", Map.of("reason", "drill"), Map.of()).status())
                .isEqualTo(200);

        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void aServerThatStopsAnsweringGetsOneRetryAndTheCallEndsPromptly() throws Exception {
        server = new ClosingServer(n -> n == 1);
        JsonHttp http = http();
        http.get("/api/v1/health", Map.of());

        long start = System.nanoTime();
        assertThatThrownBy(() -> http.get("/api/v1/health", Map.of())).isInstanceOf(PlatformException.class)
                .hasMessageContaining("cannot reach");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Thread.sleep(300);

        assertThat(server.requests()).as("the first read and one retry (the read on the closed connection never arrived)")
                .isEqualTo(2);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aWriteToAPlatformThatIsNotListeningEndsPromptly() throws Exception {
        server = new ClosingServer(n -> true);
        // A port that is bound but not listening: connections are refused, and (unlike a port
        // freed by closing a server) no other process or test can start listening on it meanwhile.
        try (Socket reserved = new Socket()) {
            reserved.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            JsonHttp http = http(reserved.getLocalPort());

            long start = System.nanoTime();
            assertThatThrownBy(() -> http.send("POST", "/api/v1/ai/kill_switch/halt", Map.of("reason", "drill"), Map.of()))
                    .isInstanceOf(PlatformException.class).hasMessageContaining("cannot reach");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    private JsonHttp http() {
        return http(server.port());
    }

    private static JsonHttp http(int port) {
        return new JsonHttp("pn", PlatformUrl.parse("http://127.0.0.1:" + port),
                JsonHttp.client(null, Duration.ofSeconds(5)), PowernodeConnector::errorMessage);
    }

    /** Reads requests one connection at a time; after each, answers (if {@code answers} says so for its number) and closes. */
    private static final class ClosingServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger connections = new AtomicInteger();
        private final IntPredicate answers;

        ClosingServer(IntPredicate answers) throws IOException {
            this.answers = answers;
            Thread t = new Thread(this::serve, "closing-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int requests() {
            return requests.get();
        }

        int connections() {
            return connections.get();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    connections.incrementAndGet();
                    s.setSoTimeout(5000);
                    InputStream in = new BufferedInputStream(s.getInputStream());
                    String head = head(in);
                    if (head == null) {
                        continue;
                    }
                    in.readNBytes(contentLength(head));
                    if (answers.test(requests.incrementAndGet())) {
                        s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                } catch (IOException e) {
                    // the next connection, or closed
                }
            }
        }

        private static String head(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != -1; ) {
                head.write(b);
                if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                    return head.toString(StandardCharsets.US_ASCII);
                }
            }
            return null;
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring("content-length:".length()).strip());
                }
            }
            return 0;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
