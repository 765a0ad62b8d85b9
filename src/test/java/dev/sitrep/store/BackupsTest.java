package dev.sitrep.store;

import dev.sitrep.core.Incident;
import dev.sitrep.core.SitrepException;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupsTest {

    @TempDir
    Path dir;

    private static IncidentService service(Store store) {
        return TestServices.on(store, "maria").random(new Random(5)).build().incidents();
    }

    @Test
    void backupOfAnOpenStoreRestoresIntoAnEmptyDirectory() {
        Path backup = dir.resolve("sitrep-backup.zip");
        Incident declared;
        try (Store store = Store.open(dir.resolve("live"))) {
            declared = service(store).declare(Declaration.titled("Vault sealed"));
            service(store).note(declared.id(), "unseal keys requested", null);
            Backups.backup(store, backup);
            service(store).note(declared.id(), "written after the backup", null);
        }
        Path restored = dir.resolve("restored");
        Backups.restore(backup, restored);
        try (Store store = Store.open(restored)) {
            var record = service(store).show(declared.id());
            assertThat(record.timeline()).extracting(e -> e.text())
                    .contains("unseal keys requested").doesNotContain("written after the backup");
        }
    }

    @Test
    void anExistingBackupTargetIsRefusedAndKept() throws Exception {
        Path target = Files.writeString(dir.resolve("taken.zip"), "an older backup");
        try (Store store = Store.open(dir.resolve("live"))) {
            assertThatThrownBy(() -> Backups.backup(store, target))
                    .isInstanceOf(SitrepException.class).hasMessageContaining("already exists");
        }
        assertThat(Files.readString(target)).isEqualTo("an older backup");
    }

    @Test
    void restoreIntoANonEmptyDirectoryIsRefusedAndTouchesNothing() throws Exception {
        Path backup = dir.resolve("b.zip");
        try (Store store = Store.open(dir.resolve("live"))) {
            Backups.backup(store, backup);
        }
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> Backups.restore(backup, busy))
                .isInstanceOf(SitrepException.class).hasMessageContaining("not empty");
        try (var files = Files.list(busy)) {
            assertThat(files).containsExactly(busy.resolve("notes.txt"));
        }
    }

    @Test
    void restoringAFileThatIsNotABackupSaysSo() throws Exception {
        Path bogus = Files.writeString(dir.resolve("bogus.zip"), "not a zip at all");
        Path target = dir.resolve("target");
        assertThatThrownBy(() -> Backups.restore(bogus, target))
                .isInstanceOf(SitrepException.class).hasMessageContaining("not a Sitrep backup");
        assertThat(Store.databaseFile(target)).doesNotExist();
    }

    @Test
    void restoringAMissingFileNamesIt() {
        Path missing = dir.resolve("nowhere.zip");
        assertThatThrownBy(() -> Backups.restore(missing, dir.resolve("t"))).hasMessageContaining(missing.toString());
    }
}
