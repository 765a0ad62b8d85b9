package dev.sitrep.cli;

import dev.sitrep.core.EvidenceItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Mark an item removed, with a reason: a tombstone; its bytes and custody stay.")
final class EvidenceRemoveCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The evidence id, or any start of it that names one item.")
    String id;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is removed.")
    String reason;

    @Override
    int run(Context c) {
        EvidenceItem item = c.services().evidence().remove(id, reason);
        c.out().println("Removed " + item.name() + " (" + item.id() + ") by " + item.removedBy() + ": "
                + item.removedReason() + ". Its bytes and custody are kept.");
        return 0;
    }
}
