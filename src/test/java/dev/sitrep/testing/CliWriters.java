package dev.sitrep.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/**
 * Several shells writing to one data directory at once: each writer runs {@code sitrep incident note}
 * in a child JVM, one run after the other, with a text of its own ({@code "w2 note 7"}), and keeps
 * what every run answered. The test decides when a writer stops, from how many notes it wrote.
 */
public final class CliWriters {

    /** One {@code sitrep incident note} run: the note's text, its exit code, its stderr and how long it took. */
    public record Write(String text, int code, String err, long nanos) {

        /** Exit 0: the command said the note was written. */
        public boolean acknowledged() {
            return code == 0;
        }
    }

    private CliWriters() {
    }

    /** Runs {@code writers} writers at once, each while {@code more} accepts the number of notes it wrote; every run, in no order. */
    public static List<Write> run(int writers, Path dataDir, String incident, IntPredicate more) throws Exception {
        List<Write> writes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService shells = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 1; w <= writers; w++) {
                String prefix = "w" + w + " note ";
                running.add(shells.submit(() -> {
                    for (int n = 0; more.test(n); n++) {
                        long start = System.nanoTime();
                        ChildJvm.Result r = ChildJvm.sitrep(List.of(), "incident", "note", incident, prefix + n,
                                "--data-dir", dataDir.toString(), "--actor", "sam");
                        writes.add(new Write(prefix + n, r.code(), r.err(), System.nanoTime() - start));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            shells.shutdownNow();
        }
        return List.copyOf(writes);
    }
}
