package dev.sitrep.http;

import java.time.Duration;

/**
 * What the clients of one {@link BoundedServer} may take from it, together.
 *
 * @param name                 the server's threads are called {@code name-<id>}
 * @param threads              the most threads it runs; waiting for a client holds none
 * @param connections          connections open at once; past that, new ones wait to be accepted
 * @param connectionsPerClient connections open at once from one address; past that, a new one is closed
 * @param idleTimeout          a connection with nothing to read or write for this long is closed
 * @param headerTime           a request whose line and headers take longer than this (at most twice this) to
 *                             arrive is dropped with its connection, however slowly its bytes trickle in
 * @param headerBytes          the largest request line and headers; more is answered 431
 * @param bodyBytes            the largest request body; more is answered 413, before it is read when it is declared
 */
public record ServerLimits(String name, int threads, int connections, int connectionsPerClient, Duration idleTimeout,
                           Duration headerTime, int headerBytes, long bodyBytes) {
}
