package dev.sitrep.cli;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.platform.Connectors;
import dev.sitrep.platform.http.EndpointSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Keep a platform's answer to a health or status call (status, headers without secrets, body).")
final class EvidenceSnapshotCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident id.")
    String incident;

    @Option(names = "--platform", required = true, paramLabel = "NAME", description = "The platform profile.")
    String platform;

    @Option(names = "--path", paramLabel = "PATH", description = "The call (default: the platform's health call).")
    String path;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Override
    int run(Context c) {
        IncidentId id = IncidentId.parse(incident);
        c.services().incidents().show(id);
        PlatformProfile profile = c.services().profiles().get(platform);
        List<String> known = Connectors.statusPaths(profile.kind());
        if (path == null && known.isEmpty()) {
            throw SitrepException.invalid(platform + " is a " + profile.kind().key() + " platform with no HTTP status "
                    + "call; add its file as evidence with 'sitrep evidence add'.");
        }
        EvidenceService.checkLabels(null, tags);
        EndpointSnapshot snapshot = c.services().profiles().snapshot(profile, path == null ? known.get(0) : path);
        EvidenceItem item = c.services().evidence().addSnapshot(id, platform, snapshot, null, tags);
        EvidenceOutput.added(c.out(), item);
        EvidenceOutput.secrets(spec.commandLine().getErr(), c.services().evidence(), item);
        return 0;
    }
}
