package dev.sitrep.cli;

import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "secret", mixinStandardHelpOptions = true,
        description = "Store a platform's secret in the OS keychain (asked on the terminal, never echoed or written to disk).")
final class PlatformSecretCommand extends StoreCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int run(Context c) {
        c.services().profiles().get(name);
        if (!c.environment().interactive() || System.console() == null) {
            throw SitrepException.invalid("No terminal to type the secret on; run 'sitrep platform secret " + name
                    + "' in a terminal, or set " + Secrets.variableFor(name) + " instead.");
        }
        char[] typed = System.console().readPassword("Secret for platform %s: ", name);
        if (typed == null || typed.length == 0) {
            throw SitrepException.invalid("Nothing was typed; the keychain was left as it was.");
        }
        if (!c.services().keychain().store(name, new String(typed))) {
            throw new SitrepException(SitrepException.Kind.FAILURE, "The OS keychain did not answer (locked, or no "
                    + "keychain service on this machine); set " + Secrets.variableFor(name) + " instead.");
        }
        c.out().println("Stored the secret for " + name + " in the OS keychain.");
        return 0;
    }
}
