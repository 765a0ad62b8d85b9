package dev.sitrep.cli;

import dev.sitrep.killswitch.KillSwitchService;

/**
 * How a halt, resume or containment result reaches the terminal, in the audit trail's and the
 * timeline's words: done (exit 0) with the state; failed (exit 3 or 4, as the failure) with the
 * manual fallback, for what is left when it went through in part; unknown (exit 4: it may have
 * gone through) with how to check it.
 */
final class KillSwitchOutput {

    private KillSwitchOutput() {
    }

    /** @param check the command that reads the platform back and records what it finds */
    static int report(KillSwitchService.Result r, StoreCommand.Context c, String check) {
        c.out().println(r.platform() + ": " + r.said());
        if (r.done()) {
            if (r.state() != null) {
                c.out().println(KillSwitchStatusCommand.describe(r.state(), c));
            }
            return 0;
        }
        if (r.outcome() == KillSwitchService.Outcome.UNKNOWN) {
            c.out().println("It may have gone through. " + check + " reads it back and records what it finds on the "
                    + "audit trail and the timelines; if it did not go through, do it by hand:");
        } else if (r.state() != null && r.state().partial()) {
            c.out().println("It went through only in part. Do the rest by hand:");
        } else {
            c.out().println("Did not go through. Do it by hand:");
        }
        c.out().println(r.manualFallback());
        c.out().flush();
        throw r.failure();
    }
}
