package dev.sitrep.cli;

import dev.sitrep.core.TimeInput;
import dev.sitrep.platform.Secrets;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.workspace.ProcessEnvironment;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** A command that works on the workspace: opens the store for the data directory, runs, closes it. */
abstract class StoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** What a command gets to work with: the workspace's services, built once for the command. */
    record Context(Store store, Services services, ProcessEnvironment environment, PrintWriter out) {

        /** A time option as typed (see TimeInput), or {@code null} when the option was not given. */
        Instant time(String typed) {
            return typed == null ? null : TimeInput.parse(typed, environment.clock(), environment.zone());
        }
    }

    @Override
    public final Integer call() throws Exception {
        RootCommand root = (RootCommand) spec.root().userObject();
        ProcessEnvironment environment = root.environment();
        try (Store store = open(spec, environment.dataDir(root.dataDirOption()));
             Services services = Services.on(store).environment(environment, root.actorOption())
                     .secretsAsker(terminal(environment)).build()) {
            int code = run(new Context(store, services, environment, spec.commandLine().getOut()));
            spec.commandLine().getOut().flush();
            return code;
        }
    }

    /**
     * Opens the workspace for {@code command}, which names itself to a process that has to wait for it;
     * a slow open (waiting for another process, recovering after a crash) is said in one line on stderr.
     */
    static Store open(CommandSpec command, Path dataDir) {
        PrintWriter err = command.commandLine().getErr();
        return Store.open(dataDir, command.qualifiedName(), line -> {
            err.println(line);
            err.flush();
        });
    }

    /** Secrets no SITREP_SECRET_<NAME> or keychain gives are asked on the terminal, when there is one. */
    private static Secrets.Asker terminal(ProcessEnvironment environment) {
        if (!environment.interactive() || System.console() == null) {
            return null;
        }
        return question -> {
            char[] typed = System.console().readPassword("%s", question);
            return typed == null ? null : new String(typed);
        };
    }

    abstract int run(Context context) throws Exception;
}
