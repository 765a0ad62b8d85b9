package dev.sitrep.cli;

import dev.sitrep.core.SitrepException;
import dev.sitrep.audit.AuditLog;
import picocli.CommandLine.Command;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute the hash chain; exit 1 naming the first broken link.")
final class AuditVerifyCommand extends StoreCommand {

    @Override
    int run(Context c) {
        AuditLog.Verification v = c.services().audit().verify();
        if (!v.intact()) {
            throw new SitrepException(SitrepException.Kind.FAILURE, "The audit trail is broken at entry " + v.brokenAt()
                    + ": " + v.problem() + ".");
        }
        c.out().println("Audit trail intact: " + v.entries() + " entries, each chained to the one before.");
        return 0;
    }
}
