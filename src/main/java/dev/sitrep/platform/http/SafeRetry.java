package dev.sitrep.platform.http;

import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one HTTP call and, when a platform closed a connection the pool kept (it answers HTTP/1.0
 * style, or its idle timeout is shorter than the pool's), sends it once more on a fresh connection,
 * but only when that cannot apply a write twice:
 * <ul>
 *   <li>a read ({@code GET}) that failed on a connection from the pool;</li>
 *   <li>any request that never left whole: no connection could be made, or it failed before its
 *       last byte was written. Before a request goes out on a pooled connection, the connection is
 *       checked for the platform having closed it; if it has, the request fails there, unsent.</li>
 * </ul>
 * A timeout is never retried (the call's time is spent), nor a write that left whole: the
 * platform may have applied it. So a call is tried at most twice.
 */
final class SafeRetry {

    private SafeRetry() {
    }

    static Response execute(OkHttpClient client, Request request) throws IOException {
        Trace trace = new Trace();
        try {
            return client.newBuilder().eventListener(trace).addNetworkInterceptor(trace::checkPooled).build()
                    .newCall(request).execute();
        } catch (InterruptedIOException timeout) {
            throw timeout;
        } catch (IOException e) {
            if (!trace.safeToRetry(request)) {
                throw e;
            }
            try {
                return client.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build()
                        .newCall(request).execute();
            } catch (IOException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    /** What happened to one try: whether it opened its own connection, and whether the request left whole. */
    private static final class Trace extends EventListener {

        private volatile boolean connected;
        private volatile boolean sent;

        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            connected = true;
        }

        @Override
        public void requestHeadersEnd(Call call, Request request) {
            sent = request.body() == null;
        }

        @Override
        public void requestBodyEnd(Call call, long byteCount) {
            sent = true;
        }

        boolean safeToRetry(Request request) {
            return !sent || (request.method().equals("GET") && !connected);
        }

        /** Fails the request, unsent, when the pooled connection it is about to use was closed by the platform. */
        Response checkPooled(Interceptor.Chain chain) throws IOException {
            Connection connection = chain.connection();
            if (!connected && connection != null && closedByPeer(connection.socket())) {
                connection.socket().close();
                throw new IOException("the platform had closed the pooled connection");
            }
            return chain.proceed(chain.request());
        }

        /** An idle connection has nothing to read: the end of the stream, or anything at all, means it is done. */
        private static boolean closedByPeer(Socket socket) throws IOException {
            int timeout = socket.getSoTimeout();
            try {
                socket.setSoTimeout(1);
                socket.getInputStream().read();
                return true;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            } finally {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(timeout);
                }
            }
        }
    }
}
