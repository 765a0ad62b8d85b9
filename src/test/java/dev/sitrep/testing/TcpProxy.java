package dev.sitrep.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a loopback port in front of a real server (PostgreSQL, an HTTP server), so a test
 * can take the server away from its clients and give it back without stopping it. {@link #cut()}
 * resets every connection through the proxy, both ways, and from then on resets each new one as
 * soon as it is accepted; {@link #restore()} lets new ones through again, on the same port. The
 * port stays bound throughout (it is accepted and reset rather than freed), so no other socket can
 * take it while the server is "down"; a client sees a prompt failure (a reset or an end of
 * stream), never a hang. Bytes are copied as they come, half-closes pass through, and each
 * connection costs two daemon threads.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Object lock = new Object();
    private final Set<Pair> open = new HashSet<>();
    private boolean cut;
    private boolean closed;

    /** A client's connection and the proxy's own to the target; both closed once both directions end. */
    private static final class Pair {
        final Socket client;
        final Socket server;
        final AtomicInteger ended = new AtomicInteger();

        Pair(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void reset() {
            TcpProxy.reset(client);
            TcpProxy.reset(server);
        }
    }

    private TcpProxy(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
    }

    /** Listens on a free port of 127.0.0.1 and passes each connection on to {@code host:port}. */
    public static TcpProxy start(String host, int port) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, port), listener);
        daemon(proxy::acceptLoop, "tcp-proxy-" + listener.getLocalPort() + "-accept");
        return proxy;
    }

    /** The port clients connect to, the same before and after a cut. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Resets every connection through the proxy, both ways, and each new one until {@link #restore()}. */
    public void cut() {
        List<Pair> ending;
        synchronized (lock) {
            cut = true;
            ending = new ArrayList<>(open);
            open.clear();
        }
        ending.forEach(Pair::reset);
    }

    /** Passes new connections on to the target again. */
    public void restore() {
        synchronized (lock) {
            cut = false;
        }
    }

    /** Resets every connection and frees the port. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        cut();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (passing()) {
                daemon(() -> connect(client), "tcp-proxy-" + port() + "-connect");
            } else {
                reset(client);
            }
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target, CONNECT_TIMEOUT_MS);
        } catch (IOException unreachable) {
            reset(server);
            reset(client);
            return;
        }
        Pair pair = new Pair(client, server);
        synchronized (lock) {
            if (cut || closed) {
                pair.reset();
                return;
            }
            open.add(pair);
        }
        daemon(() -> pump(pair, client, server), "tcp-proxy-" + port() + "-up");
        daemon(() -> pump(pair, server, client), "tcp-proxy-" + port() + "-down");
    }

    /** Copies {@code from} to {@code to} until {@code from} ends (passed on as a half-close) or fails (both reset). */
    private void pump(Pair pair, Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            forget(pair);
            pair.reset();
            return;
        }
        if (pair.ended.incrementAndGet() == 2) {
            forget(pair);
            close(pair.client);
            close(pair.server);
        }
    }

    private boolean passing() {
        synchronized (lock) {
            return !cut && !closed;
        }
    }

    private void forget(Pair pair) {
        synchronized (lock) {
            open.remove(pair);
        }
    }

    /** Closes with a reset (no orderly end), so the peer fails at once whether it reads or writes. */
    private static void reset(Socket s) {
        try {
            if (!s.isClosed()) {
                s.setSoLinger(true, 0);
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        close(s);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
