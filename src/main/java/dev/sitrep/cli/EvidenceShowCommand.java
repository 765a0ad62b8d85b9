package dev.sitrep.cli;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.ByteSize;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.evidence.EvidenceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "An evidence item: what it is, its hash, and its custody (every capture, view, export and removal).")
final class EvidenceShowCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The evidence id (from 'sitrep evidence list'), "
            + "or any start of it that names one item.")
    String id;

    @Override
    int run(Context c) {
        EvidenceService evidence = c.services().evidence();
        EvidenceItem e = evidence.find(id);
        var out = c.out();
        out.println(e.name() + (e.removed() ? "  [REMOVED]" : ""));
        out.println("  id        " + e.id());
        out.println("  incident  " + e.incident().value());
        out.println("  kind      " + e.kind().key() + ", " + e.mediaType() + ", " + ByteSize.format(e.size()));
        out.println("  sha256    " + e.sha256());
        out.println("  captured  " + TimeFormat.utcTime(e.capturedAt()) + " by " + e.capturedBy());
        if (e.source() != null) {
            out.println("  source    " + e.source());
        }
        if (e.description() != null) {
            out.println("  about     " + e.description());
        }
        if (!e.tags().isEmpty()) {
            out.println("  tags      " + String.join(", ", e.tags()));
        }
        if (e.derivedFrom() != null) {
            out.println("  derived   from " + e.derivedFrom() + " (secrets masked)");
        }
        out.println("Custody (audit chain):");
        for (AuditEntry a : evidence.custody(e)) {
            out.println("  #" + a.seq() + "  " + TimeFormat.utcTime(a.at()) + "  " + a.action() + "  " + a.actor()
                    + (a.reason() == null ? "" : "  " + a.reason()));
        }
        return 0;
    }
}
