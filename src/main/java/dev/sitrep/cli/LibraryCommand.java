package dev.sitrep.cli;

import dev.sitrep.runbook.RunbookLibrary;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * A runbook command: reads the runbook library of the data directory. Opens no database, so it
 * works while the console holds the workspace, and on a machine with no workspace yet.
 */
abstract class LibraryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        RootCommand root = (RootCommand) spec.root().userObject();
        Path dataDir = root.environment().dataDir(root.dataDirOption());
        PrintWriter out = spec.commandLine().getOut();
        int code = run(RunbookLibrary.load(dataDir), dataDir, out, spec.commandLine().getErr());
        out.flush();
        spec.commandLine().getErr().flush();
        return code;
    }

    abstract int run(RunbookLibrary library, Path dataDir, PrintWriter out, PrintWriter err);
}
