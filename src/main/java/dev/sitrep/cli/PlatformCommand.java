package dev.sitrep.cli;

import picocli.CommandLine.Command;

/** {@code sitrep platform ...}: the platforms this workspace talks to. */
@Command(name = "platform", mixinStandardHelpOptions = true, description = "Add, list, remove and test platform profiles.",
        subcommands = {PlatformAddCommand.class, PlatformListCommand.class, PlatformRemoveCommand.class,
                PlatformTestCommand.class, PlatformStatusCommand.class,
                PlatformSecretCommand.class})
final class PlatformCommand {
}
