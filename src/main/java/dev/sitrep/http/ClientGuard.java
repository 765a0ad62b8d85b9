package dev.sitrep.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches every connection of a server (as its connection listener) and every request (as its
 * outermost handler). It closes a connection past {@link ServerLimits#connectionsPerClient} from
 * one address at once, and one that is sending the bytes of a request for longer than
 * {@link ServerLimits#headerTime} without it arriving whole. While a handler holds a request it
 * decides when that ends: idle time then does not close the connection (a pending read or write
 * still times out). Over TLS the connection watched is the one on the network (its HTTP connection
 * inside is mapped to it): it counts once towards its client's share, its bytes include the
 * handshake's, so a handshake trickling in is dropped like a request, and a connection that has
 * shaken hands and not yet asked (a browser's connection opened ahead) is at rest.
 */
final class ClientGuard extends Handler.Wrapper implements Connection.Listener {

    private final int perClient;
    private final Duration headerTime;
    private final Scheduler scheduler;
    private final Map<InetAddress, Integer> clients = new ConcurrentHashMap<>();
    private final Map<Connection, Watched> watched = new ConcurrentHashMap<>();

    ClientGuard(ServerLimits limits, Scheduler scheduler, Handler handler) {
        super(handler);
        this.perClient = limits.connectionsPerClient();
        this.headerTime = limits.headerTime();
        this.scheduler = scheduler;
    }

    /** One connection: its client, the requests it has made, and whether one is being handled. */
    private static final class Watched {
        final InetAddress client;
        final AtomicInteger handling = new AtomicInteger();
        final AtomicLong requests = new AtomicLong();
        /** Bytes read when no request was under way last (a request's bytes come after). */
        volatile long bytesAtRest;
        long requestsAtCheck = -1;
        boolean partialAtCheck;
        volatile Scheduler.Task check;

        Watched(InetAddress client) {
            this.client = client;
        }
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection.getEndPoint() instanceof SslConnection.SslEndPoint) {
            return;
        }
        Watched w = new Watched(client(connection.getEndPoint().getRemoteSocketAddress()));
        watched.put(connection, w);
        if (w.client != null && clients.merge(w.client, 1, Integer::sum) > perClient) {
            connection.getEndPoint().close();
            return;
        }
        if (connection instanceof SslConnection tls) {
            // Called before the connection reads a byte, so before its handshake can end.
            tls.addHandshakeListener(new SslHandshakeListener() {
                @Override
                public void handshakeSucceeded(Event event) {
                    w.bytesAtRest = tls.getBytesIn();
                }
            });
        }
        w.check = scheduler.schedule(() -> check(connection, w), headerTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {
        Watched w = watched.remove(connection);
        if (w == null) {
            return;
        }
        Scheduler.Task check = w.check;
        if (check != null) {
            check.cancel();
        }
        if (w.client != null) {
            clients.computeIfPresent(w.client, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = network(request.getConnectionMetaData().getConnection());
        Watched w = watched.get(connection);
        if (w != null) {
            w.requests.incrementAndGet();
            w.handling.incrementAndGet();
            Request.addCompletionListener(request, failure -> {
                w.bytesAtRest = connection.getBytesIn();
                w.handling.decrementAndGet();
            });
        }
        request.addIdleTimeoutListener(timeout -> false);
        return super.handle(request, response, callback);
    }

    /**
     * A connection is partway through a request when bytes came after the last request ended and no
     * handler has one; partway at two checks in a row with no request between, it is dropped.
     */
    private void check(Connection connection, Watched w) {
        if (!watched.containsKey(connection)) {
            return;
        }
        long requests = w.requests.get();
        boolean partial = w.handling.get() == 0 && connection.getBytesIn() > w.bytesAtRest;
        if (partial && w.partialAtCheck && requests == w.requestsAtCheck) {
            connection.getEndPoint().close();
            return;
        }
        w.partialAtCheck = partial;
        w.requestsAtCheck = requests;
        w.check = scheduler.schedule(() -> check(connection, w), headerTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The connection on the network that carries {@code connection}: itself, or the TLS connection it is inside. */
    private static Connection network(Connection connection) {
        return connection.getEndPoint() instanceof SslConnection.SslEndPoint inside ? inside.getSslConnection() : connection;
    }

    private static InetAddress client(SocketAddress remote) {
        return remote instanceof InetSocketAddress a ? a.getAddress() : null;
    }
}
