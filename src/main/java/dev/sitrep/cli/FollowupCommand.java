package dev.sitrep.cli;

import picocli.CommandLine.Command;

/** {@code sitrep followup ...}: add and change the action items a postmortem commits the team to. */
@Command(name = "followup", mixinStandardHelpOptions = true,
        description = "Add or change an action item (listed by 'sitrep followups').",
        subcommands = {FollowupAddCommand.class, FollowupSetCommand.class})
final class FollowupCommand {
}
