package dev.sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a platform profile.")
final class PlatformRemoveCommand extends StoreCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int run(Context c) {
        c.services().profiles().remove(name);
        c.out().println("Removed " + name + ".");
        return 0;
    }
}
