package dev.sitrep.hub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Personal tokens: 256 random bits, shown once; the hub keeps only their SHA-256. */
final class Tokens {

    /** Every hub token starts so, which makes one easy to spot in a leaked file or a log. */
    static final String PREFIX = "sitrep_hub_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
