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

    @Test
    void notesPastedOutputSnapshotsShowRemoveAndTheLimit() throws Exception {
        CliRunner cli = new CliRunner(tmp.resolve("data"));
        String id = cli.run("incident", "declare", "--title", "Checkout 5xx", "--json").out()
                .replaceAll("(?s).*\"id\"\\s*:\\s*\"(INC-[^\"]+)\".*", "$1");
        CliRunner.Result note = cli.run("evidence", "note", id, "502s", "from", "the", "edge", "since", "14:20");
        assertThat(note.code()).as(note.toString()).isZero();
        assertThat(note.out()).endsWith("  502s from the edge since 14:20\n");

        Path output = tmp.resolve("pods.txt");
        Files.writeString(output, "NAME READY\ncheckout-1 0/1\nAuthorization: Bearer abcdefghijklmnopqrstuvwxyz123456\n");
        CliRunner.Result pasted = cli.run("evidence", "paste", id, "--command", "kubectl get pods", "--output",
                output.toString());
        assertThat(pasted.code()).as(pasted.toString()).isZero();
        assertThat(pasted.out()).endsWith("  $ kubectl get pods\n");
        assertThat(pasted.err()).contains("looks like a secret (bearer token)").doesNotContain("abcdefghijklmnop");

        try (dev.sitrep.sandbox.SandboxServer sandbox = dev.sitrep.sandbox.SandboxServer.start(0,
                java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(15))) {
            cli.run("platform", "add", "pn", "--kind", "powernode", "--url", sandbox.url().toString(), "--email", "e@x");
            CliRunner.Result snap = cli.run("evidence", "snapshot", id, "--platform", "pn");
            assertThat(snap.code()).as(snap.toString()).isZero();
            assertThat(snap.out()).endsWith("  pn GET /api/v1/health 200\n");
            CliRunner.Result detailed = cli.run("evidence", "snapshot", id, "--platform", "pn", "--path",
                    "/api/v1/health/detailed");
            assertThat(detailed.out()).contains("pn GET /api/v1/health/detailed ");
        }

        String noteId = note.firstWord();
        CliRunner.Result removed = cli.run("evidence", "remove", noteId, "--reason", "belongs to the other incident");
        assertThat(removed.code()).as(removed.toString()).isZero();
        CliRunner.Result shown = cli.run("evidence", "show", noteId);
        assertThat(shown.code()).isZero();
        assertThat(shown.out()).contains("[REMOVED]").contains("kind      note").contains("Custody (audit chain):")
                .containsPattern("#1 .* CAPTURED  osuser").containsPattern("#\\d+ .* REMOVED  osuser  belongs to the other");
        assertThat(cli.run("evidence", "show", "nope").code()).isEqualTo(2);

        assertThat(cli.run("evidence", "limit").out()).isEqualTo("Evidence limit: 8.0 GiB per capture.\n");
        assertThat(cli.run("evidence", "limit", "1MiB").out()).isEqualTo("Evidence limit: 1.0 MiB per capture.\n");
        Path big = tmp.resolve("big.bin");
        Files.write(big, new byte[(1 << 20) + 1]);
        CliRunner.Result tooBig = cli.run("evidence", "add", id, big.toString());
        assertThat(tooBig.code()).isEqualTo(2);
        assertThat(tooBig.err()).contains("larger than the evidence limit of 1.0 MiB");
        CliRunner.Result wrong = cli.run("evidence", "limit", "lots");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("not a size");
    }

    @Test
    void anItemIsFoundByAUniquePrefixOfItsIdAndAnAmbiguousPrefixNamesItsMatches() throws Exception {
        CliRunner cli = new CliRunner(tmp.resolve("data"));
        String id = cli.run("incident", "declare", "--title", "Checkout 5xx", "--json").out()
                .replaceAll("(?s).*\"id\"\\s*:\\s*\"(INC-[^\"]+)\".*", "$1");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("evidence", "add", id));
        for (int i = 0; i < 81; i++) { // 81 ids over 16 hex digits: at least 6 share their first digit
            Path f = tmp.resolve("f" + i + ".txt");
            Files.writeString(f, "line " + i + "\n");
            args.add(f.toString());
        }
        CliRunner.Result added = cli.run(args.toArray(String[]::new));
        assertThat(added.code()).as(added.toString()).isZero();
        java.util.List<String> ids = added.out().lines().map(l -> l.split("\\s+", 2)[0]).toList();
        assertThat(ids).hasSize(81);
        String first = ids.get(0);
        String unique = java.util.stream.IntStream.rangeClosed(1, first.length()).mapToObj(n -> first.substring(0, n))
                .filter(p -> ids.stream().filter(x -> x.startsWith(p)).count() == 1).findFirst().orElseThrow();

        CliRunner.Result shown = cli.run("evidence", "show", unique);
        assertThat(shown.code()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("  id        " + first);
        CliRunner.Result removed = cli.run("evidence", "remove", unique, "--reason", "wrong incident");
        assertThat(removed.code()).as(removed.toString()).isZero();
        assertThat(removed.out()).contains("(" + first + ")");

        String crowded = java.util.stream.Stream.of("0123456789abcdef".split(""))
                .filter(p -> ids.stream().filter(x -> x.startsWith(p)).count() >= 6).findFirst().orElseThrow();
        CliRunner.Result ambiguous = cli.run("evidence", "show", crowded);
        assertThat(ambiguous.code()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("matches " + ids.stream().filter(x -> x.startsWith(crowded)).count()
                + " evidence items").contains("give more of the id");
        long named = ids.stream().filter(x -> x.startsWith(crowded) && ambiguous.err().contains(x)).count();
        assertThat(named).isEqualTo(5);
        assertThat(cli.run("evidence", "remove", crowded, "--reason", "x").code()).isEqualTo(2);
        CliRunner.Result none = cli.run("evidence", "show", "zz");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("No evidence zz");
    }

    private static String declared(CliRunner cli, String title) {
        return cli.run("incident", "declare", "--title", title, "--json").out()
                .replaceAll("(?s).*\"id\"\\s*:\\s*\"(INC-[^\"]+)\".*", "$1");
    }

    @Test
    void aSnapshotWhoseBodyLeaksASecretIsWarnedAbout() throws Exception {
        CliRunner cli = new CliRunner(tmp.resolve("data"));
        String id = declared(cli, "Config leaked");
        com.sun.net.httpserver.HttpServer platform = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        platform.createContext("/", exchange -> {
            byte[] body = "{\"status\": \"ok\", \"debug\": {\"AWS_ACCESS_KEY_ID\": \"AKIAIOSFODNN7EXAMPLE\"}}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        platform.start();
        try {
            cli.run("platform", "add", "cul", "--kind", "cullis", "--url", "http://127.0.0.1:" + platform.getAddress().getPort());
            CliRunner.Result snap = cli.run("evidence", "snapshot", id, "--platform", "cul");
            assertThat(snap.code()).as(snap.toString()).isZero();
            assertThat(snap.err()).contains("warning: cul GET ").contains(": looks like a secret (AWS access key)")
                    .doesNotContain("AKIAIOSFODNN7EXAMPLE");
        } finally {
            platform.stop(0);
        }
    }

    @Test
    void anExportWithSecretsIsRefusedNamingTheItemsAndTheChoices() throws Exception {
        CliRunner cli = new CliRunner(tmp.resolve("data"));
        String id = declared(cli, "Key leaked");
        Path env = Files.writeString(tmp.resolve("env.txt"), "HOME=/root\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n");
        Path log = Files.writeString(tmp.resolve("gateway.log"), "GET / 200\n");
        assertThat(cli.run("evidence", "add", id, env.toString(), log.toString()).code()).isZero();
        String envId = cli.run("evidence", "list", id).out().lines().filter(l -> l.contains("env.txt")).findFirst()
                .orElseThrow().strip().split("\\s+")[0];

        Path bundle = tmp.resolve("bundle.zip");
        CliRunner.Result refused = cli.run("evidence", "export", id, "--to", bundle.toString());
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("warning: env.txt:2: looks like a secret (AWS access key)")
                .contains("sitrep: 1 evidence item of " + id + " holds secrets: env.txt (" + envId.substring(0, 8)
                        + ": AWS access key on line 2); nothing was exported. Export again with --redacted to put a "
                        + "redacted copy in place of each (the originals stay here), or with --include-secrets to keep "
                        + "the originals, secrets and all.")
                .doesNotContain("AKIAIOSFODNN7EXAMPLE");
        assertThat(bundle).doesNotExist();
        assertThat(cli.run("audit", "export").out()).doesNotContain("EXPORTED");

        CliRunner.Result both = cli.run("evidence", "export", id, "--to", bundle.toString(), "--redacted",
                "--include-secrets");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--redacted and --include-secrets exclude each other");

        CliRunner.Result redacted = cli.run("evidence", "export", id, "--to", bundle.toString(), "--redacted");
        assertThat(redacted.code()).as(redacted.toString()).isZero();
        assertThat(redacted.out()).containsPattern("In place of env.txt: \\S+  env.txt \\(redacted\\)")
                .contains("Exported 2 evidence items of " + id);
        assertThat(cli.run("evidence", "verify", bundle.toString()).code()).isZero();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(bundle.toFile())) {
            String all = zip.stream().filter(e -> e.getName().startsWith("items/")).map(e -> {
                try {
                    return new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } catch (java.io.IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            }).collect(java.util.stream.Collectors.joining("\n"));
            assertThat(all).contains("AWS_ACCESS_KEY_ID=[REDACTED: AWS access key]").doesNotContain("AKIAIOSFODNN7EXAMPLE");
        }

        Path kept = tmp.resolve("kept.zip");
        CliRunner.Result originals = cli.run("evidence", "export", id, "--to", kept.toString(), "--include-secrets");
        assertThat(originals.code()).as(originals.toString()).isZero();
        assertThat(originals.err()).contains("warning: the bundle holds secrets in env.txt (");
        assertThat(originals.out()).contains("Exported 3 evidence items");
    }
}
