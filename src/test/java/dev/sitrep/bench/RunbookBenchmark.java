package dev.sitrep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.runbook.BuiltInRunbooks;
import dev.sitrep.runbook.LoadedRunbook;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.testing.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading and validating 200 team runbooks (copies of the built-in triage tree, infrastructure
 * and lifecycle runbooks under new ids) through the library, beside plain Jackson
 * {@code readTree} of the same files (the floor: parsing with no checks). Goal: well under 1 s.
 * Also the whole {@code sitrep runbook list} in a fresh JVM beside {@code sitrep --version}.
 * Run with {@code mvn -Pbench verify}.
 */
@Tag("bench")
class RunbookBenchmark {

    private static final int RUNBOOKS = 200;

    @TempDir
    Path dataDir;

    @Test
    void loadingTwoHundredRunbooksAgainstPlainJackson() throws Exception {
        long bytes = BenchData.runbooks(RunbookLibrary.teamDirectory(dataDir), RUNBOOKS);
        long coldLibrary = timeLibrary();
        for (int i = 0; i < 5; i++) {
            timeLibrary();
            timeJackson();
        }
        long[] library = new long[7];
        long[] jackson = new long[7];
        for (int round = 0; round < library.length; round++) {
            jackson[round] = timeJackson();
            library[round] = timeLibrary();
        }
        RunbookLibrary loaded = RunbookLibrary.load(dataDir);
        assertThat(loaded.entries()).hasSize(RUNBOOKS + BuiltInRunbooks.FILES.size()).allMatch(LoadedRunbook::inUse);
        long l = median(library);
        long j = median(jackson);
        System.out.printf("BENCH runbook-load: %d team runbooks (%,d KB) loaded + validated by the library: %.1f ms "
                        + "(first load in this JVM: %.1f ms) | plain Jackson readTree of the same files (baseline): %.1f ms "
                        + "| ratio %.2fx (goal: well under 1 s)%n", RUNBOOKS, bytes / 1024, l / 1e6, coldLibrary / 1e6,
                j / 1e6, (double) l / j);

        long[] list = new long[3];
        long[] version = new long[3];
        for (int round = 0; round < list.length; round++) {
            version[round] = timeChild("--version");
            list[round] = timeChild("runbook", "list", "--data-dir", dataDir.toString());
        }
        System.out.printf("BENCH runbook-list-process: 'sitrep runbook list' with %d team runbooks in a fresh JVM: %,d ms | "
                + "'sitrep --version' in a fresh JVM (baseline): %,d ms | Sitrep adds +%,d ms%n", RUNBOOKS,
                median(list) / 1_000_000, median(version) / 1_000_000, (median(list) - median(version)) / 1_000_000);
    }

    private long timeLibrary() {
        long start = System.nanoTime();
        RunbookLibrary library = RunbookLibrary.load(dataDir);
        long took = System.nanoTime() - start;
        assertThat(library.runbooks()).hasSize(RUNBOOKS + BuiltInRunbooks.FILES.size());
        return took;
    }

    private long timeJackson() throws IOException {
        long start = System.nanoTime();
        List<JsonNode> trees = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(RunbookLibrary.teamDirectory(dataDir), "*.json")) {
            for (Path p : files) {
                trees.add(Json.MAPPER.readTree(Files.readAllBytes(p)));
            }
        }
        long took = System.nanoTime() - start;
        assertThat(trees).hasSize(RUNBOOKS);
        return took;
    }

    private static long timeChild(String... args) throws Exception {
        long start = System.nanoTime();
        ChildJvm.Result r = ChildJvm.sitrep(List.of(), args);
        long took = System.nanoTime() - start;
        assertThat(r.code()).as(r.err()).isZero();
        return took;
    }

    private static long median(long[] values) {
        return BenchData.median(values);
    }
}
