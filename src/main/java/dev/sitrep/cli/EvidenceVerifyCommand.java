package dev.sitrep.cli;

import dev.sitrep.core.SitrepException;
import dev.sitrep.evidence.Bundles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Re-hash every item of a bundle against its manifest: exit 0 only when all match.")
final class EvidenceVerifyCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "FILE.zip", description = "The bundle.")
    Path bundle;

    @Override
    int run(Context c) {
        if (!java.nio.file.Files.isRegularFile(bundle)) {
            throw SitrepException.invalid("No bundle at " + bundle + (java.nio.file.Files.isDirectory(bundle)
                    ? " (it is a directory)" : "") + "; give the .zip written by 'sitrep evidence export'.");
        }
        Bundles.Verification v = c.services().bundles().verify(bundle);
        if (v.intact()) {
            c.out().println("Intact: " + v.items() + " item" + (v.items() == 1 ? "" : "s") + ", every SHA-256 matches "
                    + "the manifest.");
            return 0;
        }
        v.problems().forEach(p -> c.out().println("NOT INTACT  " + p));
        throw new SitrepException(SitrepException.Kind.FAILURE, bundle + " is not intact (" + v.problems().size()
                + " problem" + (v.problems().size() == 1 ? "" : "s") + ", listed above); do not rely on it as evidence.");
    }
}
