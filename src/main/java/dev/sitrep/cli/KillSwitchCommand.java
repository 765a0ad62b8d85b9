package dev.sitrep.cli;

import picocli.CommandLine.Command;

/** {@code sitrep kill-switch ...}: halt and resume platforms' automation. */
@Command(name = "kill-switch", mixinStandardHelpOptions = true,
        description = "Read, halt and resume a platform's automation. Every attempt is audited.",
        subcommands = {KillSwitchStatusCommand.class, KillSwitchHaltCommand.class, KillSwitchResumeCommand.class})
final class KillSwitchCommand {
}
