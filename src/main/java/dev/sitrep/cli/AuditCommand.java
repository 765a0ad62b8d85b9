package dev.sitrep.cli;

import picocli.CommandLine.Command;

/** {@code sitrep audit ...}: the tamper-evident trail of halts, resumes, containment and failures. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify or export the audit trail.",
        subcommands = {AuditVerifyCommand.class, AuditExportCommand.class})
final class AuditCommand {
}
