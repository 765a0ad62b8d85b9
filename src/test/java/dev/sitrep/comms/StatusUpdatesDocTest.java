package dev.sitrep.comms;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The page teams read to write templates names every placeholder and every template id. */
class StatusUpdatesDocTest {

    @Test
    void thePageListsEveryPlaceholderAndTemplate() throws Exception {
        String page = Files.readString(Path.of("src/site/markdown/status-updates.md"));
        for (Placeholder p : Placeholder.values()) {
            assertThat(page).as(p.token()).contains("| `" + p.token() + "` |");
        }
        for (UpdateTemplate t : BuiltInTemplates.ALL) {
            assertThat(page).contains("| `" + t.id() + "` | " + t.name() + " |");
        }
    }
}
