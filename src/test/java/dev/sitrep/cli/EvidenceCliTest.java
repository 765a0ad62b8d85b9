package dev.sitrep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sitrep evidence add | list} end to end, with the custody lines in the audit export. */
class EvidenceCliTest {

    @TempDir
    Path tmp;

    @Test
    void addPrintsEachIdAndHashListShowsThemAndTheAuditHasTheCustody() throws Exception {
        CliRunner cli = new CliRunner(tmp.resolve("data"));
        CliRunner.Result declared = cli.run("incident", "declare", "--title", "Key leaked in logs", "--json");
        String id = declared.out().replaceAll("(?s).*\"id\"\\s*:\\s*\"(INC-[^\"]+)\".*", "$1");
        Path abc = tmp.resolve("abc.txt");
        Files.writeString(abc, "abc");
        Path log = tmp.resolve("gateway.log");
        Files.writeString(log, "GET / 200\n");

        CliRunner.Result added = cli.run("evidence", "add", id, abc.toString(), log.toString(), "--tag", "logs",
                "--description", "from the gateway");
        assertThat(added.code()).as(added.toString()).isZero();
        assertThat(added.out().lines()).hasSize(2);
        assertThat(added.out()).contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  3  abc.txt");

        CliRunner.Result listed = cli.run("evidence", "list", id, "--json");
        assertThat(listed.out()).contains("\"sha256\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"")
                .contains("\"tags\":[\"logs\"]").contains("\"capturedBy\":\"osuser\"");
        assertThat(cli.run("audit", "export").out()).contains("CAPTURED reason=\"abc.txt\" actor=\"osuser\"")
                .contains("detail=\"evidence ");
        assertThat(cli.run("audit", "verify").code()).isZero();

        Path bundle = tmp.resolve("bundle.zip");
        CliRunner.Result exported = cli.run("evidence", "export", id, "--to", bundle.toString());
        assertThat(exported.code()).as(exported.toString()).isZero();
        assertThat(exported.out()).startsWith("Exported 2 evidence items");
        CliRunner.Result verified = cli.run("evidence", "verify", bundle.toString());
        assertThat(verified.code()).as(verified.toString()).isZero();
        assertThat(verified.out()).startsWith("Intact: 2 items");
        CliRunner other = new CliRunner(tmp.resolve("other"));
        String there = other.run("incident", "declare", "--title", "Seen by security", "--json").out()
                .replaceAll("(?s).*\"id\"\\s*:\\s*\"(INC-[^\"]+)\".*", "$1");
        CliRunner.Result refused = other.run("evidence", "import", bundle.toString());
        assertThat(refused.code()).as("the bundle's incident is not in that workspace").isEqualTo(2);
        CliRunner.Result imported = other.run("evidence", "import", bundle.toString(), "--incident", there);
        assertThat(imported.code()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .contains("Imported 2 items");
        Files.writeString(tmp.resolve("not-a-bundle.zip"), "hello");
        CliRunner.Result broken = cli.run("evidence", "verify", tmp.resolve("not-a-bundle.zip").toString());
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).contains("NOT INTACT");
        assertThat(broken.err()).contains("is not intact");

        CliRunner.Result missing = cli.run("evidence", "add", id, tmp.resolve("nope.txt").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        CliRunner.Result unknown = cli.run("evidence", "add", "INC-20261122-1432-ZZZZ", abc.toString());
        assertThat(unknown.code()).isEqualTo(2);
    }

    @Test
    void aTextFileWithSecretsIsWarnedAboutAndCanGetAMaskedCopy() throws Exception {
        CliRunner cli = new CliRunner(tmp.resolve("data"));
        String id = cli.run("incident", "declare", "--title", "Key leaked", "--json").out()
                .replaceAll("(?s).*\"id\"\\s*:\\s*\"(INC-[^\"]+)\".*", "$1");
        Path env = tmp.resolve("env.txt");
        Files.writeString(env, "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nHOME=/root\n");
        CliRunner.Result warned = cli.run("evidence", "add", id, env.toString());
        assertThat(warned.code()).isZero();
        assertThat(warned.err()).contains("warning: env.txt:1: looks like a secret (AWS access key)")
                .doesNotContain("AKIAIOSFODNN7EXAMPLE").contains("--redacted-copy");
        CliRunner.Result copied = cli.run("evidence", "add", id, env.toString(), "--redacted-copy");
        assertThat(copied.out().lines()).hasSize(2).last().asString().endsWith("env.txt (redacted)");
    }

    @Test
    void aFolderAddsItsFilesAndSaysWhatItSkipped() throws Exception {
        CliRunner cli = new CliRunner(tmp.resolve("data"));
        String id = cli.run("incident", "declare", "--title", "Disk full", "--json").out()
                .replaceAll("(?s).*\"id\"\\s*:\\s*\"(INC-[^\"]+)\".*", "$1");
        Path folder = tmp.resolve("logs");
        Files.createDirectories(folder.resolve("app"));
        Files.writeString(folder.resolve("app/out.txt"), "started\n");
        Files.createSymbolicLink(folder.resolve("app/self"), folder);
        CliRunner.Result r = cli.run("evidence", "add", id, folder.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("  app/out.txt");
        assertThat(r.err()).contains("skipped: " + folder + "/app/self: a symbolic link, not followed");
    }
}
