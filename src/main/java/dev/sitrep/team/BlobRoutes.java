package dev.sitrep.team;

import dev.sitrep.core.Json;
import dev.sitrep.http.Exchange;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /sitrep/v1/blobs/SHA256}: evidence blobs, uploaded once and verified on receipt
 * (platform-api.md, "Evidence blobs"). {@code HEAD} says whether the platform has one,
 * {@code PUT} uploads it (its SHA-256 must be the one in the path, its size within the platform's
 * limit), {@code GET} downloads it.
 */
public final class BlobRoutes {

    /** The path under the contract's prefix. */
    public static final String PATH = "blobs/";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private BlobRoutes() {
    }

    /** Whether {@code route} ("PUT blobs/...") is a blob request. */
    public static boolean matches(String route) {
        int space = route.indexOf(' ');
        return space > 0 && route.startsWith(PATH, space + 1);
    }

    /** Answers a blob request as {@code by} (the person, or null on a platform without people). */
    public static void serve(Exchange x, String route, BlobShelf shelf, String by) {
        String method = route.substring(0, route.indexOf(' '));
        String sha = route.substring(route.indexOf(' ') + 1 + PATH.length());
        if (!SHA256.matcher(sha).matches()) {
            x.sendJson(400, ContractRequests.error("\"" + dev.sitrep.core.Limits.foreign(sha, 80) + "\" is not a SHA-256: "
                    + "a blob's path is /sitrep/v1/blobs/ and its 64 lowercase hex digits"));
            return;
        }
        switch (method) {
            case "HEAD" -> x.send(shelf.has(sha) ? 200 : 404, "application/json", "");
            case "GET" -> {
                Optional<byte[]> bytes = shelf.get(sha);
                if (bytes.isPresent()) {
                    x.sendBytes(200, "application/octet-stream", bytes.get());
                } else {
                    x.sendJson(404, ContractRequests.error("no blob " + sha + " here: the console that captured it has "
                            + "not uploaded it (yet, or it was over this platform's limit)"));
                }
            }
            case "PUT" -> put(x, sha, shelf, by);
            default -> x.sendJson(405, ContractRequests.error(method + " is not served for blobs; use HEAD, GET or PUT"));
        }
    }

    private static void put(Exchange x, String sha, BlobShelf shelf, String by) {
        byte[] bytes = x.body();
        if (bytes.length > shelf.limit()) {
            x.sendJson(413, ContractRequests.error("the blob is " + bytes.length + " bytes; this platform takes blobs of at "
                    + "most " + shelf.limit() + " bytes. Its record is shared; the bytes stay with the console that has them"));
            return;
        }
        String actual = sha256(bytes);
        if (!actual.equals(sha)) {
            x.sendJson(400, ContractRequests.error("the bytes' SHA-256 is " + actual + ", not " + sha
                    + " as the path says; nothing was kept (the upload was damaged on the way: send it again)"));
            return;
        }
        boolean had = shelf.has(sha);
        if (!had) {
            shelf.put(sha, bytes, by);
        }
        x.sendJson(had ? 200 : 201, Json.MAPPER.createObjectNode().put("sha256", sha).put("size", bytes.length)
                .put("stored", had ? "already here" : "kept"));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
