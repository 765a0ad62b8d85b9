package dev.sitrep.testing;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** A server behind a {@link TcpProxy} goes away for its clients at once on a cut, and comes back on the same port. */
class TcpProxyTest {

    /** Short enough that a hung client shows as a slow failure; the failures below come well before. */
    private static final String TIMEOUTS = "&connectTimeout=2&socketTimeout=5&loginTimeout=5";

    private static TestPostgres db;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void bytesPassBothWaysUntilACutEndsOpenConnectionsAndRefusesNewOnesUntilRestored() throws Exception {
        try (ServerSocket echo = echoServer(); TcpProxy proxy = TcpProxy.start("127.0.0.1", echo.getLocalPort())) {
            int port = proxy.port();
            byte[] payload = new byte[1 << 20];
            new Random(7).nextBytes(payload);
            Socket open = connect(port);
            open.getOutputStream().write(payload);
            assertThat(open.getInputStream().readNBytes(payload.length)).as("1 MB echoed through the proxy").isEqualTo(payload);

            proxy.cut();

            assertEndsWithin(open, Duration.ofSeconds(2));
            try (Socket during = connect(port)) {
                assertEndsWithin(during, Duration.ofSeconds(2));
            }

            proxy.restore();

            assertThat(proxy.port()).isEqualTo(port);
            try (Socket after = connect(port)) {
                after.getOutputStream().write("back".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(after.getInputStream().readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("back");
            }
            open.close();
        }
    }

    @Test
    void aHalfCloseReachesTheServerAndItsAnswerStillComesBack() throws Exception {
        try (ServerSocket echo = echoServer(); TcpProxy proxy = TcpProxy.start("127.0.0.1", echo.getLocalPort());
             Socket s = connect(proxy.port())) {
            s.getOutputStream().write("last words".getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();

            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("last words");
        }
    }

    @Test
    void postgresBehindTheProxyFailsWithinSecondsWhenCutAndAFreshConnectionWorksWhenRestored() throws Exception {
        try (TcpProxy proxy = TcpProxy.start("127.0.0.1", 5432)) {
            String url = db.jdbcUrlThrough(proxy.port()) + TIMEOUTS;
            try (Connection before = DriverManager.getConnection(url)) {
                assertThat(selectOne(before)).isEqualTo(1);

                proxy.cut();

                assertFailsWithinSeconds("a query on a connection open at the cut", () -> selectOne(before));
                assertFailsWithinSeconds("a new connection while cut", () -> DriverManager.getConnection(url).close());
            }

            proxy.restore();

            try (Connection after = DriverManager.getConnection(url)) {
                assertThat(selectOne(after)).isEqualTo(1);
            }
        }
    }

    private static void assertFailsWithinSeconds(String what, ThrowingCallable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call).as(what).isInstanceOf(SQLException.class)
                .satisfies(e -> System.out.printf("proxy cut: %s failed after %d ms: %s%n", what,
                        (System.nanoTime() - start) / 1_000_000, e.getMessage()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(what).isLessThan(Duration.ofSeconds(5));
    }

    private static int selectOne(Connection c) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery("SELECT 1")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** The connection reads its end (or a reset) within {@code limit}: the peer is gone, not merely quiet. */
    private static void assertEndsWithin(Socket s, Duration limit) throws IOException {
        s.setSoTimeout((int) limit.toMillis());
        InputStream in = s.getInputStream();
        try {
            byte[] buffer = new byte[8192];
            int n = in.read(buffer);
            assertThat(n).as("read after the cut, got " + Arrays.toString(Arrays.copyOf(buffer, Math.max(n, 0))))
                    .isEqualTo(-1);
        } catch (SocketTimeoutException quiet) {
            fail("the connection was still open " + limit.toMillis() + " ms after the cut");
        } catch (IOException reset) {
            // ended by a reset: as good as an end
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port);
        s.setSoTimeout(10_000);
        return s;
    }

    /** Echoes what each connection sends, and closes its side after the client closes its own. */
    private static ServerSocket echoServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread echo = new Thread(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException ignored) {
                            // the proxy cut it
                        }
                    }, "echo");
                    echo.setDaemon(true);
                    echo.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "echo-accept");
        accept.setDaemon(true);
        accept.start();
        return server;
    }
}
