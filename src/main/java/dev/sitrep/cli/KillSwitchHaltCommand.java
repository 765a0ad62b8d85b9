package dev.sitrep.cli;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.SitrepException;
import dev.sitrep.killswitch.KillSwitchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "halt", mixinStandardHelpOptions = true,
        description = "Halt a platform's automation. Needs --yes; without a terminal nothing is sent without it.")
final class KillSwitchHaltCommand extends StoreCommand {

    @Option(names = "--platform", required = true, paramLabel = "NAME")
    String platform;

    @Option(names = "--reason", required = true, description = "One sentence, at most 200 characters.")
    String reason;

    @Option(names = "--incident", paramLabel = "ID", description = "The incident to record it on (default: every "
            + "active incident naming the platform).")
    String incident;

    @Option(names = "--yes", description = "Confirm: really halt.")
    boolean yes;

    @Override
    int run(Context c) {
        KillSwitchService.checkReason(reason);
        if (!yes) {
            throw SitrepException.invalid("Not halted: a halt needs --yes to confirm; nothing was sent to " + platform + ".");
        }
        KillSwitchService.Result r = c.services().killSwitch().halt(platform, reason, incident == null ? null : IncidentId.parse(incident));
        return KillSwitchOutput.report(r, c, "'sitrep kill-switch status --platform " + platform + "'");
    }
}
