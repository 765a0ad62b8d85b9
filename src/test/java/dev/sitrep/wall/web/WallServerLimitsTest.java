package dev.sitrep.wall.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * What one client, or many, can take from the browser wall: threads, connections, time to send
 * a request, an event-stream slot after leaving; and which Host names a loopback wall answers.
 * Clients from other loopback addresses (127.0.0.x, all of them this machine on Linux) stand in
 * for other machines.
 */
class WallServerLimitsTest {

    /** More than any limit the wall should set on one client, far fewer than a thread each would cost. */
    private static final int ONE_CLIENTS_SHARE = 40;

    @TempDir
    Path dir;

    @Test
    void halfOpenRequestsHoldNoThreadsAreClosedWithinSecondsAndOthersAreServedMeanwhile() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.loopbackOnly())) {
            int port = wall.server.address().getPort();
            long heapBefore = usedHeap();
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int client = 10; client < 40; client++) {
                    for (int i = 0; i < 10; i++) {
                        Socket s = from("127.0.0." + client, port);
                        s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Never: ")
                                .getBytes(StandardCharsets.US_ASCII));
                        stalled.add(s);
                    }
                }
                Thread.sleep(1000);
                long threads = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("sitrep-wall-http")).count();
                System.out.printf("wall: %d half-open requests -> %d server threads, heap %+d MB%n", stalled.size(),
                        threads, (usedHeap() - heapBefore) / (1024 * 1024));
                assertThat(threads).as("server threads with 300 half-open requests").isLessThanOrEqualTo(32);

                assertThat(status(from("127.0.0.2", port), "/healthz", "127.0.0.1:" + port)).as("a normal client")
                        .isEqualTo(200);

                long start = System.nanoTime();
                for (Socket s : stalled) {
                    assertThat(closedByServer(s, Duration.ofSeconds(20).minusNanos(System.nanoTime() - start)))
                            .as("the server closed a half-open request").isTrue();
                }
                System.out.printf("wall: all closed after %d ms%n", (System.nanoTime() - start) / 1_000_000 + 1000);
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aRequestTricklingInByteByByteIsDroppedWithinSecondsThoughItIsNeverIdle() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.loopbackOnly());
             Socket s = from("127.0.0.1", wall.server.address().getPort())) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean dropped = false;
            while (!dropped && System.nanoTime() - start < Duration.ofSeconds(15).toNanos()) {
                Thread.sleep(300);
                try {
                    s.getOutputStream().write('a');
                } catch (IOException closed) {
                    dropped = true;
                }
                dropped = dropped || closedByServer(s, Duration.ofMillis(1));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(dropped).as("dropped within 15 s").isTrue();
            assertThat(took).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aConnectionQuietBetweenRequestsIsKept() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.loopbackOnly());
             Socket s = from("127.0.0.1", wall.server.address().getPort())) {
            s.setSoTimeout(5000);
            for (int i = 0; i < 2; i++) {
                s.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + wall.server.address().getPort()
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).as("request " + i)
                        .isEqualTo("HTTP/1.1 200");
                s.getInputStream().skipNBytes(s.getInputStream().available());
                Thread.sleep(5000);
            }
        }
    }

    @Test
    void aClientPastItsShareOfConnectionsIsRefusedWhileAnotherClientIsServed() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.loopbackOnly())) {
            int port = wall.server.address().getPort();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < ONE_CLIENTS_SHARE; i++) {
                    Socket s = from("127.0.0.1", port);
                    s.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                    held.add(s);
                }
                Thread.sleep(300);
                Socket more = from("127.0.0.1", port);
                held.add(more);
                assertThat(refused(more, port)).as("one more connection from the same client").isTrue();

                assertThat(status(from("127.0.0.2", port), "/healthz", "127.0.0.1:" + port)).as("another client")
                        .isEqualTo(200);
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void anEventStreamTheClientClosedFreesItsSlotWithinASecond() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.loopbackOnly())) {
            int port = wall.server.address().getPort();
            Socket stream = from("127.0.0.1", port);
            stream.setSoTimeout(5000);
            stream.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(stream.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).endsWith("200");
            assertThat(wall.server.openStreams()).isEqualTo(1);

            stream.close();
            long closed = System.nanoTime();
            while (wall.server.openStreams() > 0 && System.nanoTime() - closed < Duration.ofSeconds(3).toNanos()) {
                Thread.sleep(10);
            }
            Duration held = Duration.ofNanos(System.nanoTime() - closed);

            assertThat(wall.server.openStreams()).isZero();
            assertThat(held).as("the slot was held after the client left").isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void onPort80AHostWithoutAPortIsThisServerButOtherHostsStillAreNot() throws Exception {
        InetSocketAddress port80 = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80);
        for (String host : List.of("127.0.0.1", "localhost", "[::1]", "LOCALHOST", "127.0.0.1:80", "localhost:80")) {
            assertThat(WallAccess.namesLoopback(host, port80)).as(host).isTrue();
        }
        for (String host : List.of("evil.example", "evil.example:80", "127.0.0.1:8080", "127.0.0.1.evil.example",
                "localhost:", "localhost:080x", "")) {
            assertThat(WallAccess.namesLoopback(host, port80)).as(host).isFalse();
        }
        assertThat(WallAccess.namesLoopback(null, port80)).isFalse();

        InetSocketAddress other = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8080);
        assertThat(WallAccess.namesLoopback("127.0.0.1:8080", other)).isTrue();
        assertThat(WallAccess.namesLoopback("127.0.0.1", other)).as("no port means 80").isFalse();
    }

    private static Socket from(String client, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(client), 0));
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
        return s;
    }

    private static int status(Socket s, String path, String host) throws IOException {
        try (s) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return Integer.parseInt(new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII).substring(9));
        }
    }

    /** Whether a whole request on {@code s} is not answered, the connection closed, within 2 s. */
    private static boolean refused(Socket s, int port) throws IOException {
        try {
            s.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedAlready) {
            return true;
        }
        String answer = untilClosed(s, Duration.ofSeconds(2));
        return answer != null && !answer.startsWith("HTTP/1.1 200");
    }

    /** Whether the server closes {@code s} within {@code within} (an error answer before is fine). */
    private static boolean closedByServer(Socket s, Duration within) throws IOException {
        String answer = untilClosed(s, within);
        return answer != null && !answer.startsWith("HTTP/1.1 200");
    }

    /** What the server sent on {@code s} until it closed it, or {@code null} when still open after {@code within}. */
    private static String untilClosed(Socket s, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        InputStream in = s.getInputStream();
        StringBuilder read = new StringBuilder();
        try {
            for (int b; ; read.append((char) b)) {
                long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (left <= 0) {
                    return null;
                }
                s.setSoTimeout((int) left);
                if ((b = in.read()) == -1) {
                    return read.toString();
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return null;
        } catch (IOException reset) {
            return read.toString();
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
