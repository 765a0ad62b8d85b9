package dev.sitrep.cli;

import dev.sitrep.core.Limits;
import dev.sitrep.hub.HubDatabase;
import dev.sitrep.hub.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sitrep hub person}'s inputs, which go to the hub's database rather than the workspace's
 * (so {@link CliInputBoundsTest} leaves them here): a name is stored whole up to its limit and
 * refused with exit 2 naming the limit beyond it, with nothing stored; a role is one of three.
 */
class HubPersonBoundsTest {

    @TempDir
    Path dir;

    @Test
    void aNameIsStoredWholeAtItsLimitAndRefusedBeyondItWithNothingStored() throws Exception {
        CliRunner cli = new CliRunner(dir);
        String atLimit = "n".repeat(Limits.NAME_MAX);

        CliRunner.Result ok = cli.run("hub", "person", "add", atLimit, "--role", "viewer");
        CliRunner.Result over = cli.run("hub", "person", "add", "o".repeat(Limits.NAME_MAX + 1), "--role", "viewer");
        CliRunner.Result huge = cli.run("hub", "person", "add", "h".repeat(100 * 1024), "--role", "viewer");
        CliRunner.Result twoLines = cli.run("hub", "person", "add", "ana\nbo", "--role", "viewer");
        CliRunner.Result revokeHuge = cli.run("hub", "person", "revoke", "h".repeat(10 * 1024));
        CliRunner.Result badRole = cli.run("hub", "person", "add", "lee", "--role", "x".repeat(10 * 1024));

        assertThat(ok.code()).as(ok.err()).isZero();
        for (CliRunner.Result refused : new CliRunner.Result[]{over, huge, twoLines, revokeHuge, badRole}) {
            assertThat(refused.code()).as(refused.err()).isEqualTo(2);
            assertThat(refused.err().strip()).as("one line").startsWith("sitrep: ").doesNotContain("\n").hasSizeLessThan(600);
        }
        assertThat(over.err()).contains(String.valueOf(Limits.NAME_MAX));
        try (HubDatabase db = HubDatabase.open(HubDatabase.embeddedUrl(dir), Map.of(), 2)) {
            assertThat(new People(db.dataSource()).list()).extracting(People.Listed::name).containsExactly(atLimit);
        }
    }
}
