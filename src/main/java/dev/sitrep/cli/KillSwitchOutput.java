package dev.sitrep.cli;

import dev.sitrep.killswitch.KillSwitchService;

/** How a halt or resume result reaches the terminal: the confirmed state, or the failure and the manual fallback. */
final class KillSwitchOutput {

    private KillSwitchOutput() {
    }

    static int report(KillSwitchService.Result r, StoreCommand.Context c) {
        if (r.done()) {
            c.out().println(KillSwitchStatusCommand.describe(r.state(), c) + " (confirmed by the platform)");
            return 0;
        }
        c.out().println("Did not go through; nothing was changed on " + r.platform() + ". Do it by hand:");
        c.out().println(r.manualFallback());
        c.out().flush();
        throw r.failure();
    }
}
