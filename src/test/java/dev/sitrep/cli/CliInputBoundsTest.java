package dev.sitrep.cli;

import dev.sitrep.core.Json;
import dev.sitrep.core.Limits;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.killswitch.ResumeRequest;
import dev.sitrep.platform.Profiles;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.testing.FaultyCullis;
import dev.sitrep.testing.FaultyPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard of issue 18: every CLI input that reaches the store or a platform, at lengths around
 * its limit and far beyond (10 KB, 100 KB), and with control characters and other scripts, is
 * either refused with exit 2 and a short message naming the limit before any request leaves (the
 * loopback stand-ins count them), or stored whole (and on the audit trail, where the command is
 * audited). The inputs are found by walking sitrep's command tree, so a new option fails
 * {@link #everyInputIsCoveredOrExcludedWithAReason} until it gets a case or an exclusion here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliInputBoundsTest {

    /** What an input is: free text with a limit, or a key, a choice, a time or a path that must name something. */
    private enum Kind { TEXT, KEY }

    /**
     * One input. {@code template} is the command line, where {@code {v}} is the value and the
     * other placeholders are filled in per run (see {@link #fill}).
     */
    private record Case(String input, Kind kind, int limit, IntFunction<String> filler, boolean audited,
                        List<String> template) {
    }

    private static final int MAX = Integer.MAX_VALUE;
    /** Longer than any message about a value should be: a message quotes a little of it, never all. */
    private static final int MESSAGE_MAX = 600;

    /** Inputs that never carry text into the store or to a platform, each with why. */
    private static final Map<String, String> EXCLUDED = Map.ofEntries(
            Map.entry("sitrep --data-dir", "where the store is; nothing stores it"),
            Map.entry("sitrep audit export --format", "reads only"),
            Map.entry("sitrep backup --to", "a file to write; its path is not stored"),
            Map.entry("sitrep restore --from", "a backup file to read; its path is not stored"),
            Map.entry("sitrep digest --week", "reads only"),
            Map.entry("sitrep digest --to", "a file to write; its path is not stored"),
            Map.entry("sitrep evidence add FILE", "files on disk: their bytes go to the blob store up to the evidence "
                    + "limit, their names (at most 255 bytes, the file system's limit) are stored whole"),
            Map.entry("sitrep evidence paste --output", "a file on disk (or stdin): its bytes are evidence, kept in the "
                    + "blob store up to the evidence limit"),
            Map.entry("sitrep evidence export --to", "a file to write; its name (at most 255 bytes) is audited whole"),
            Map.entry("sitrep evidence export INCIDENT", "reads only"),
            Map.entry("sitrep evidence import FILE.zip", "a bundle to read; its items are checked as evidence add's"),
            Map.entry("sitrep evidence list INCIDENT", "reads only"),
            Map.entry("sitrep evidence show ID", "reads only"),
            Map.entry("sitrep evidence verify FILE.zip", "reads only"),
            Map.entry("sitrep incident list --status", "reads only"),
            Map.entry("sitrep incident show ID", "reads only"),
            Map.entry("sitrep incident update --text-file", "the update as it went out: by design the timeline keeps its "
                    + "first line (120 characters) and its length, not the whole text"),
            Map.entry("sitrep platform add --path", "weathervane's SQLite file: a path the file system bounds (4096 "
                    + "bytes), stored whole"),
            Map.entry("sitrep platform add --ca-cert", "a PEM file read at add; its path (bounded by the file system) is "
                    + "stored whole"),
            Map.entry("sitrep platform secret NAME", "asks for a secret on the terminal and keeps it in the OS keychain"),
            Map.entry("sitrep platform status NAME", "reads only"),
            Map.entry("sitrep postmortem export --format", "reads only"),
            Map.entry("sitrep postmortem export --to", "a file to write; its path is not stored"),
            Map.entry("sitrep postmortem export INCIDENT", "reads only"),
            Map.entry("sitrep runbook export ID", "reads only"),
            Map.entry("sitrep runbook import FILE", "a file to read; the runbook is written where --out says, not to the "
                    + "store (runbook tests bound it)"),
            Map.entry("sitrep runbook import --out", "a file to write"),
            Map.entry("sitrep runbook import --id", "goes into the runbook file written, not the store"),
            Map.entry("sitrep runbook validate FILE", "reads only"),
            Map.entry("sitrep sandbox --scenario", "starts the drill platform; nothing is stored"),
            Map.entry("sitrep wall --bind", "an address to listen on; nothing is stored"),
            Map.entry("sitrep wall --hub", "a hub's address to read the wall from; nothing is stored"),
            Map.entry("sitrep wall --token-env", "names the environment variable the hub token is read from; nothing is stored"),
            Map.entry("sitrep wall --ca-cert", "a PEM file trusted for the hub's TLS while the wall runs; nothing is stored"),
            Map.entry("sitrep hub --bind", "an address to listen on; nothing is stored"),
            Map.entry("sitrep hub --db", "the hub's database URL; nothing is stored"),
            Map.entry("sitrep hub --tls-cert", "a PEM file read at start; nothing is stored"),
            Map.entry("sitrep hub --tls-key", "a PEM file read at start; nothing is stored"),
            Map.entry("sitrep hub person add --db", "the hub's database URL; nothing is stored"),
            Map.entry("sitrep hub person list --db", "the hub's database URL; nothing is stored"),
            Map.entry("sitrep hub person revoke --db", "the hub's database URL; nothing is stored"),
            Map.entry("sitrep hub person add --role", "one of three roles, else exit 2 (HubPersonBoundsTest)"),
            Map.entry("sitrep hub person add NAME", "stored in the hub's database, not the workspace's: "
                    + "HubPersonBoundsTest checks it at, over and far over its limit"),
            Map.entry("sitrep hub person revoke NAME", "only looked up; over its limit exit 2 (HubPersonBoundsTest)"));

    @TempDir
    static Path tmp;
    private CliRunner cli;
    private FaultyPlatform pn;
    private FaultyCullis cul;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger tags = new AtomicInteger(0xa000);
    private final Map<String, Case> cases = new LinkedHashMap<>();

    @BeforeAll
    void start() throws IOException {
        pn = FaultyPlatform.start();
        cul = FaultyCullis.start();
        cli = new CliRunner(tmp.resolve("data"));
        ok("platform", "add", "pn", "--kind", "powernode", "--url", pn.url(), "--email", SandboxServer.EMAIL);
        cli.env.put("SITREP_SECRET_PN", SandboxServer.PASSWORD);
        ok("platform", "add", "cul", "--kind", "cullis", "--url", cul.url());
        cli.env.put("SITREP_SECRET_CUL", FaultyCullis.SECRET);
        define();
    }

    @AfterAll
    void stop() throws IOException {
        pn.close();
        cul.close();
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return r;
    }

    /**
     * Values of length n: {@code prefix}, a tag of hex digits of its own (so no two values tried are
     * alike, and one stored earlier is never taken for this one), {@code c} repeated, {@code suffix}.
     */
    private IntFunction<String> repeat(String prefix, char c, String suffix) {
        return n -> {
            String start = prefix + Integer.toHexString(tags.incrementAndGet());
            return start + String.valueOf(c).repeat(Math.max(0, n - start.length() - suffix.length())) + suffix;
        };
    }

    private void text(String input, int limit, boolean audited, String... template) {
        cases.put(input, new Case(input, Kind.TEXT, limit, repeat("", 'x', ""), audited, List.of(template)));
    }

    private void text(String input, int limit, IntFunction<String> filler, boolean audited, String... template) {
        cases.put(input, new Case(input, Kind.TEXT, limit, filler, audited, List.of(template)));
    }

    private void key(String input, String... template) {
        cases.put(input, new Case(input, Kind.KEY, 0, null, false, List.of(template)));
    }

    private void define() {
        text("sitrep --actor", Limits.NAME_MAX, false, "--actor", "{v}", "incident", "note", "{inc}", "a note {n}");
        text("sitrep incident declare --title", Limits.TITLE_MAX, false, "incident", "declare", "--title", "{v}", "--anyway");
        text("sitrep incident declare --service", Limits.NAME_MAX, false, "incident", "declare", "--title", "t{n}", "--service", "{v}");
        text("sitrep incident declare --commander", Limits.NAME_MAX, false, "incident", "declare", "--title", "t{n}", "--commander",
                "{v}");
        text("sitrep incident declare --platform", Limits.NAME_MAX, false, "incident", "declare", "--title", "t{n}", "--platform",
                "{v}");
        key("sitrep incident declare --severity", "incident", "declare", "--title", "t{n}", "--severity", "{v}");
        key("sitrep incident declare --detected-at", "incident", "declare", "--title", "t{n}", "--detected-at", "{v}");
        text("sitrep incident note TEXT", Limits.TEXT_MAX, false, "incident", "note", "{inc}", "{v}");
        key("sitrep incident note ID", "incident", "note", "{v}", "a note");
        key("sitrep incident note --at", "incident", "note", "{inc}", "--at", "{v}", "a note");
        text("sitrep incident hypothesis TEXT", IncidentService.HYPOTHESIS_MAX, false, "incident", "hypothesis", "{inc}", "--confidence", "50",
                "{v}");
        key("sitrep incident hypothesis ID", "incident", "hypothesis", "{v}", "--confidence", "50", "it is DNS");
        text("sitrep incident amend --text", Limits.TEXT_MAX, false, "incident", "amend", "{inc}", "{entry}", "--text", "{v}");
        key("sitrep incident amend ID", "incident", "amend", "{v}", "{entry}", "--text", "corrected");
        key("sitrep incident amend ENTRY", "incident", "amend", "{inc}", "{v}", "--text", "corrected");
        key("sitrep incident amend --at", "incident", "amend", "{inc}", "{entry}", "--at", "{v}");
        text("sitrep incident set --reason", Limits.REASON_MAX, false, "incident", "set", "{fresh}", "--severity", "SEV1", "--reason",
                "{v}");
        text("sitrep incident set --commander", Limits.NAME_MAX, false, "incident", "set", "{inc}", "--commander", "{v}");
        text("sitrep incident set --scribe", Limits.NAME_MAX, false, "incident", "set", "{inc}", "--scribe", "{v}");
        text("sitrep incident set --comms-lead", Limits.NAME_MAX, false, "incident", "set", "{inc}", "--comms-lead", "{v}");
        text("sitrep incident set --responder", Limits.NAME_MAX, false, "incident", "set", "{inc}", "--responder", "{v}");
        text("sitrep incident set --impact", Limits.IMPACT_MAX, false, "incident", "set", "{inc}", "--impact", "{v}");
        key("sitrep incident set ID", "incident", "set", "{v}", "--impact", "checkout down");
        key("sitrep incident set --status", "incident", "set", "{inc}", "--status", "{v}");
        key("sitrep incident set --into", "incident", "set", "{fresh}", "--status", "merged", "--into", "{v}");
        key("sitrep incident set --severity", "incident", "set", "{inc}", "--severity", "{v}", "--reason", "worse");
        key("sitrep incident set --milestone", "incident", "set", "{inc}", "--milestone", "{v}");
        key("sitrep incident set --at", "incident", "set", "{inc}", "--milestone", "mitigated", "--at", "{v}");
        key("sitrep incident update ID", "incident", "update", "{v}");
        key("sitrep incident update --template", "incident", "update", "{inc}", "--template", "{v}");
        text("sitrep evidence add --description", EvidenceService.DESCRIPTION_MAX, false, "evidence", "add", "{inc}", "{existing}",
                "--description", "{v}");
        text("sitrep evidence add --tag", EvidenceService.TAG_MAX, false, "evidence", "add", "{inc}", "{existing}", "--tag", "{v}");
        key("sitrep evidence add INCIDENT", "evidence", "add", "{v}", "{existing}");
        text("sitrep evidence note TEXT", MAX, false, "evidence", "note", "{inc}", "{v}");
        text("sitrep evidence note --name", EvidenceService.NAME_MAX, false, "evidence", "note", "{inc}", "--name", "{v}", "seen {n}");
        text("sitrep evidence note --tag", EvidenceService.TAG_MAX, false, "evidence", "note", "{inc}", "--tag", "{v}", "seen {n}");
        key("sitrep evidence note INCIDENT", "evidence", "note", "{v}", "seen");
        text("sitrep evidence paste --command", EvidenceService.COMMAND_MAX, false, "evidence", "paste", "{inc}", "--command", "{v}",
                "--output", "{existing}");
        text("sitrep evidence paste --description", EvidenceService.DESCRIPTION_MAX, false, "evidence", "paste", "{inc}", "--command", "ls {n}",
                "--output", "{existing}", "--description", "{v}");
        text("sitrep evidence paste --tag", EvidenceService.TAG_MAX, false, "evidence", "paste", "{inc}", "--command", "ls {n}", "--output",
                "{existing}", "--tag", "{v}");
        key("sitrep evidence paste INCIDENT", "evidence", "paste", "{v}", "--command", "ls", "--output", "{existing}");
        text("sitrep evidence remove --reason", Limits.REASON_MAX, true, "evidence", "remove", "{evidence}", "--reason", "{v}");
        key("sitrep evidence remove ID", "evidence", "remove", "{v}", "--reason", "wrong file");
        key("sitrep evidence snapshot --path", "evidence", "snapshot", "{inc}", "--platform", "pn", "--path", "{v}");
        key("sitrep evidence snapshot --platform", "evidence", "snapshot", "{inc}", "--platform", "{v}");
        text("sitrep evidence snapshot --tag", EvidenceService.TAG_MAX, false, "evidence", "snapshot", "{inc}", "--platform", "pn", "--tag",
                "{v}");
        key("sitrep evidence snapshot INCIDENT", "evidence", "snapshot", "{v}", "--platform", "pn");
        key("sitrep evidence import --incident", "evidence", "import", "{existing}", "--incident", "{v}");
        key("sitrep evidence limit SIZE", "evidence", "limit", "{v}");
        text("sitrep followup add --action", Limits.ACTION_MAX, false, "followup", "add", "{inc}", "--action", "{v}");
        text("sitrep followup add --owner", Limits.NAME_MAX, false, "followup", "add", "{inc}", "--action", "fix {n}", "--owner",
                "{v}");
        key("sitrep followup add --due", "followup", "add", "{inc}", "--action", "fix", "--due", "{v}");
        key("sitrep followup add INCIDENT", "followup", "add", "{v}", "--action", "fix");
        text("sitrep followup set --action", Limits.ACTION_MAX, false, "followup", "set", "{item}", "--action", "{v}");
        text("sitrep followup set --owner", Limits.NAME_MAX, false, "followup", "set", "{item}", "--owner", "{v}");
        key("sitrep followup set --due", "followup", "set", "{item}", "--due", "{v}");
        key("sitrep followup set --status", "followup", "set", "{item}", "--status", "{v}");
        key("sitrep followup set ID", "followup", "set", "{v}", "--status", "done");
        text("sitrep platform add NAME", 40, false, "platform", "add", "{v}", "--kind", "cullis", "--url",
                "http://127.0.0.1:9/");
        key("sitrep platform add --kind", "platform", "add", "k{n}", "--kind", "{v}", "--url", "http://127.0.0.1:9/");
        key("sitrep platform add --environment", "platform", "add", "e{n}", "--kind", "cullis", "--url",
                "http://127.0.0.1:9/", "--environment", "{v}");
        text("sitrep platform add --url", Profiles.URL_MAX, repeat("https://h.example/", 'x', ""), false, "platform", "add", "u{n}",
                "--kind", "cullis", "--url", "{v}");
        text("sitrep platform add --email", Profiles.EMAIL_MAX, repeat("", 'x', "@example.com"), false, "platform", "add", "m{n}",
                "--kind", "powernode", "--url", "http://127.0.0.1:9/", "--email", "{v}");
        text("sitrep platform add --flag", 200, false, "platform", "add", "f{n}", "--kind", "so1", "--url",
                "http://127.0.0.1:9/", "--flag", "{v}");
        key("sitrep platform remove NAME", "platform", "remove", "{v}");
        key("sitrep platform test NAME", "platform", "test", "{v}");
        key("sitrep sync --platform", "sync", "--platform", "{v}");
        text("sitrep kill-switch halt --reason", KillSwitchService.REASON_MAX, true, "kill-switch", "halt", "--platform", "pn", "--reason", "{v}",
                "--yes");
        key("sitrep kill-switch halt --platform", "kill-switch", "halt", "--platform", "{v}", "--reason", "x", "--yes");
        key("sitrep kill-switch halt --incident", "kill-switch", "halt", "--platform", "pn", "--reason", "x", "--incident",
                "{v}", "--yes");
        text("sitrep kill-switch resume --summary", ResumeRequest.SUMMARY_MAX, true, "kill-switch", "resume", "--platform", "pn", "--summary",
                "{v}", "--approver", "sam", "--yes");
        text("sitrep kill-switch resume --approver", Limits.NAME_MAX, true, "kill-switch", "resume", "--platform", "pn", "--summary",
                "fixed {n}", "--approver", "{v}", "--yes");
        key("sitrep kill-switch resume --mode", "kill-switch", "resume", "--platform", "pn", "--summary", "fixed",
                "--approver", "sam", "--mode", "{v}", "--yes");
        key("sitrep kill-switch resume --platform", "kill-switch", "resume", "--platform", "{v}", "--summary", "fixed",
                "--approver", "sam", "--yes");
        key("sitrep kill-switch resume --incident", "kill-switch", "resume", "--platform", "pn", "--summary", "fixed",
                "--approver", "sam", "--incident", "{v}", "--yes");
        key("sitrep kill-switch status --platform", "kill-switch", "status", "--platform", "{v}");
        text("sitrep contain revoke-cert --org", 128, repeat("", 'o', ""), true, "contain", "revoke-cert", "--platform",
                "cul", "--org", "{v}", "--serial", "{hex}", "--reason", "leak", "--yes");
        text("sitrep contain revoke-cert --serial", 64, repeat("", 'a', ""), true, "contain", "revoke-cert", "--platform",
                "cul", "--org", "acme", "--serial", "{v}", "--reason", "leak", "--yes");
        text("sitrep contain revoke-cert --reason", KillSwitchService.REASON_MAX, true, "contain", "revoke-cert", "--platform", "cul", "--org",
                "acme", "--serial", "{hex}", "--reason", "{v}", "--yes");
        key("sitrep contain revoke-cert --platform", "contain", "revoke-cert", "--platform", "{v}", "--org", "acme",
                "--serial", "{hex}", "--reason", "leak", "--yes");
        key("sitrep contain revoke-cert --incident", "contain", "revoke-cert", "--platform", "cul", "--org", "acme",
                "--serial", "{hex}", "--reason", "leak", "--incident", "{v}", "--yes");
    }

    /** Every text option and parameter of sitrep's commands, as "sitrep incident note TEXT" or "sitrep kill-switch halt --reason". */
    private static List<String> inputs() {
        List<String> out = new ArrayList<>();
        walk(SitrepCli.commandLine(null, null), out);
        return out;
    }

    private static void walk(CommandLine command, List<String> out) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        for (OptionSpec o : spec.options()) {
            if (!o.inherited() && !o.usageHelp() && !o.versionHelp() && carriesText(o)) {
                out.add(spec.qualifiedName() + " " + o.longestName());
            }
        }
        spec.positionalParameters().stream().filter(CliInputBoundsTest::carriesText)
                .forEach(p -> out.add(spec.qualifiedName() + " " + p.paramLabel()));
        command.getSubcommands().values().forEach(sub -> walk(sub, out));
    }

    /** Switches and numbers carry no text: picocli refuses anything else for them. */
    private static boolean carriesText(ArgSpec a) {
        Class<?> t = a.type();
        return !(t == boolean.class || t == Boolean.class || t == int.class || t == Integer.class);
    }

    @Test
    void everyInputIsCoveredOrExcludedWithAReason() {
        TreeSet<String> missing = new TreeSet<>(inputs());
        missing.removeAll(cases.keySet());
        missing.removeAll(EXCLUDED.keySet());
        assertThat(missing).as("inputs with neither a case in CliInputBoundsTest nor an exclusion with a reason").isEmpty();
        assertThat(inputs()).as("no stale cases or exclusions").containsAll(cases.keySet()).containsAll(EXCLUDED.keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachInputIsStoredWholeOrRefusedBeforeAnythingIsSent() {
        return cases.values().stream().flatMap(c -> values(c).entrySet().stream().map(v -> DynamicTest.dynamicTest(
                c.input() + " " + v.getKey(), () -> check(c, v.getValue()))));
    }

    /** The values tried: around the limit, 10 KB, 100 KB, and one with control characters and other scripts. */
    private Map<String, String> values(Case c) {
        Map<String, String> out = new LinkedHashMap<>();
        String mixed = "é 日本 😀 \u0007bell \u001b[31mred\u001b[0m tab\tend";
        if (c.kind() == Kind.TEXT) {
            if (c.limit() <= 100_000) {
                out.put("at the limit (" + c.limit() + ")", c.filler().apply(c.limit()));
                out.put("one over the limit", c.filler().apply(c.limit() + 1));
            }
            String filled = c.filler().apply(Math.min(c.limit(), 60));
            out.put("with control characters and other scripts", filled.substring(0, filled.length() / 2) + mixed
                    + filled.substring(filled.length() / 2));
        } else {
            out.put("with control characters and other scripts", "k" + mixed);
        }
        IntFunction<String> big = c.kind() == Kind.TEXT ? c.filler() : repeat("", 'y', "");
        out.put("10 KB", big.apply(10 * 1024));
        out.put("100 KB", big.apply(100 * 1024));
        return out;
    }

    private void check(Case c, String value) throws Exception {
        List<String> args = fill(c.template(), value);
        int requests = pn.requests() + cul.requests();
        CliRunner.Result r = cli.run(args.toArray(String[]::new));
        boolean over = c.kind() == Kind.TEXT && value.length() > c.limit();
        if (r.code() == 0) {
            assertThat(over).as("accepted over its limit of " + c.limit() + ": " + abbreviated(r)).isFalse();
            assertThat(stored(value)).as("stored whole: " + abbreviated(r)).isTrue();
            if (c.audited()) {
                assertThat(audited(value)).as("on the audit trail").isTrue();
            }
            return;
        }
        assertThat(r.code()).as("refused as a usage error: " + abbreviated(r)).isEqualTo(2);
        assertThat(r.err().strip()).as("one line").startsWith("sitrep: ").doesNotContain("\n").hasSizeLessThan(MESSAGE_MAX);
        if (over) {
            assertThat(r.err()).as("names the limit").contains(String.valueOf(c.limit()));
        }
        assertThat(pn.requests() + cul.requests()).as("nothing was sent: " + abbreviated(r)).isEqualTo(requests);
        if (value.length() > 100) {
            assertThat(stored(value)).as("nothing stored").isFalse();
        }
    }

    private static String abbreviated(CliRunner.Result r) {
        return "exit " + r.code() + ", " + cut(r.err().strip()) + " / " + cut(r.out().strip());
    }

    private static String cut(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + ")";
    }

    /** The template with its placeholders filled in; each run gets what it needs fresh. */
    private List<String> fill(List<String> template, String value) throws IOException {
        int n = runs.incrementAndGet();
        List<String> out = new ArrayList<>();
        for (String t : template) {
            out.add(switch (t) {
                case "{v}" -> value;
                case "{existing}" -> write("existing-" + n + ".txt", "output " + n).toString();
                case "{inc}" -> incident();
                case "{fresh}" -> declare("fresh " + n);
                case "{entry}" -> entry();
                case "{item}" -> cli.run("followup", "add", incident(), "--action", "fix " + n).out().strip();
                case "{evidence}" -> cli.run("evidence", "note", incident(), "seen " + n).firstWord();
                case "{hex}" -> Integer.toHexString(0x10000 + n);
                default -> t.replace("{n}", Integer.toString(n));
            });
        }
        return out;
    }

    private String incident;

    private String incident() {
        if (incident == null) {
            incident = declare("Bounds");
        }
        return incident;
    }

    private String declare(String title) {
        return ok("incident", "declare", "--title", title, "--platform", "pn", "--platform", "cul", "--anyway").firstWord();
    }

    /** A note's entry id on the incident, fresh (an entry is corrected once). */
    private String entry() {
        String out = ok("incident", "note", incident(), "to correct " + runs.get()).out();
        return out.replaceAll("(?s).*\\(entry ([^)]+)\\).*", "$1");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Whether the value is somewhere in the store: a text column (as is, or as JSON writes it) or an evidence blob. */
    private boolean stored(String value) throws SQLException, IOException {
        String json = Json.write(value);
        String escaped = json.substring(1, json.length() - 1);
        try (Connection db = database()) {
            for (String[] column : textColumns(db)) {
                if (contains(db, column, value) || contains(db, column, escaped)) {
                    return true;
                }
            }
        }
        Path blobs = tmp.resolve("data").resolve("evidence");
        if (!Files.isDirectory(blobs)) {
            return false;
        }
        byte[] wanted = value.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> holds(f, wanted));
        }
    }

    private boolean audited(String value) throws SQLException {
        try (Connection db = database()) {
            for (String[] column : textColumns(db)) {
                if (column[0].equals("AUDIT_ENTRY") && contains(db, column, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + tmp.resolve("data").resolve("sitrep") + ";AUTO_SERVER=TRUE",
                "sa", "");
    }

    private static List<String[]> textColumns(Connection db) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND DATA_TYPE IN ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT')");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    private static boolean contains(Connection db, String[] column, String value) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE LOCATE(?, \""
                + column[1] + "\") > 0")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static boolean holds(Path file, byte[] wanted) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + wanted.length <= bytes.length; i++) {
                for (int j = 0; j < wanted.length; j++) {
                    if (bytes[i + j] != wanted[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
