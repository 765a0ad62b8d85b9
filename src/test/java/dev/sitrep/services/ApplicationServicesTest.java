package dev.sitrep.services;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.SitrepException;
import dev.sitrep.evidence.EvidenceCaptures;
import dev.sitrep.incident.Declaration;
import dev.sitrep.postmortem.PostmortemExports;
import dev.sitrep.testing.TestClock;
import dev.sitrep.workspace.ProcessEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The use cases the CLI and the console share, on a real workspace: captures, exports, choosing incidents. */
class ApplicationServicesTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private Services services;
    private Incident incident;

    @BeforeEach
    void open() {
        services = Services.open(dataDir, clock, new ProcessEnvironment(Map.of(), "Linux", "tester", "/home/tester", clock,
                ZoneOffset.UTC, false), "maria");
        incident = services.incidents().declare(Declaration.titled("Checkout 5xx"));
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void pathsAreCapturedInTheOrderGivenWithWhatWasSkippedAndTheSecretsFound() throws Exception {
        Path log = Files.writeString(files.resolve("gateway.log"), "key AKIAIOSFODNN7EXAMPLE\nGET /checkout 502\n");
        Path folder = Files.createDirectories(files.resolve("pods"));
        Files.writeString(folder.resolve("a.txt"), "a");
        Files.createSymbolicLink(folder.resolve("link"), log);
        List<Long> overall = new ArrayList<>();

        EvidenceCaptures.Captured captured = services.evidenceCaptures().addPaths(incident.id(), List.of(folder, log),
                "from the gateway", List.of("gw"), (file, done, size, doneOverall, total) -> overall.add(doneOverall),
                () -> false);

        assertThat(captured.paths()).extracting(EvidenceCaptures.PathAdded::given).containsExactly(folder, log);
        assertThat(captured.paths().get(0).folder()).isTrue();
        assertThat(captured.paths().get(0).skipped()).singleElement().asString().contains("link");
        assertThat(captured.items()).extracting(a -> a.item().name()).containsExactly("a.txt", "gateway.log");
        assertThat(captured.items().get(1).secrets()).isNotEmpty();
        assertThat(captured.bytes()).isEqualTo(1 + Files.size(log));
        assertThat(overall).isSorted().last().isEqualTo(captured.bytes());
        assertThat(services.evidence().list(incident.id())).hasSize(2);
    }

    @Test
    void aCancelledCaptureStoresNothingMore() throws Exception {
        Path log = Files.writeString(files.resolve("gateway.log"), "GET /checkout 502\n");
        assertThat(catchThrowableOfType(() -> services.evidenceCaptures().addPaths(incident.id(), List.of(log), null,
                List.of(), EvidenceCaptures.Progress.NONE, () -> true), RuntimeException.class)).isNotNull();
        assertThat(services.evidence().list(incident.id())).isEmpty();
    }

    @Test
    void anExportPicksItsFormatByTheFileNameAndNeverOverwrites() throws Exception {
        var postmortem = services.postmortems().open(incident.id()).postmortem();
        Path html = files.resolve("pm.html");

        PostmortemExports.Exported exported = services.postmortemExports().write(postmortem, List.of(), html);

        assertThat(exported.format()).isEqualTo(PostmortemExports.Format.HTML);
        assertThat(exported.bytes()).isEqualTo(Files.size(html));
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Checkout 5xx");
        assertThat(services.postmortemExports().render(incident.id(), PostmortemExports.Format.MARKDOWN))
                .startsWith("# Incident 2026-11-22: Checkout 5xx");
        SitrepException again = catchThrowableOfType(() -> services.postmortemExports().write(postmortem, List.of(), html),
                SitrepException.class);
        assertThat(again.field()).isEqualTo("to");
        assertThat(again.message(n -> "--" + n)).isEqualTo(html + " already exists and was left as it is; give a new "
                + "file name with --to.");
    }

    @Test
    void pagesChooseFromUnfinishedIncidentsFirstThenFinishedOnesNewestFirstWithinEach() {
        clock.advance(Duration.ofMinutes(1));
        Incident resolved = services.incidents().declare(Declaration.titled("Login slow"));
        services.incidents().setStatus(resolved.id(), IncidentStatus.DECLINED, "a false alarm", null);
        clock.advance(Duration.ofMinutes(1));
        Incident newest = services.incidents().declare(Declaration.titled("Queue backlog"));

        assertThat(services.incidents().choices()).extracting(Incident::id)
                .containsExactly(newest.id(), incident.id(), resolved.id());
    }
}
