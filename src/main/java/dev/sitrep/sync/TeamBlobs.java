package dev.sitrep.sync;

import dev.sitrep.core.TeamJson;
import dev.sitrep.evidence.BlobStore;
import dev.sitrep.platform.sitrep.SitrepConnector;
import dev.sitrep.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Evidence bytes between this console and a team platform, beside the records the outbox carries:
 * a blob goes up once (the platform is asked first) before the record that names it, and blobs of
 * records pulled from others come down afterwards, checked against their SHA-256. A blob over the
 * platform's limit stays here (its record is shared, saying where the bytes are); a download is
 * bounded per cycle, and what is left comes with the next.
 */
final class TeamBlobs {

    private static final Logger LOG = Logger.getLogger(TeamBlobs.class.getName());

    /** The most blobs and bytes one cycle downloads. */
    static final int DOWNLOADS_PER_CYCLE = 50;
    static final long BYTES_PER_CYCLE = 512L << 20;

    private final BlobStore blobs;
    private final Store store;

    TeamBlobs(BlobStore blobs, Store store) {
        this.blobs = blobs;
        this.store = store;
    }

    /** Uploads the blobs that the evidence records about to be pushed name, when the platform lacks them. */
    void upload(SitrepConnector team, List<PushBatch.Outgoing> batch) {
        for (PushBatch.Outgoing o : batch) {
            if (!o.row().entity().equals(TeamJson.EVIDENCE) || !o.body().path("fields").has("sha256")) {
                continue;
            }
            String sha = o.body().path("fields").path("sha256").asText();
            Path file = blobs.path(sha);
            if (Files.exists(file) && !team.hasBlob(sha) && !team.putBlob(sha, file)) {
                LOG.info(() -> "evidence blob " + sha + " is over " + team.name() + "'s limit; its record is shared, "
                        + "the bytes stay on this console");
            }
        }
    }

    /** Downloads blobs named by evidence here that this console lacks; how many came. */
    int download(SitrepConnector team) {
        Map<String, Long> named = store.read(tx -> tx.evidence().blobs());
        int fetched = 0;
        long bytes = 0;
        for (Map.Entry<String, Long> b : named.entrySet()) {
            if (fetched >= DOWNLOADS_PER_CYCLE || bytes >= BYTES_PER_CYCLE) {
                break;
            }
            String sha = b.getKey();
            if (Files.exists(blobs.path(sha)) || b.getValue() > blobs.limit()) {
                continue;
            }
            BlobStore.Stored[] stored = new BlobStore.Stored[1];
            boolean came = team.getBlob(sha, b.getValue(), in -> stored[0] = blobs.put("evidence blob " + sha, in,
                    b.getValue(), BlobStore.Progress.NONE, () -> false));
            if (came) {
                if (!stored[0].sha256().equals(sha)) {
                    LOG.warning(() -> team.name() + " sent bytes whose SHA-256 is " + stored[0].sha256() + " for blob " + sha
                            + "; they are not taken as that evidence");
                }
                fetched++;
                bytes += b.getValue();
            }
        }
        return fetched;
    }
}
