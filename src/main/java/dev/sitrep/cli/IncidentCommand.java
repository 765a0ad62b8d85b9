package dev.sitrep.cli;

import picocli.CommandLine.Command;

/** {@code sitrep incident ...}: declare, list, show and change incidents. */
@Command(name = "incident", mixinStandardHelpOptions = true, description = "Declare, list, show and change incidents.",
        subcommands = {DeclareCommand.class, ListCommand.class, ShowCommand.class, NoteCommand.class, SetCommand.class,
                HypothesisCommand.class, AmendCommand.class, UpdateCommand.class})
final class IncidentCommand {
}
