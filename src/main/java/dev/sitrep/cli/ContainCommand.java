package dev.sitrep.cli;

import picocli.CommandLine.Command;

/** {@code sitrep contain ...}: containment that is not a halt. */
@Command(name = "contain", mixinStandardHelpOptions = true, description = "Containment actions that are not a halt.",
        subcommands = {ContainRevokeCertCommand.class})
final class ContainCommand {
}
