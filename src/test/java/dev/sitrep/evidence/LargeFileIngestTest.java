package dev.sitrep.evidence;

import dev.sitrep.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A 200 MB file through {@code sitrep evidence add} in a JVM allowed 64 MB of heap: streamed, hashed, reported. */
class LargeFileIngestTest {

    @TempDir
    Path tmp;

    @Test
    void twoHundredMegabytesGoThroughASixtyFourMegabyteHeapWithProgress() throws Exception {
        Path data = tmp.resolve("data");
        ChildJvm.Result declared = ChildJvm.sitrep(List.of(), "incident", "declare", "--title", "Disk image",
                "--data-dir", data.toString(), "--json");
        assertThat(declared.code()).as(declared.err()).isZero();
        String id = declared.out().replaceAll("(?s).*\"id\"\\s*:\\s*\"(INC-[^\"]+)\".*", "$1");

        Path big = tmp.resolve("disk.img");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(42);
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(big), sha)) {
            for (int i = 0; i < 200; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        String expected = HexFormat.of().formatHex(sha.digest());

        ChildJvm.Result added = ChildJvm.sitrep(List.of("-Xmx64m"), "evidence", "add", id, big.toString(), "--progress",
                "--data-dir", data.toString());
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains(expected + "  209715200  disk.img");
        assertThat(added.err().lines().filter(l -> l.startsWith("disk.img: ")).toList())
                .as("a progress line at each tenth").hasSize(10).last().asString().startsWith("disk.img: 100%");
        assertThat(Files.size(data.resolve("evidence/sha256").resolve(expected.substring(0, 2)).resolve(expected)))
                .isEqualTo(209_715_200L);
    }
}
