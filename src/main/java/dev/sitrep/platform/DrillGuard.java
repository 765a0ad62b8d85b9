package dev.sitrep.platform;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.http.PlatformUrl;

/**
 * In a drill workspace only the sandbox may be reached: a Powernode-dialect profile on this
 * machine's loopback. Anything else is refused before a single byte leaves the machine.
 */
public final class DrillGuard {

    private DrillGuard() {
    }

    public static void check(boolean drill, PlatformProfile profile) {
        if (!drill) {
            return;
        }
        boolean sandbox = profile.kind() == PlatformKind.POWERNODE && profile.url() != null
                && PlatformUrl.parse(profile.url()).scheme().equals("http");
        if (!sandbox) {
            throw SitrepException.invalid("This is a drill workspace: it only talks to the sandbox on this machine, and "
                    + profile.name() + " (" + profile.kind().key() + ", " + profile.address() + ") is not the sandbox. "
                    + "Use the real workspace for real platforms.");
        }
    }
}
