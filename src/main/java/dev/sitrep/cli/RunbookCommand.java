package dev.sitrep.cli;

import picocli.CommandLine.Command;

/** {@code sitrep runbook ...}: the built-in runbooks and the team's own, checked. */
@Command(name = "runbook", mixinStandardHelpOptions = true,
        description = "List runbooks (built-in and <data-dir>/runbooks/*.json), validate a runbook file, export one, "
                + "import one from Markdown or a wiki page.",
        subcommands = {RunbookListCommand.class, RunbookValidateCommand.class, RunbookExportCommand.class,
            RunbookImportCommand.class})
final class RunbookCommand {
}
