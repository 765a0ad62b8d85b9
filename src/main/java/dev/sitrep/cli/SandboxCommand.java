package dev.sitrep.cli;

import dev.sitrep.core.SitrepException;
import dev.sitrep.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the drill platform alone on 127.0.0.1 (it speaks Powernode's API) until stopped.")
final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (default: any free port).")
    int port;

    @Override
    public Integer call() throws Exception {
        RootCommand root = (RootCommand) spec.root().userObject();
        SandboxServer started;
        try {
            started = SandboxServer.start(port, root.environment().clock(), Duration.ofMinutes(15));
        } catch (java.net.BindException e) {
            throw SitrepException.invalid("Port " + port + " on 127.0.0.1 is already in use; choose another --port "
                    + "(or 0 for any free one), or stop what is using it.");
        }
        try (SandboxServer sandbox = started) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Sandbox platform (Powernode API) at " + sandbox.url() + " - drills only, state in memory.");
            out.println("Log in as " + SandboxServer.EMAIL + " with password " + SandboxServer.PASSWORD + ":");
            out.println("  SITREP_SECRET_SANDBOX=" + SandboxServer.PASSWORD + " sitrep platform add sandbox --kind powernode "
                    + "--url " + sandbox.url() + " --email " + SandboxServer.EMAIL + " --environment development");
            out.println("Stop with Ctrl+C.");
            out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
