package dev.sitrep.cli;

import dev.sitrep.workspace.ProcessEnvironment;
import dev.sitrep.core.SitrepException;
import dev.sitrep.store.LogFiles;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a {@code sitrep} command line: results on stdout, one line on stderr for an error, and
 * the exit code of cli.md's table. Loads no JavaFX class: the native wall, the one command that needs it,
 * is handed in by the launcher.
 */
public final class SitrepCli {

    private static final Logger LOG = Logger.getLogger(SitrepCli.class.getName());

    private SitrepCli() {
    }

    public static CommandLine commandLine(ProcessEnvironment environment, NativeWall nativeWall) {
        CommandLine cli = new CommandLine(new RootCommand(environment, nativeWall));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(SitrepCli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, commandLine));
        return cli;
    }

    /** Runs the command and returns its exit code. */
    public static int run(String[] args, ProcessEnvironment environment, NativeWall nativeWall, PrintWriter out,
                          PrintWriter err) {
        LogFiles.silenceConsole();
        CommandLine cli = commandLine(environment, nativeWall);
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The global options when {@code args} name no command and ask for no help: the desktop
     * console should open; otherwise {@code null}, and the args are a CLI command.
     */
    public static RootCommand desktopOptions(String[] args, ProcessEnvironment environment, NativeWall nativeWall) {
        CommandLine cli = commandLine(environment, nativeWall);
        try {
            ParseResult parsed = cli.parseArgs(args);
            if (parsed.hasSubcommand() || parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
                return null;
            }
            return cli.getCommand();
        } catch (ParameterException e) {
            return null;
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        // An unknown option explains a "missing" one (a typo in its name): name the unknown one first.
        List<String> unmatched = cmd.getUnmatchedArguments();
        String message = unmatched.isEmpty() ? e.getMessage()
                : "Unknown option or argument: '" + unmatched.stream().filter(a -> a.startsWith("-")).findFirst()
                        .orElse(unmatched.get(0)) + "'";
        cmd.getErr().println("sitrep: " + message + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return 2;
    }

    private static int failure(Exception e, CommandLine cmd) {
        if (e instanceof SitrepException s) {
            LOG.log(Level.INFO, "refused: " + s.getMessage(), s.getCause());
            cmd.getErr().println("sitrep: " + oneLine(s.message(SitrepCli::flag)));
            cmd.getErr().flush();
            return s.kind().exitCode();
        }
        LOG.log(Level.SEVERE, "unexpected failure", e);
        cmd.getErr().println("sitrep: unexpected failure: " + oneLine(String.valueOf(e))
                + " (details in the log folder under the data directory)");
        cmd.getErr().flush();
        return 1;
    }

    /** How the command line names an input that a message names: its option. */
    static String flag(String input) {
        return "--" + input;
    }

    private static String oneLine(String message) {
        return message == null ? "no detail" : message.replace('\n', ' ').replace('\r', ' ');
    }
}
