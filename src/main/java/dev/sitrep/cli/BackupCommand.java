package dev.sitrep.cli;

import dev.sitrep.store.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent backup of the workspace while other Sitrep processes keep working.")
final class BackupCommand extends StoreCommand {

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file to create (never overwritten).")
    Path to;

    @Override
    int run(Context c) {
        Backups.backup(c.store(), to);
        c.out().println("Backed up " + c.store().dataDir() + " to " + to.toAbsolutePath().normalize() + ".");
        return 0;
    }
}
