package dev.sitrep.cli;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.SitrepException;
import dev.sitrep.killswitch.KillSwitchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "revoke-cert", mixinStandardHelpOptions = true,
        description = "Revoke an organisation's agent certificate on a Cullis broker. Needs --yes.")
final class ContainRevokeCertCommand extends StoreCommand {

    @Option(names = "--platform", required = true, paramLabel = "NAME")
    String platform;

    @Option(names = "--org", required = true, paramLabel = "ORG")
    String org;

    @Option(names = "--serial", required = true, paramLabel = "HEX", description = "The certificate's serial number in hex.")
    String serial;

    @Option(names = "--reason", required = true, description = "One sentence, at most 200 characters.")
    String reason;

    @Option(names = "--incident", paramLabel = "ID")
    String incident;

    @Option(names = "--yes", description = "Confirm: really revoke.")
    boolean yes;

    @Override
    int run(Context c) {
        KillSwitchService.checkReason(reason);
        if (!yes) {
            throw SitrepException.invalid("Not revoked: revoking needs --yes to confirm; nothing was sent to " + platform + ".");
        }
        KillSwitchService.Result r = c.services().killSwitch().revokeCertificate(platform, org, serial, reason,
                incident == null ? null : IncidentId.parse(incident));
        return KillSwitchOutput.report(r, c, "'sitrep platform status --refresh' (or the console's pull)");
    }
}
