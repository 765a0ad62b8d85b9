package dev.sitrep.cli;

import dev.sitrep.core.SitrepException;

/** A TCP port given on the command line: 0..65535, 0 meaning any free port; refused (exit 2) before anything starts. */
final class PortOption {

    private PortOption() {
    }

    static int check(int port, String option) {
        if (port < 0 || port > 65535) {
            throw SitrepException.invalid(option + " PORT must be 0..65535 (0 for any free port), not " + port + ".");
        }
        return port;
    }
}
