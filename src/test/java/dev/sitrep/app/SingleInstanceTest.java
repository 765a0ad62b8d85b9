package dev.sitrep.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SingleInstanceTest {

    @TempDir
    Path dir;

    @Test
    void aSecondConsoleOnTheSameDirectoryIsRefusedAndBringsTheFirstToTheFront() throws Exception {
        CountDownLatch focused = new CountDownLatch(1);
        try (SingleInstance first = SingleInstance.claim(dir, focused::countDown).orElseThrow()) {
            // when:
            Optional<SingleInstance> second = SingleInstance.claim(dir, () -> { });
            SingleInstance.Handoff handoff = SingleInstance.focusOther(dir);
            // then:
            assertThat(second).isEmpty();
            assertThat(handoff).isEqualTo(SingleInstance.Handoff.FOCUSED_OTHER);
            assertThat(focused.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theDirectoryIsFreeAgainOnceTheFirstConsoleCloses() throws Exception {
        SingleInstance.claim(dir, () -> { }).orElseThrow().close();
        Optional<SingleInstance> again = SingleInstance.claim(dir, () -> { });
        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void aForgedRequestDoesNotFocus() throws Exception {
        CountDownLatch focused = new CountDownLatch(1);
        try (SingleInstance first = SingleInstance.claim(dir, focused::countDown).orElseThrow()) {
            java.nio.file.Files.writeString(dir.resolve(SingleInstance.PORT_FILE),
                    java.nio.file.Files.readString(dir.resolve(SingleInstance.PORT_FILE)).split(" ")[0] + " wrongtoken\n");
            assertThat(SingleInstance.focusOther(dir)).isEqualTo(SingleInstance.Handoff.OTHER_NOT_ANSWERING);
            assertThat(focused.await(300, TimeUnit.MILLISECONDS)).isFalse();
        }
    }
}
