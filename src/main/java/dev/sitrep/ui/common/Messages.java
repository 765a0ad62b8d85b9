package dev.sitrep.ui.common;

import dev.sitrep.core.SitrepException;

/** What the commander reads when something fails: our message when we have one, else a plain summary. */
public final class Messages {

    private Messages() {
    }

    public static String of(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof SitrepException s) {
                return s.getMessage();
            }
            t = t.getCause();
        }
        return "Unexpected failure: " + failure + ". Nothing was changed; details are in the log folder.";
    }
}
