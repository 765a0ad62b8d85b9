package dev.sitrep.cli;

import dev.sitrep.killswitch.KillSwitchService;

/**
 * How a halt or resume result reaches the terminal, in the audit trail's and the timeline's words:
 * done (exit 0) with the state; failed (exit 3 or 4, as the failure) with the manual fallback;
 * unknown (exit 4: the platform could not be read back) with how to check it.
 */
final class KillSwitchOutput {

    private KillSwitchOutput() {
    }

    static int report(KillSwitchService.Result r, StoreCommand.Context c) {
        c.out().println(r.platform() + ": " + r.said());
        if (r.done()) {
            c.out().println(KillSwitchStatusCommand.describe(r.state(), c));
            return 0;
        }
        if (r.outcome() == KillSwitchService.Outcome.UNKNOWN) {
            c.out().println("It may have gone through. Read the state with 'sitrep kill-switch status --platform "
                    + r.platform() + "' (it records what it finds on the audit trail and the timelines); if it did not "
                    + "go through, do it by hand:");
        } else {
            c.out().println("Did not go through. Do it by hand:");
        }
        c.out().println(r.manualFallback());
        c.out().flush();
        throw r.failure();
    }
}
