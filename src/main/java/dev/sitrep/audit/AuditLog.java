package dev.sitrep.audit;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.store.Store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tamper-evident audit trail: append-only rows in H2, each carrying the SHA-256 of its own
 * content and of the entry before it, so an edited, deleted or reordered entry breaks the chain
 * at that point. Appends lock the chain's head, so several processes take turns. It is the one
 * log of what was done to platforms (halts, resumes, containment, escalations) and of evidence
 * custody (capture, export, removal).
 */
public final class AuditLog {

    private final Store store;
    private final Clock clock;

    public AuditLog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Appends an entry, chained to the newest one. */
    public AuditEntry append(String action, String platform, String actor, String reason, String approver, String detail,
                             String incidentId) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return store.write(tx -> {
            String[] head = tx.audit().lockHead();
            long seq = Long.parseLong(head[0]) + 1;
            String id = UUID.randomUUID().toString();
            String hash = hash(seq, id, at, action, platform, actor, reason, approver, detail, incidentId, head[1]);
            AuditEntry entry = new AuditEntry(seq, id, at, action, platform, actor, reason, approver, detail, incidentId,
                    head[1], hash);
            tx.audit().append(entry);
            tx.changed("audit", Long.toString(seq));
            return entry;
        });
    }

    public List<AuditEntry> all() {
        return store.read(tx -> tx.audit().all());
    }

    /** The newest entry for the platform with one of these actions, if any. */
    public Optional<AuditEntry> latest(String platform, String... actions) {
        List<String> wanted = List.of(actions);
        return store.read(tx -> tx.audit().forPlatform(platform)).stream().filter(e -> wanted.contains(e.action()))
                .findFirst();
    }

    /** What verification found: {@code null} problem when the chain is whole. */
    public record Verification(int entries, Long brokenAt, String problem) {
        public boolean intact() {
            return problem == null;
        }
    }

    /** Recomputes the chain from the first entry; reports the first broken link. */
    public Verification verify() {
        List<AuditEntry> entries = store.read(tx -> tx.audit().all());
        long head = store.read(tx -> tx.audit().headSeq());
        String prev = AuditEntry.GENESIS;
        long expected = 1;
        for (AuditEntry e : entries) {
            if (e.seq() != expected) {
                return new Verification(entries.size(), expected, "entry " + expected + " is missing (the next one is "
                        + e.seq() + "): an entry was deleted");
            }
            if (!e.prevHash().equals(prev)) {
                return new Verification(entries.size(), e.seq(), "entry " + e.seq() + " does not follow entry "
                        + (e.seq() - 1) + ": the entries were reordered, or one before it was changed or removed");
            }
            String recomputed = hash(e.seq(), e.id(), e.at(), e.action(), e.platform(), e.actor(), e.reason(), e.approver(),
                    e.detail(), e.incidentId(), e.prevHash());
            if (!recomputed.equals(e.hash())) {
                return new Verification(entries.size(), e.seq(), "entry " + e.seq() + " was changed after it was written");
            }
            prev = e.hash();
            expected++;
        }
        if (head != entries.size()) {
            return new Verification(entries.size(), (long) entries.size() + 1, "the chain ends at entry " + entries.size()
                    + " but " + head + " were written: the newest entries were deleted");
        }
        return new Verification(entries.size(), null, null);
    }

    static String hash(long seq, String id, Instant at, String action, String platform, String actor, String reason,
                       String approver, String detail, String incidentId, String prevHash) {
        String canonical = String.join("\u001f", Long.toString(seq), id, at.toString(), action, nz(platform), actor,
                nz(reason), nz(approver), nz(detail), nz(incidentId), prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "\u0000" : s;
    }
}
