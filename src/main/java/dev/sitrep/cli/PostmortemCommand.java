package dev.sitrep.cli;

import picocli.CommandLine.Command;

/** {@code sitrep postmortem ...}: an incident's postmortem outside the editor. */
@Command(name = "postmortem", mixinStandardHelpOptions = true,
        description = "An incident's postmortem: the saved document, or a fresh draft when none was saved.",
        subcommands = {PostmortemExportCommand.class})
final class PostmortemCommand {
}
