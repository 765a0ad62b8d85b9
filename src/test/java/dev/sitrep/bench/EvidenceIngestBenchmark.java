package dev.sitrep.bench;

import dev.sitrep.evidence.BlobStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingesting a 1 GiB file as evidence (streamed, hashed, stored) beside {@code sha256sum} of the same
 * file in the same run. Goal: at least 0.8x sha256sum's throughput.
 */
@Tag("bench")
class EvidenceIngestBenchmark {

    private static final long SIZE = 1L << 30;

    @TempDir
    Path tmp;

    @Test
    void ingestAGibibyteBesideSha256sum() throws Exception {
        Path file = tmp.resolve("disk.img");
        byte[] chunk = new byte[1 << 20];
        new Random(7).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += chunk.length) {
                chunk[0]++;
                out.write(chunk);
            }
        }
        sha256sum(file); // warm the page cache for both
        long[] ours = new long[3];
        long[] theirs = new long[3];
        String hash = null;
        for (int i = 0; i < ours.length; i++) {
            long t = System.nanoTime();
            String expected = sha256sum(file);
            theirs[i] = System.nanoTime() - t;
            BlobStore blobs = new BlobStore(tmp.resolve("data-" + i), () -> 2 * SIZE);
            t = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                hash = blobs.put("disk.img", in, SIZE, BlobStore.Progress.NONE, () -> false).sha256();
            }
            ours[i] = System.nanoTime() - t;
            assertThat(hash).isEqualTo(expected);
            Files.delete(blobs.path(hash));
        }
        double mbOurs = SIZE / 1e6 / (BenchData.median(ours) / 1e9);
        double mbTheirs = SIZE / 1e6 / (BenchData.median(theirs) / 1e9);
        System.out.printf("BENCH evidence-ingest: 1 GiB file streamed, hashed and stored: %.0f MB/s | sha256sum of the "
                + "same file (baseline, hash only, no copy): %.0f MB/s | ratio %.2fx (goal >= 0.8x)%n", mbOurs, mbTheirs,
                mbOurs / mbTheirs);
    }

    private static String sha256sum(Path file) throws Exception {
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        return out.split("\\s+")[0];
    }
}
