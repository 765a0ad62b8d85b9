package dev.sitrep.cli;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.evidence.SecretScanner;

import java.io.PrintWriter;
import java.util.List;

/** How the evidence commands print an item they added, and the secrets found in it. */
final class EvidenceOutput {

    private EvidenceOutput() {
    }

    /** {@code ID  SHA256  SIZE  NAME}. */
    static void added(PrintWriter out, EvidenceItem item) {
        out.println(item.id() + "  " + item.sha256() + "  " + item.size() + "  " + item.name());
    }

    /** Warns on stderr for each secret found in an item whose bytes are text; answers what was found. */
    static List<SecretScanner.Finding> secrets(PrintWriter err, EvidenceService evidence, EvidenceItem item) {
        return secrets(err, item, evidence.scan(item));
    }

    /** Warns on stderr for each secret {@code found} in {@code item}; answers them. */
    static List<SecretScanner.Finding> secrets(PrintWriter err, EvidenceItem item, List<SecretScanner.Finding> found) {
        found.forEach(f -> err.println("warning: " + item.name() + ":" + f.line() + ": looks like a secret ("
                + f.kind() + "): " + f.masked()));
        err.flush();
        return found;
    }
}
