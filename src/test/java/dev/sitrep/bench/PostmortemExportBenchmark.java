package dev.sitrep.bench;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.core.Postmortem;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.postmortem.ActionItems;
import dev.sitrep.postmortem.PostmortemHtml;
import dev.sitrep.postmortem.PostmortemMarkdown;
import dev.sitrep.postmortem.Postmortems;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exporting the postmortem of an incident with 5,000 timeline events (notes, severity and status
 * changes, kill-switch entries), 10 evidence items and 20 action items: a fresh draft from the
 * store ({@link Postmortems#draft}: the record, the evidence, the settings, the drafter), the
 * action items, the Markdown and the standalone HTML, as {@code sitrep postmortem export} does
 * them. Beside it, in the same run, reading the incident's record from the store (the floor: the
 * export cannot be faster than its input) and Jackson-serialising the same postmortem. Medians of
 * 15 warm rounds; goal: <= 200 ms. Run with {@code mvn -Pbench verify}.
 */
@Tag("bench")
class PostmortemExportBenchmark {

    private static final int EVENTS = 5_000;
    private static final int ROUNDS = 15;

    @TempDir
    Path dir;

    @Test
    void exportingAFiveThousandEventIncident() {
        TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
        try (Store store = Store.open(dir)) {
            Services services = TestServices.on(store, "bench").clock(clock).zone(ZoneOffset.UTC).random(new Random(5))
                    .evidenceLimit(() -> 1L << 20).build();
            IncidentService incidents = services.incidents();
            EvidenceService evidence = services.evidence();
            Postmortems postmortems = services.postmortems();
            ActionItems actionItems = services.actionItems();
            IncidentId id = incidents.declare(new Declaration("Checkout 5xx after deploy", "SEV2", "checkout",
                    List.of("pn"), null, false, null)).id();
            store.write(tx -> {
                tx.timeline().append(BenchData.timelineEvents(id, clock.instant(), EVENTS));
                return null;
            });
            clock.advance(Duration.ofSeconds(EVENTS * 5L));
            for (int i = 0; i < 10; i++) {
                evidence.addText(id, EvidenceItem.Kind.NOTE, "note " + i, "observation " + i, null, null, List.of());
            }
            for (int i = 0; i < 20; i++) {
                actionItems.add(id, "Follow-up " + i + " | with a pipe", "owner-" + i, LocalDate.parse("2026-12-01"));
            }

            int[] bytes = new int[1];
            Runnable export = () -> {
                Postmortem p = postmortems.draft(id);
                List<ActionItem> actions = actionItems.forIncident(id);
                bytes[0] = PostmortemMarkdown.render(p, actions).length() + PostmortemHtml.render(p, actions).length();
            };
            Postmortem sample = postmortems.draft(id);
            List<ActionItem> sampleActions = actionItems.forIncident(id);
            assertThat(sample.timeline()).hasSizeGreaterThan(EVENTS);

            long cold = time(export);
            long[] exports = new long[ROUNDS];
            long[] drafts = new long[ROUNDS];
            long[] markdown = new long[ROUNDS];
            long[] html = new long[ROUNDS];
            long[] reads = new long[ROUNDS];
            long[] jackson = new long[ROUNDS];
            for (int i = 0; i < 5; i++) {
                export.run();
                incidents.show(id);
            }
            for (int round = 0; round < ROUNDS; round++) {
                reads[round] = time(() -> incidents.show(id));
                jackson[round] = time(() -> Json.write(sample));
                exports[round] = time(export);
                drafts[round] = time(() -> postmortems.draft(id));
                markdown[round] = time(() -> PostmortemMarkdown.render(sample, sampleActions));
                html[round] = time(() -> PostmortemHtml.render(sample, sampleActions));
            }
            long e = BenchData.median(exports);
            long r = BenchData.median(reads);
            System.out.printf("BENCH postmortem-export: %,d-event incident, draft from the store + Markdown + HTML "
                            + "(%,d chars), median of %d: %.1f ms (draft %.1f, Markdown %.1f, HTML %.1f; first in this "
                            + "JVM %.1f ms) | reading the incident's record from the store (baseline): %.1f ms | Jackson "
                            + "of the same postmortem: %.1f ms | ratio %.1fx the read (goal: <= 200 ms)%n",
                    EVENTS, bytes[0], ROUNDS, e / 1e6, BenchData.median(drafts) / 1e6, BenchData.median(markdown) / 1e6,
                    BenchData.median(html) / 1e6, cold / 1e6, r / 1e6, BenchData.median(jackson) / 1e6, (double) e / r);
        }
    }

    /** Mostly notes, with a severity change, status changes and kill-switch entries among them. */

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }
}
