package dev.sitrep.cli;

import dev.sitrep.core.EventType;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.store.Holder;
import dev.sitrep.store.Store;
import dev.sitrep.testing.ChildJvm;
import dev.sitrep.testing.CliWriters;
import dev.sitrep.testing.SharedDirectoryGuard;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processes sharing one data directory (issue 18, item 6): they wait for each other and succeed,
 * and every acknowledged write is stored once. Child JVMs run the real CLI.
 */
class ConcurrentCliTest {

    /** The guard's length: 20 s here ({@code -Dsitrep.guard.seconds} changes it); ConcurrencyBenchmark runs it for 60 s. */
    private static final Duration GUARD = Duration.ofSeconds(Long.getLong("sitrep.guard.seconds", 20));

    @TempDir
    Path dir;

    @Test
    void twoCliProcessesWritingAtOnceAllSucceedAndStoreEachNoteOnce() throws Exception {
        IncidentId incident;
        try (Store store = Store.open(dir)) {
            incident = TestServices.on(store, "maria").build().incidents().declare(Declaration.titled("Two shells")).id();
        }

        List<CliWriters.Write> writes = CliWriters.run(2, dir, incident.value(), n -> n < 20);

        assertThat(writes).hasSize(40);
        assertThat(writes).filteredOn(w -> !w.acknowledged()).as(failures(writes)).isEmpty();
        try (Store store = Store.open(dir)) {
            List<String> notes = TestServices.on(store, "checker").build().incidents().show(incident).timeline().stream()
                    .filter(e -> e.type() == EventType.NOTE).map(TimelineEvent::text).toList();
            assertThat(notes).containsExactlyInAnyOrderElementsOf(writes.stream().map(CliWriters.Write::text).toList());
        }
    }

    /**
     * The guard: four CLI processes and the console writing one data directory for {@link #GUARD}
     * (20 s in {@code mvn verify}; 60 s in {@code mvn -Pbench verify}, where ConcurrencyBenchmark
     * runs the same guard): no write fails, and every acknowledged write is stored exactly once.
     */
    @Test
    void fourCliProcessesAndTheConsoleWritingAtOnceLoseAndDoubleNothing() throws Exception {
        SharedDirectoryGuard.Outcome outcome = SharedDirectoryGuard.run(dir, 4, GUARD);

        assertThat(outcome.cli()).filteredOn(w -> !w.acknowledged()).as(failures(outcome.cli())).isEmpty();
        assertThat(outcome.consoleErrors()).isEmpty();
        assertThat(outcome.cli()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(outcome.console()).isNotEmpty();
        assertThat(outcome.stored()).containsOnlyKeys(outcome.acknowledged()).allSatisfy((text, count) ->
                assertThat(count).as(text).isEqualTo(1L));
    }

    /** After a kill -9 the first open takes seconds (H2 takes its lock over and replays): the command says so, once. */
    @Test
    void theFirstCommandAfterAKillSaysItIsRecoveringAndSucceeds() throws Exception {
        Process host = ChildJvm.builder(List.of(), Holder.class.getName(), List.of(dir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("READY");
        } finally {
            host.destroyForcibly();
            assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        ChildJvm.Result r = ChildJvm.sitrep(List.of(), "incident", "list", "--data-dir", dir.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("Recovering the workspace after an unclean stop (this can take several seconds)…"
                + System.lineSeparator());
    }

    private static String failures(List<CliWriters.Write> writes) {
        return writes.stream().filter(w -> !w.acknowledged())
                .map(w -> w.text() + ": exit " + w.code() + ", " + w.err().strip()).collect(Collectors.joining("\n"));
    }
}
