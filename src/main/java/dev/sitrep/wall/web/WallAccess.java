package dev.sitrep.wall.web;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read the browser wall. On loopback alone, anyone on this machine (the server also
 * checks the Host header, so a web page cannot read it through DNS rebinding); once exposed
 * beyond loopback, only a request carrying the access token as {@code ?token=}. The token is
 * compared in constant time.
 */
public final class WallAccess {

    private final byte[] token;

    private WallAccess(byte[] token) {
        this.token = token;
    }

    /** No token: only for a server bound to a loopback address. */
    public static WallAccess loopbackOnly() {
        return new WallAccess(null);
    }

    /** A fresh random token: 32 bytes from {@code random}, URL-safe Base64 without padding (43 characters). */
    public static WallAccess randomToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new WallAccess(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).getBytes(StandardCharsets.US_ASCII));
    }

    /** The token the URL must carry, if one is required. */
    public Optional<String> token() {
        return token == null ? Optional.empty() : Optional.of(new String(token, StandardCharsets.US_ASCII));
    }

    public boolean requiresToken() {
        return token != null;
    }

    /** Whether a request with this raw query string (may be {@code null}) may be answered. */
    public boolean allows(String rawQuery) {
        if (token == null) {
            return true;
        }
        String given = parameter(rawQuery, "token");
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a request's {@code Host} header (may be {@code null}) names the loopback server bound
     * to {@code bound}: a page on another site that a rebinding DNS answer points here names its own
     * host. A Host without a port means HTTP's default, 80 (as browsers send it for a wall on port 80).
     */
    static boolean namesLoopback(String host, InetSocketAddress bound) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        int port = 80;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf(']')) {
            String digits = name.substring(colon + 1);
            if (!digits.matches("[0-9]{1,5}")) {
                return false;
            }
            port = Integer.parseInt(digits);
            name = name.substring(0, colon);
        }
        String address = bound.getAddress().getHostAddress();
        return port == bound.getPort() && Set.copyOf(List.of("127.0.0.1", "localhost", "[::1]",
                address.contains(":") ? "[" + address + "]" : address)).contains(name);
    }

    private static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
