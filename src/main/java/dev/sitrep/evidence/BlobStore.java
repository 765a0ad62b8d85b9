package dev.sitrep.evidence;

import dev.sitrep.core.ByteSize;
import dev.sitrep.core.SitrepException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Evidence bytes, content-addressed: {@code <data-dir>/evidence/sha256/ab/abcdef…}. A capture is
 * streamed to a temporary file while it is hashed (a file of several GB is never held in memory),
 * then moved into place under its hash; the same content is stored once. A failure, a
 * cancellation or a capture over the limit leaves nothing behind.
 */
public final class BlobStore {

    /** Told how far a capture has got, in bytes. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        /** @param total the expected size, or -1 when unknown */
        void at(long done, long total);
    }

    /** A stored blob: its hash and its size. */
    public record Stored(String sha256, long size) {
    }

    /** Opens the temporary file a capture is written to; tests inject a full disk here. */
    interface Sink {
        OutputStream open(Path temp) throws IOException;
    }

    private static final int BUFFER = 1 << 16;

    private final Path root;
    private final LongSupplier limit;
    private final Sink sink;

    /** @param limit the largest capture accepted, in bytes, read at each capture (a workspace setting) */
    public BlobStore(Path dataDir, LongSupplier limit) {
        this(dataDir, limit, Files::newOutputStream);
    }

    BlobStore(Path dataDir, LongSupplier limit, Sink sink) {
        this.root = dataDir.resolve("evidence").resolve("sha256");
        this.limit = limit;
        this.sink = sink;
    }

    public long limit() {
        return limit.getAsLong();
    }

    /** Where the blob with this hash is (it may not exist). */
    public Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Streams {@code in} into the store while hashing it.
     *
     * @param name      how messages name what is being stored
     * @param total     the expected size for progress, or -1
     * @param cancelled asked between chunks; true stops the capture and stores nothing
     */
    public Stored put(String name, InputStream in, long total, Progress progress, BooleanSupplier cancelled) {
        MessageDigest digest = sha256();
        long limit = this.limit.getAsLong();
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempFile(root, "capture-", ".part");
            long done = 0;
            try (OutputStream out = sink.open(temp)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (cancelled.getAsBoolean()) {
                        throw new SitrepException(SitrepException.Kind.INVALID_INPUT, "Capture of " + name
                                + " cancelled; nothing was stored.");
                    }
                    done += n;
                    if (done > limit) {
                        throw SitrepException.invalid(name + " is larger than the evidence limit of " + ByteSize.format(limit)
                                + "; nothing was stored. Raise the limit (Settings, or sitrep evidence limit SIZE), or capture a part of it.");
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    progress.at(done, total);
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            Path target = path(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                move(temp, target);
                target.toFile().setReadOnly();
            }
            temp = null;
            return new Stored(hash, done);
        } catch (IOException e) {
            if (diskFull(e)) {
                throw SitrepException.invalid("The disk holding the data directory is full (" + e.getMessage()
                        + ") while storing " + name + "; nothing was stored. Free some space on it, or move the data "
                        + "directory (--data-dir or SITREP_DATA_DIR) to a bigger disk, then capture it again.");
            }
            throw SitrepException.invalid("Could not store " + name + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); nothing was stored. Check that it is readable and that the disk has room.");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover .part file is never read; the next capture's name differs
                }
            }
        }
    }

    /** ENOSPC as the JDK reports it on Linux, macOS and Windows. */
    private static boolean diskFull(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("no space left") || m.contains("not enough space") || m.contains("disk full")
                || m.contains("there is not enough space on the disk");
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        } catch (FileAlreadyExistsException raced) {
            Files.delete(temp); // another process stored the same bytes at the same moment
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
