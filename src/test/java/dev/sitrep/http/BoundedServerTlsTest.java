package dev.sitrep.http;

import dev.sitrep.testing.SelfSignedPem;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over TLS, a {@link BoundedServer}'s clients can take no more than over plain HTTP: a connection
 * counts once towards its client's share, one whose handshake or request trickles in is dropped
 * within seconds, a kept-alive one stays, and a body past the limit is refused.
 */
class BoundedServerTlsTest {

    private static final int PER_CLIENT = 4;
    private static final Duration HEADER_TIME = Duration.ofSeconds(1);
    private static final ServerLimits LIMITS = new ServerLimits("tls-limits-test", 8, 64, PER_CLIENT,
            Duration.ofSeconds(30), HEADER_TIME, 8 * 1024, 1024);

    @TempDir
    static Path dir;

    static SelfSignedPem pair;

    @BeforeAll
    static void makeKeyPair() throws Exception {
        pair = SelfSignedPem.rsa(dir);
    }

    @Test
    void aKeptAliveTlsConnectionIsServedAgainAfterSeveralHeaderTimes() throws Exception {
        try (BoundedServer server = start(); SSLSocket s = tls("127.0.0.1", server)) {
            assertThat(get(s)).isEqualTo(200);

            Thread.sleep(HEADER_TIME.multipliedBy(4).toMillis());

            assertThat(get(s)).as("the same connection, quiet between requests").isEqualTo(200);
        }
    }

    @Test
    void aTlsConnectionOpenedAheadOfItsFirstRequestIsKept() throws Exception {
        // As a browser opens one before it is needed: the handshake done, no request yet.
        try (BoundedServer server = start(); SSLSocket s = tls("127.0.0.1", server)) {
            Thread.sleep(HEADER_TIME.multipliedBy(4).toMillis());

            assertThat(get(s)).as("the first request, seconds after the handshake").isEqualTo(200);
        }
    }

    @Test
    void eachTlsConnectionCountsOnceTowardsItsClientsShare() throws Exception {
        try (BoundedServer server = start()) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < PER_CLIENT; i++) {
                    SSLSocket s = tls("127.0.0.1", server);
                    held.add(s);
                    assertThat(get(s)).as("connection " + (i + 1) + " of " + PER_CLIENT).isEqualTo(200);
                }
                boolean refused;
                try {
                    SSLSocket over = tls("127.0.0.1", server);
                    held.add(over);
                    refused = closedByServer(over, Duration.ofSeconds(5));
                } catch (IOException closedDuringHandshake) {
                    refused = true;
                }
                assertThat(refused).as("a connection past the client's share is closed").isTrue();

                try (SSLSocket other = tls("127.0.0.2", server)) {
                    assertThat(get(other)).as("another client meanwhile").isEqualTo(200);
                }
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aHandshakeTricklingInIsDroppedWithinSeconds() throws Exception {
        try (BoundedServer server = start(); Socket s = from("127.0.0.1", server)) {
            // A TLS record header announcing a 512-byte ClientHello, whose bytes then come one by one.
            s.getOutputStream().write(new byte[]{0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xFC, 0x03, 0x03});

            assertDroppedWhileTrickling(s, () -> s.getOutputStream().write(0x42));
        }
    }

    @Test
    void aRequestTricklingInOverTlsIsDroppedWithinSeconds() throws Exception {
        try (BoundedServer server = start(); SSLSocket s = tls("127.0.0.1", server)) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();

            assertDroppedWhileTrickling(s, () -> {
                s.getOutputStream().write('a');
                s.getOutputStream().flush();
            });
        }
    }

    @Test
    void aBodyPastTheLimitIsRefusedOverTls() throws Exception {
        try (BoundedServer server = start();
             Response r = pair.client().newCall(new Request.Builder().url(PemTlsTest.https(server))
                     .post(RequestBody.create(new byte[4096], MediaType.get("application/octet-stream"))).build()).execute()) {
            assertThat(r.code()).isEqualTo(413);
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void assertDroppedWhileTrickling(Socket s, Write trickle) throws Exception {
        long start = System.nanoTime();
        boolean dropped = false;
        while (!dropped && System.nanoTime() - start < Duration.ofSeconds(15).toNanos()) {
            Thread.sleep(300);
            try {
                trickle.run();
            } catch (IOException closed) {
                dropped = true;
            }
            dropped = dropped || closedByServer(s, Duration.ofMillis(1));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(dropped).as("dropped within 15 s").isTrue();
        assertThat(took).as("time to drop it").isLessThan(HEADER_TIME.multipliedBy(5));
    }

    private static BoundedServer start() throws Exception {
        return BoundedServer.start(PemTlsTest.loopback(), LIMITS, PemTlsTest.hello(),
                PemTls.fromPem(pair.certificateFile(), pair.keyFile()));
    }

    private static Socket from(String client, BoundedServer server) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(client), 0));
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.address().getPort()), 5000);
        s.setSoTimeout(5000);
        return s;
    }

    private static SSLSocket tls(String client, BoundedServer server) throws Exception {
        Socket plain = from(client, server);
        SSLSocket s = (SSLSocket) pair.clientContext().getSocketFactory().createSocket(plain, "127.0.0.1",
                server.address().getPort(), true);
        s.setSoTimeout(5000);
        s.startHandshake();
        return s;
    }

    /** Sends a GET on {@code s} and reads the whole answer (it declares its length); returns its status. */
    private static int get(Socket s) throws IOException {
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed by the server after " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(headers.substring(9, 12));
    }

    private static boolean closedByServer(Socket s, Duration wait) throws IOException {
        int before = s.getSoTimeout();
        s.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        } finally {
            if (!s.isClosed()) {
                s.setSoTimeout(before);
            }
        }
    }
}
