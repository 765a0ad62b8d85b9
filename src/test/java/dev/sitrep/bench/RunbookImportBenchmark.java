package dev.sitrep.bench;

import dev.sitrep.runbook.importer.ImportOptions;
import dev.sitrep.runbook.importer.ImportResult;
import dev.sitrep.runbook.importer.RunbookImporter;
import dev.sitrep.testing.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing and validating a generated 5,000-line runbook. In a fresh JVM: {@code sitrep runbook
 * import FILE --out OUT} (import, the validator, the check against the library, the write) beside
 * {@code sitrep --version} started the same way; goal: it adds less than 500 ms. Warm, in process:
 * the importer (which reads its own output back through the validator) beside a plain pass that
 * splits the lines and runs one regular expression over each. Run with {@code mvn -Pbench verify}.
 */
@Tag("bench")
class RunbookImportBenchmark {

    private static final int LINES = 5_000;
    private static final Pattern BASELINE = Pattern.compile("^\\s*(?:[-*]|\\d+\\.)\\s+(.*)$|^#{1,6}\\s|\\|");

    @TempDir
    Path dir;

    @Test
    void importingFiveThousandLines() throws Exception {
        String text = BenchData.markdownRunbook(LINES);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path source = Files.write(dir.resolve("platform-failures.md"), bytes);
        long lines = text.lines().count();
        assertThat(lines).isGreaterThanOrEqualTo(LINES);

        long cold = timeImport(bytes);
        for (int i = 0; i < 5; i++) {
            timeImport(bytes);
            timeBaseline(text);
        }
        long[] imports = new long[9];
        long[] baselines = new long[9];
        for (int round = 0; round < imports.length; round++) {
            baselines[round] = timeBaseline(text);
            imports[round] = timeImport(bytes);
        }
        ImportResult result = RunbookImporter.importBytes(source.toString(), bytes, ImportOptions.defaults());
        assertThat(result.valid()).isTrue();
        assertThat(result.notes()).isEmpty();
        long i = BenchData.median(imports);
        long b = BenchData.median(baselines);
        System.out.printf("BENCH runbook-import: import + validate a %,d-line runbook (%,d KB; %s) in process: %.1f ms "
                        + "(first in this JVM: %.1f ms) | line split + one regex per line (baseline): %.2f ms | ratio %.0fx%n",
                lines, bytes.length / 1024, result.summary().replaceFirst("^Imported \"[^\"]*\" as [^:]*: ", ""), i / 1e6,
                cold / 1e6, b / 1e6, (double) i / b);

        Path dataDir = Files.createDirectories(dir.resolve("data"));
        Path out = dir.resolve("out.json");
        long[] process = new long[3];
        long[] version = new long[3];
        for (int round = 0; round < process.length; round++) {
            version[round] = timeChild("--version");
            process[round] = timeChild("runbook", "import", source.toString(), "--out", out.toString(), "--force",
                    "--data-dir", dataDir.toString());
        }
        long p = BenchData.median(process);
        long v = BenchData.median(version);
        System.out.printf("BENCH runbook-import-process: 'sitrep runbook import' of the %,d-line runbook with --out, fresh "
                        + "JVM: %,d ms | 'sitrep --version' in a fresh JVM (baseline): %,d ms | Sitrep adds +%,d ms "
                        + "(goal: < 500 ms)%n", lines, p / 1_000_000, v / 1_000_000, (p - v) / 1_000_000);
    }

    private static long timeImport(byte[] bytes) {
        long start = System.nanoTime();
        ImportResult r = RunbookImporter.importBytes("bench.md", bytes, ImportOptions.defaults());
        long took = System.nanoTime() - start;
        assertThat(r.problems()).isEmpty();
        return took;
    }

    private static long timeBaseline(String text) {
        long start = System.nanoTime();
        int matched = 0;
        for (String line : text.split("\n", -1)) {
            if (BASELINE.matcher(line).find()) {
                matched++;
            }
        }
        long took = System.nanoTime() - start;
        assertThat(matched).isPositive();
        return took;
    }

    private static long timeChild(String... args) throws Exception {
        long start = System.nanoTime();
        ChildJvm.Result r = ChildJvm.sitrep(List.of(), args);
        long took = System.nanoTime() - start;
        assertThat(r.code()).as(r.err()).isZero();
        return took;
    }
}
