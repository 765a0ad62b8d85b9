package dev.sitrep.runbook.importer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random, truncated, shuffled and binary input, with fixed seeds: no exception other than a
 * refusal escapes, every refusal and every note names a line of the input, every result passes
 * the validator, and no word of the input disappears without a trace (it is in the runbook, in a
 * note or in an adjustment). A failing input is written to target/import-fuzz/ to replay it.
 */
class ImportFuzzTest {

    private static final Pattern WORD = Pattern.compile("\\p{L}{5,}");
    /** Words the importer reads as structure and does not keep as text (markers, labels, fence languages). */
    private static final Set<String> STRUCTURE = Set.of("expect", "expected", "output", "continue", "console", "shell",
            "plaintext", "should");
    private static final List<String> SOUP = List.of("# ", "## ", "### ", "- ", "* ", "1. ", "2) ", "(a) ", "\u2022 ",
            "Step 3: ", "- [ ] ", "\u2610 ", "| ", " | ", "|---|---|", "--- | ---", "```", "```console", "~~~", "    ",
            "\u251C\u2500\u2500 ", "\u2514\u2500\u2500 ", "\u2502   ", "|-- ", "`-- ", "YES \u2192 ", "NO -> ", "go to 2",
            "continue", "SEV0", "SEV1", "P2", "Sev 3", "(SEV2)", "Symptoms", "Confirm:", "Recover", "Verify", "Prevent",
            "Expect: ", "$ ", "curl -sS https://x.example/health", "sudo systemctl restart broker", "kubectl get pods",
            "SELECT * FROM t;", "psql -c 'SELECT 1'", "redis-cli ping", "&amp;", "&#8594;", "\u00E2\u2020\u2019",
            "\u00E2\u201D\u0153", "\u00C3\u00A9", "Level", "Criteria", "Risk", "Strategy", "Speed", "Role", "Channel",
            "Within", "Phase", "Symptom", "Cause", "low", "Med", "?", ":", "Is it down?", "Broker down", "Kill switch",
            "<!-- ", " -->", "![img](x.png)", "Skip to content", "Created by Dana", "[TOC]", "\t", "===", "---", "**",
            "text", "restart the database", "check the pool.", "Agents act on their own.");

