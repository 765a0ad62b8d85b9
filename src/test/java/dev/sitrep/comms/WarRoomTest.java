package dev.sitrep.comms;

import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarRoomTest {

    @TempDir
    Path dir;
    private Store store;
    private WarRoom warRoom;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        warRoom = TestServices.on(store, "maria").clock(new TestClock(Instant.parse("2026-11-22T14:32:00Z"))).build()
                .warRoom();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void isUnsetInANewWorkspace() {
        assertThat(warRoom.get()).isEmpty();
    }

    @Test
    void aSavedWarRoomIsTrimmedAndKept() {
        warRoom.set("  #inc-bridge ");
        assertThat(warRoom.get()).contains("#inc-bridge");
    }

    @Test
    void blankClearsIt() {
        warRoom.set("#inc-bridge");
        assertThat(warRoom.set(" ")).isEmpty();
        assertThat(warRoom.get()).isEmpty();
    }

    @Test
    void aLineBreakIsRefused() {
        assertThatThrownBy(() -> warRoom.set("bridge\nroom")).hasMessageContaining("war room has a line break");
    }
}
