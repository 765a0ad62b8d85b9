package dev.sitrep.cli;

import picocli.CommandLine.Command;

/** {@code sitrep evidence ...}: evidence on an incident, hashed at capture, with its custody on the audit chain. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Evidence on an incident: hashed when captured, custody on the audit chain.",
        subcommands = {EvidenceAddCommand.class, EvidenceNoteCommand.class, EvidencePasteCommand.class,
                EvidenceSnapshotCommand.class, EvidenceListCommand.class, EvidenceShowCommand.class,
                EvidenceRemoveCommand.class, EvidenceExportCommand.class, EvidenceVerifyCommand.class,
                EvidenceImportCommand.class, EvidenceLimitCommand.class})
final class EvidenceCommand {
}
