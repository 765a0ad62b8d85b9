package dev.sitrep.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The runbooks that ship with Sitrep, as resources under {@code runbooks/} (listed here because a
 * jar's folder cannot be listed portably; a test keeps this list and the folder equal).
 */
public final class BuiltInRunbooks {

    /** File names under {@code runbooks/}, in the order a commander reaches for them. */
    public static final List<String> FILES = List.of("ai-triage.json", "lifecycle.json", "infra.json", "rollback.json",
            "severity.json", "contacts.json");

    /** The id of the built-in AI-platform triage tree. */
    public static final String AI_TRIAGE = "ai-triage";

    private static volatile List<RunbookParser.Parsed> parsed;

    private BuiltInRunbooks() {
    }

    /** How problems and listings name a built-in file. */
    public static String label(String fileName) {
        return "runbooks/" + fileName;
    }

    /** The bytes of a built-in file, as shipped. */
    public static byte[] bytes(String fileName) {
        try (InputStream in = BuiltInRunbooks.class.getResourceAsStream("/runbooks/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("built-in runbook " + fileName + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in runbook " + fileName, e);
        }
    }

    /** Every built-in file parsed, in {@link #FILES} order; parsed once per process (they never change). */
    static List<RunbookParser.Parsed> parsed() {
        List<RunbookParser.Parsed> known = parsed;
        if (known == null) {
            known = FILES.stream().map(f -> RunbookParser.parse(label(f), bytes(f))).toList();
            parsed = known;
        }
        return known;
    }
}
