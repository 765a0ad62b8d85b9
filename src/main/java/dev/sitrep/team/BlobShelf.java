package dev.sitrep.team;

import java.util.Optional;

/**
 * Where a platform keeps evidence blobs, content-addressed by their SHA-256: the sandbox in memory,
 * the hub in its database (so every hub process serves every blob).
 */
public interface BlobShelf {

    boolean has(String sha256);

    /** Keeps bytes already checked against their SHA-256; keeping the same blob again changes nothing. */
    void put(String sha256, byte[] bytes, String by);

    Optional<byte[]> get(String sha256);

    /** The largest blob taken. */
    long limit();
}