    @Test
    void randomBytesGiveARefusalWithALineOrAValidRunbook() {
        Random random = new Random(20261122L);
        for (int n = 0; n < 400; n++) {
            byte[] bytes = new byte[random.nextInt(3000)];
            random.nextBytes(bytes);
            if (n % 4 == 0) {
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = (byte) (bytes[k] & 0x7F | (bytes[k] == 0 ? 0x20 : 0));
                }
            }
            check("random-" + n + ".md", bytes, false);
        }
    }

    @Test
    void everyTruncationOfTheRealisticRunbooksImports() {
        for (String name : ImportFixture.FILES) {
            byte[] full = ImportFixture.bytes(name);
            for (int end = 0; end < full.length; end += 23) {
                byte[] cut = new byte[end];
                System.arraycopy(full, 0, cut, 0, end);
                check(name + "@" + end, cut, true);
            }
        }
    }

    @Test
    void shuffledLinesOfTheRealisticRunbooksImport() {
        Random random = new Random(7L);
        for (String name : ImportFixture.FILES) {
            List<String> lines = new ArrayList<>(new String(ImportFixture.bytes(name), StandardCharsets.UTF_8).lines().toList());
            for (int round = 0; round < 25; round++) {
                Collections.shuffle(lines, random);
                check(name + "~" + round, String.join("\n", lines).getBytes(StandardCharsets.UTF_8), true);
            }
        }
    }

    @Test
    void linesMadeOfMarkersGlyphsPipesAndCommandsImport() {
        Random random = new Random(99L);
        for (int n = 0; n < 400; n++) {
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(60);
            for (int l = 0; l < lines; l++) {
                text.append(" ".repeat(random.nextInt(3) == 0 ? random.nextInt(9) : 0));
                int tokens = random.nextInt(6);
                for (int t = 0; t < tokens; t++) {
                    text.append(SOUP.get(random.nextInt(SOUP.size())));
                }
                text.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
            check("soup-" + n + ".md", text.toString().getBytes(StandardCharsets.UTF_8), true);
        }
    }

    @Test
    void oneMarkerRepeatedAlongALongLineImports() {
        List<String> markers = new ArrayList<>(SOUP);
        markers.addAll(List.of("| --- ", "A=1 ", "1.", " x", "- ", "| cell "));
        for (int n = 0; n < markers.size(); n++) {
            String line = markers.get(n).repeat(Math.max(1, 12_000 / markers.get(n).length()));
            check("long-line-" + n + ".md", ("# Long line\n\n" + line + "\n\n- " + line + "\n").getBytes(StandardCharsets.UTF_8),
                    true);
        }
    }

    @Test
    void binaryInputIsRefusedAtTheLineOfTheFirstNulByte() {
        byte[] bytes = "# Runbook\nline two\nline \u0000three\n".getBytes(StandardCharsets.UTF_8);
        try {
            RunbookImporter.importBytes("bin.md", bytes, ImportOptions.defaults());
            fail("a NUL byte must be refused");
        } catch (ImportRefusedException e) {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).startsWith("bin.md:3: holds a NUL byte").contains("binary");
        }
    }

    private static void check(String name, byte[] bytes, boolean wordsKept) {
        int lines = lineCount(bytes);
        try {
            ImportResult result = RunbookImporter.importBytes(name, bytes, ImportOptions.defaults());
            if (!result.valid()) {
                failWith(name, bytes, "the output does not validate: " + result.problems() + "\n" + result.json());
            }
            List<ImportNote> all = new ArrayList<>(result.notes());
            all.addAll(result.adjustments());
            for (ImportNote n : all) {
                if (n.line() < 1 || n.line() > lines || n.reason().isBlank()) {
                    failWith(name, bytes, "a note without a line of the input (" + lines + " lines): " + n);
                }
            }
            if (wordsKept) {
                wordsKept(name, bytes, result);
            }
        } catch (ImportRefusedException e) {
            if (e.line() < 1 || e.line() > lines || !e.getMessage().startsWith(name + ":" + e.line() + ": ")) {
                failWith(name, bytes, "a refusal without its line: " + e.getMessage());
            }
        } catch (RuntimeException | StackOverflowError e) {
            failWith(name, bytes, "an exception escaped: " + e + "\n" + stack(e));
        }
    }

    /** Every word of five letters or more of the (repaired) input is in the runbook, a note or an adjustment. */
    private static void wordsKept(String name, byte[] bytes, ImportResult result) {
        StringBuilder kept = new StringBuilder(result.json());
        result.notes().forEach(n -> kept.append('\n').append(n.text()).append(' ').append(n.reason()));
        result.adjustments().forEach(n -> kept.append('\n').append(n.text()).append(' ').append(n.reason()));
        String haystack = kept.toString().toLowerCase(Locale.ROOT);
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String line : text.split("\r\n|\r|\n", -1)) {
            Matcher m = WORD.matcher(TextRepair.line(line).text());
            while (m.find()) {
                String word = m.group().toLowerCase(Locale.ROOT);
                if (!STRUCTURE.contains(word) && !haystack.contains(word)) {
                    failWith(name, bytes, "the word \"" + m.group() + "\" of the line \"" + line + "\" is nowhere in the "
                            + "result\n" + result.json());
                }
            }
        }
    }

    private static int lineCount(byte[] bytes) {
        int n = 1;
        for (int k = 0; k < bytes.length; k++) {
            if (bytes[k] == '\n' || bytes[k] == '\r' && (k + 1 >= bytes.length || bytes[k + 1] != '\n')) {
                n++;
            }
        }
        return n;
    }

    private static void failWith(String name, byte[] bytes, String why) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "import-fuzz"));
            Files.write(dir.resolve(name.replaceAll("[^A-Za-z0-9.@~-]", "_")), bytes);
        } catch (IOException e) {
            why += " (could not save the input: " + e + ")";
        }
        fail(name + ": " + why);
    }

    private static String stack(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement el : e.getStackTrace()) {
            if (sb.length() > 2000) {
                break;
            }
            sb.append("  at ").append(el).append('\n');
        }
        return sb.toString();
    }
}
