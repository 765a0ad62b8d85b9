package dev.sitrep.cli;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.SitrepException;
import dev.sitrep.killswitch.ResumeRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resume a halted platform. --yes also confirms the checklist: root cause identified, fix verified, "
                + "review done.")
final class KillSwitchResumeCommand extends StoreCommand {

    @Option(names = "--platform", required = true, paramLabel = "NAME")
    String platform;

    @Option(names = "--summary", required = true, description = "What was fixed (the remediation summary).")
    String summary;

    @Option(names = "--approver", required = true, paramLabel = "WHO", description = "The senior engineer who approved.")
    String approver;

    @Option(names = "--mode", description = "powernode: full (restores the pre-halt snapshot) or minimal.")
    String mode;

    @Option(names = "--incident", paramLabel = "ID")
    String incident;

    @Option(names = "--yes", description = "Confirm the resume and the checklist.")
    boolean yes;

    @Override
    int run(Context c) {
        if (!yes) {
            throw SitrepException.invalid("Not resumed: a resume needs --yes, which also confirms the root cause is "
                    + "identified, the fix verified and the review done; nothing was sent to " + platform + ".");
        }
        ResumeRequest request = new ResumeRequest(true, true, true, approver, summary, mode);
        return KillSwitchOutput.report(c.services().killSwitch().resume(platform, request,
                incident == null ? null : IncidentId.parse(incident)), c, "'sitrep kill-switch status --platform "
                + platform + "'");
    }
}
