package dev.sitrep.cli;

import dev.sitrep.store.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup into an empty data directory (a non-empty one is refused).")
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "A file written by 'sitrep backup'.")
    Path from;

    @Override
    public Integer call() {
        RootCommand root = (RootCommand) spec.root().userObject();
        Path dir = root.environment().dataDir(root.dataDirOption());
        Backups.restore(from, dir);
        spec.commandLine().getOut().println("Restored " + from.toAbsolutePath().normalize() + " into " + dir + ".");
        return 0;
    }
}
