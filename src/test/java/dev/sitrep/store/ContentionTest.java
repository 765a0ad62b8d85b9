package dev.sitrep.store;

import dev.sitrep.core.SitrepException;
import dev.sitrep.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A data directory another process holds for longer than the wait: busy, named, never called corrupt (issue 18, item 6). */
class ContentionTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryHeldPastTheWaitIsBusyNamingTheHolderAndAdvisesNoRestore() throws Exception {
        Process holder = ChildJvm.builder(List.of(), LockHolder.class.getName(), List.of(dir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("READY");
            List<String> notices = new CopyOnWriteArrayList<>();

            assertThatThrownBy(() -> Store.open(dir, "test", notices::add, Duration.ofSeconds(2)))
                    .isInstanceOf(SitrepException.class)
                    .hasMessage("The data directory " + dir + " is busy (another Sitrep process: pid " + holder.pid()
                            + ", lock holder); waited 2 s. Nothing was changed; try again when it has finished.")
                    .extracting(e -> ((SitrepException) e).kind()).isEqualTo(SitrepException.Kind.FAILURE);
            assertThat(notices).containsExactly("Waiting for another Sitrep process (pid " + holder.pid()
                    + ", lock holder) to finish opening or closing the workspace…");
        } finally {
            holder.destroyForcibly();
        }
    }
}
