package dev.sitrep.audit;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.Json;
import dev.sitrep.core.Limits;
import dev.sitrep.core.TeamJson;
import dev.sitrep.core.TeamLimits;
import dev.sitrep.core.SitrepException;
import dev.sitrep.store.Store;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tamper-evident audit trail: append-only rows in H2, each carrying the SHA-256 of its own
 * content and of the entry before it, so an edited, deleted or reordered entry breaks the chain
 * at that point. Appends lock the chain's head, so several processes take turns. It is the one
 * log of what was done to platforms (halts, resumes, containment, escalations) and of evidence
 * custody (capture, export, removal).
 *
 * <p>An entry is never refused for its length: it is often written after a platform acted, when
 * a failure would leave what was done unrecorded. A value longer than its column (V4__audit_log.sql)
 * is stored cut short, ending in "…", and the whole values are kept as an attachment (a blob named
 * by its SHA-256, which the entry's detail names, so the chain vouches for it too).
 */
public final class AuditLog {

    /** Keeps bytes somewhere lasting and answers their SHA-256 in hex; throws when it cannot. */
    @FunctionalInterface
    public interface Attachments {
        String keep(byte[] content);
    }

    /** The widths of the audit columns. */
    static final int PLATFORM_MAX = TeamLimits.AUDIT_PLATFORM_MAX;
    static final int ACTOR_MAX = 200;
    static final int REASON_MAX = TeamLimits.AUDIT_REASON_MAX;
    static final int APPROVER_MAX = 200;
    static final int DETAIL_MAX = TeamLimits.JSON_MAX;
    static final int INCIDENT_MAX = 40;
    /** Room kept at the end of a cut detail for the note naming the attachment. */
    private static final int NOTE_ROOM = 300;

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    private final Store store;
    private final Clock clock;
    private final Attachments attachments;

    public AuditLog(Store store, Clock clock, Attachments attachments) {
        this.store = store;
        this.clock = clock;
        this.attachments = attachments;
    }

    /** Appends an entry, chained to the newest one; values too long for their columns are kept as an attachment. */
    public AuditEntry append(String action, String platform, String actor, String reason, String approver, String detail,
                             String incidentId) {
        return append(action, platform, actor, reason, approver, detail, incidentId, null);
    }

    /**
     * Appends an entry only when {@code stillWanted} accepts the platform's entries (newest first)
     * as they are with the chain's head locked: of two processes resolving the same entry, one
     * appends. {@code null} when it was not appended.
     */
    public AuditEntry appendIf(Predicate<List<AuditEntry>> stillWanted, String action, String platform, String actor,
                               String reason, String approver, String detail, String incidentId) {
        return append(action, platform, actor, reason, approver, detail, incidentId, stillWanted);
    }

    private AuditEntry append(String action, String platform, String actor, String reason, String approver,
                              String detail, String incidentId, Predicate<List<AuditEntry>> stillWanted) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Fitted f = fit(platform, actor, reason, approver, detail, incidentId);
        return store.write(tx -> {
            String[] head = tx.audit().lockHead();
            if (stillWanted != null && !stillWanted.test(tx.audit().forPlatform(platform))) {
                return null;
            }
            long seq = Long.parseLong(head[0]) + 1;
            String id = UUID.randomUUID().toString();
            String hash = hash(seq, id, at, action, f.platform(), f.actor(), f.reason(), f.approver(), f.detail(),
                    f.incidentId(), head[1]);
            AuditEntry entry = new AuditEntry(seq, id, at, action, f.platform(), f.actor(), f.reason(), f.approver(),
                    f.detail(), f.incidentId(), head[1], hash);
            tx.audit().append(entry);
            tx.outbox().enqueue(TeamJson.AUDIT, id, () -> TeamJson.audit(entry).toString(), at);
            tx.changed("audit", Long.toString(seq));
            return entry;
        });
    }

    /** The values as stored: each within its column. */
    private record Fitted(String platform, String actor, String reason, String approver, String detail,
                          String incidentId) {
    }

    /** The values cut to their columns; when one is cut, the whole values go to an attachment the detail names. */
    private Fitted fit(String platform, String actor, String reason, String approver, String detail, String incidentId) {
        Map<String, String> whole = new LinkedHashMap<>();
        String[] names = {"platform", "actor", "reason", "approver", "detail", "incident"};
        String[] values = {platform, actor, reason, approver, detail, incidentId};
        int[] widths = {PLATFORM_MAX, ACTOR_MAX, REASON_MAX, APPROVER_MAX, DETAIL_MAX, INCIDENT_MAX};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && values[i].length() > widths[i]) {
                whole.put(names[i], values[i]);
            }
        }
        if (whole.isEmpty()) {
            return new Fitted(platform, actor, reason, approver, detail, incidentId);
        }
        String note = "[cut to fit the audit trail: " + String.join(", ", whole.keySet()) + "; " + attach(whole) + "]";
        String kept = detail == null ? note : Limits.cut(detail, DETAIL_MAX - NOTE_ROOM) + "\n" + note;
        return new Fitted(Limits.cut(platform, PLATFORM_MAX), Limits.cut(actor, ACTOR_MAX), Limits.cut(reason, REASON_MAX),
                Limits.cut(approver, APPROVER_MAX), Limits.cut(kept, DETAIL_MAX), Limits.cut(incidentId, INCIDENT_MAX));
    }

    /** Keeps the whole values; says where, or why they could not be kept (the entry is written either way). */
    private String attach(Map<String, String> whole) {
        try {
            return "whole in attachment sha256:" + attachments.keep(Json.write(whole).getBytes(StandardCharsets.UTF_8));
        } catch (SitrepException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "keeping an audit attachment failed", e);
            return "the whole text could not be kept (" + Limits.cut(e.getMessage(), 120) + ")";
        }
    }

    public List<AuditEntry> all() {
        return store.read(tx -> tx.audit().all());
    }

    /** The newest entry for the platform with one of these actions, if any. */
    /**
     * The newest of the platform's entries with one of {@code actions}, from this console's trail and
     * from what other consoles shared through a team platform (by time).
     */
    public Optional<AuditEntry> latestInTeam(String platform, String... actions) {
        List<String> wanted = List.of(actions);
        Optional<AuditEntry> shared = shared().stream()
                .filter(e -> platform.equals(e.platform()) && wanted.contains(e.action()))
                .reduce((a, b) -> b);
        Optional<AuditEntry> own = latest(platform, actions);
        if (shared.isEmpty()) {
            return own;
        }
        return own.isPresent() && !own.get().at().isBefore(shared.get().at()) ? own : shared;
    }

    /** What other consoles shared through a team platform, oldest first. */
    public List<AuditEntry> shared() {
        return store.read(tx -> tx.teamAudit().all());
    }

    public Optional<AuditEntry> latest(String platform, String... actions) {
        List<String> wanted = List.of(actions);
        return forPlatform(platform).stream().filter(e -> wanted.contains(e.action())).findFirst();
    }

    /** The platform's entries, newest first. */
    public List<AuditEntry> forPlatform(String platform) {
        return store.read(tx -> tx.audit().forPlatform(platform));
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
