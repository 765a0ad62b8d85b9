package dev.sitrep.evidence;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EventType;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TeamJson;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.http.EndpointSnapshot;
import dev.sitrep.audit.AuditLog;
import dev.sitrep.store.EvidenceRepository;
import dev.sitrep.store.IncidentRepository;
import dev.sitrep.store.Store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Captures evidence onto an incident: the bytes into the blob store (hashed while streamed), what
 * is known of them into the store, a line on the timeline, and a CAPTURED entry on the audit
 * chain, which is the custody log. Removal is a tombstone, audited too.
 */
public final class EvidenceService {

    private static final String TEXT = "text/plain; charset=utf-8";

    public static final String CAPTURED = "CAPTURED";
    public static final String REMOVED = "REMOVED";
    public static final String VIEWED = "VIEWED";

    /** The longest evidence name, description, tag and command the store keeps (V7__evidence.sql), and the most tags. */
    public static final int NAME_MAX = 500;
    public static final int DESCRIPTION_MAX = 4_000;
    public static final int TAG_MAX = 100;
    public static final int TAGS_MAX = 20;
    public static final int COMMAND_MAX = 2_000;

    /** Opens a capture's bytes; tests inject failures here. */
    public interface Source {
        InputStream open() throws IOException;
    }

    private final Store store;
    private final BlobStore blobs;
    private final IncidentService incidents;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<String> actor;

    public EvidenceService(Store store, BlobStore blobs, IncidentService incidents, AuditLog audit, Clock clock,
                           Supplier<String> actor) {
        this.store = store;
        this.blobs = blobs;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.actor = actor;
    }

    /** Refuses a description or tags the store cannot keep; call it before capturing (or asking a platform for) anything. */
    public static void checkLabels(String description, List<String> tags) {
        Limits.bounded("description", description == null ? null : description.strip(), DESCRIPTION_MAX);
        if (tags.size() > TAGS_MAX) {
            throw SitrepException.invalid("There are " + tags.size() + " tags; the limit is " + TAGS_MAX + ".");
        }
        for (String tag : tags) {
            Limits.bounded("tag", tag == null ? null : tag.strip(), TAG_MAX);
            if (tag != null && (tag.indexOf('\n') >= 0 || tag.indexOf('\r') >= 0)) {
                throw SitrepException.invalid("A tag has a line break; keep each tag to one line.");
            }
        }
    }

    /** Adds a file as evidence: refused with the reason when it is not a readable regular file. */
    public EvidenceItem addFile(IncidentId incident, Path file, String description, List<String> tags,
                                BlobStore.Progress progress, BooleanSupplier cancelled) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw SitrepException.invalid(file + " does not exist; check the path.");
        }
        if (!Files.isRegularFile(file)) {
            throw SitrepException.invalid(file + " is not a regular file (a folder, a device or a broken link); "
                    + "give the files inside it.");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw SitrepException.invalid(file + " cannot be read (" + e.getMessage() + "); check its permissions.");
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return add(incident, EvidenceItem.Kind.FILE, name, mediaType(file), file.toAbsolutePath().toString(),
                description, tags, () -> Files.newInputStream(file), size, progress, cancelled);
    }

    /** A folder's files added, and what was left out of it and why. */
    public record FolderAdded(List<EvidenceItem> items, List<String> skipped) {
    }

    /**
     * Adds every regular file under {@code folder}, in name order. Symbolic links are not followed
     * (a link loop cannot trap the walk, and nothing outside the folder comes in); they and
     * unreadable entries are listed as skipped with the reason.
     */
    public FolderAdded addFolder(IncidentId incident, Path folder, String description, List<String> tags,
                                 BlobStore.Progress progress, BooleanSupplier cancelled) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw SitrepException.invalid(folder + " is not a folder.");
        }
        List<Path> files = new java.util.ArrayList<>();
        List<String> skipped = new java.util.ArrayList<>();
        try {
            Files.walkFileTree(folder, java.util.Set.of(), Integer.MAX_VALUE, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                    if (a.isSymbolicLink()) {
                        skipped.add(folder.relativize(file) + ": a symbolic link, not followed");
                    } else if (a.isRegularFile()) {
                        files.add(file);
                    } else {
                        skipped.add(folder.relativize(file) + ": not a regular file");
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    skipped.add(folder.relativize(file) + ": cannot be read (" + e.getMessage() + ")");
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw SitrepException.invalid(folder + " cannot be listed (" + e.getMessage() + "); nothing was added.");
        }
        files.sort(null);
        List<EvidenceItem> items = new java.util.ArrayList<>();
        for (Path f : files) {
            EvidenceItem item = addFile(incident, f, description, tags, progress, cancelled);
            items.add(item);
        }
        return new FolderAdded(items, skipped);
    }

    /** Adds pasted or typed text (a note, pasted text): stored as UTF-8. */
    public EvidenceItem addText(IncidentId incident, EvidenceItem.Kind kind, String name, String text, String source,
                                String description, List<String> tags) {
        return addBytes(incident, kind, name, TEXT, source, description, tags,
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Adds command output pasted with the command that printed it: {@code $ command}, then the output. */
    public EvidenceItem addCommandOutput(IncidentId incident, String command, String output, String description,
                                         List<String> tags) {
        String cmd = Limits.text("command", command, COMMAND_MAX);
        String firstLine = cmd.lines().findFirst().orElse(cmd);
        String name = "$ " + (firstLine.length() > 60 ? firstLine.substring(0, 60) + "…" : firstLine);
        return addText(incident, EvidenceItem.Kind.COMMAND_OUTPUT, name, "$ " + cmd + "\n" + (output == null ? "" : output),
                "command: " + firstLine, description, tags);
    }

    /** Adds an image already in memory (a screenshot, a pasted image), as PNG. */
    public EvidenceItem addImage(IncidentId incident, EvidenceItem.Kind kind, String name, byte[] png, String source,
                                 String description, List<String> tags) {
        return addBytes(incident, kind, name, "image/png", source, description, tags, png);
    }

    /** Adds a platform's HTTP answer (status, headers without secrets, body) as taken. */
    public EvidenceItem addSnapshot(IncidentId incident, String platform, EndpointSnapshot snapshot, String description,
                                    List<String> tags) {
        String path = okhttp3.HttpUrl.get(snapshot.url()).encodedPath();
        return addBytes(incident, EvidenceItem.Kind.ENDPOINT, platform + " GET " + path + " " + snapshot.status(), TEXT,
                snapshot.url(), description, tags, snapshot.render().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private EvidenceItem addBytes(IncidentId incident, EvidenceItem.Kind kind, String name, String mediaType,
                                  String source, String description, List<String> tags, byte[] bytes) {
        return add(incident, kind, name, mediaType, source, description, tags,
                () -> new java.io.ByteArrayInputStream(bytes), bytes.length, BlobStore.Progress.NONE, () -> false);
    }

    /** The common path of every capture: bytes first, then the record, the timeline and the custody entry. */
    public EvidenceItem add(IncidentId incident, EvidenceItem.Kind kind, String name, String mediaType, String source,
                            String description, List<String> tags, Source bytes, long size,
                            BlobStore.Progress progress, BooleanSupplier cancelled) {
        return add(incident, kind, name, mediaType, source, description, tags, bytes, size, progress, cancelled, null);
    }

    private EvidenceItem add(IncidentId incident, EvidenceItem.Kind kind, String name, String mediaType, String source,
                             String description, List<String> tags, Source bytes, long size,
                             BlobStore.Progress progress, BooleanSupplier cancelled, String derivedFrom) {
        incidents.show(incident); // an unknown incident is refused before a byte is stored
        String cleanName = Limits.text("evidence name", name, NAME_MAX);
        checkLabels(description, tags);
        String who = actor.get();
        BlobStore.Stored stored;
        try (InputStream in = bytes.open()) {
            stored = blobs.put(cleanName, in, size, progress, cancelled);
        } catch (IOException e) {
            throw SitrepException.invalid(cleanName + " cannot be read (" + e.getMessage() + "); nothing was stored.");
        } catch (UncheckedIOException e) {
            throw SitrepException.invalid(cleanName + " stopped being readable while it was stored ("
                    + e.getCause().getMessage() + "); nothing was stored.");
        }
        Instant at = clock.instant();
        EvidenceItem item = new EvidenceItem(UUID.randomUUID().toString(), incident, kind, cleanName, stored.size(),
                mediaType, stored.sha256(), at, who, source, blankToNull(description), tags, derivedFrom, null, null, null);
        store.write(tx -> {
            tx.evidence().insert(item);
            tx.outbox().enqueue(TeamJson.EVIDENCE, item.id(), () -> TeamJson.fieldsBody(TeamJson.evidence(item)), at);
            return null;
        });
        audit.append(CAPTURED, null, who, cleanName, null, "evidence " + item.id() + " sha256=" + item.sha256()
                + " size=" + item.size() + " kind=" + kind.key(), incident.value());
        incidents.record(incident, EventType.EVIDENCE, "Evidence captured: " + cleanName + " (" + kind.key() + ", "
                + item.size() + " bytes, sha256 " + item.sha256().substring(0, 12) + "…)", at,
                Map.of("evidence", item.id(), "sha256", item.sha256()));
        return item;
    }

    /** Items up to this size are read whole and scanned for secrets; bigger ones are not. */
    public static final long SCAN_MAX = 16L << 20;

    /**
     * The secrets found in an item whose bytes are text, whatever its name or media type (see
     * {@link EvidenceText}); none for binary content or an item over {@link #SCAN_MAX}.
     */
    public List<SecretScanner.Finding> scan(EvidenceItem item) {
        return text(item).map(SecretScanner::scan).orElse(List.of());
    }

    /**
     * Adds a copy of a text item with its secrets masked, beside the original (which is never
     * changed) and marked as derived from it. The copy is UTF-8, whatever the original's encoding.
     */
    public EvidenceItem addRedactedCopy(EvidenceItem original) {
        String text = text(original).orElseThrow(() -> SitrepException.invalid(original.name() + " is not text (or is "
                + "over " + SCAN_MAX / (1 << 20) + " MiB), so it has no redacted copy; leave it out of what you share."));
        byte[] bytes = SecretScanner.redact(text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return add(original.incident(), original.kind(), original.name() + " (redacted)", original.mediaType(),
                "redacted copy of evidence " + original.id(), "Secrets masked; the original is " + original.id(),
                original.tags(), () -> new java.io.ByteArrayInputStream(bytes), bytes.length, BlobStore.Progress.NONE,
                () -> false, original.id());
    }

    /** How much of an item is read first: an image or an archive shows it is binary here, and is read no further. */
    private static final int HEAD = 4096;

    /** The item's bytes as text; empty when they are binary or over {@link #SCAN_MAX}. */
    private java.util.Optional<String> text(EvidenceItem item) {
        if (item.size() > SCAN_MAX) {
            return java.util.Optional.empty();
        }
        try (InputStream in = Files.newInputStream(blobs.path(item.sha256()))) {
            byte[] head = in.readNBytes(HEAD);
            if (EvidenceText.binaryAtOnce(head, head.length)) {
                return java.util.Optional.empty();
            }
            byte[] rest = in.readAllBytes();
            byte[] all = java.util.Arrays.copyOf(head, head.length + rest.length);
            System.arraycopy(rest, 0, all, head.length, rest.length);
            return EvidenceText.decode(all);
        } catch (IOException e) {
            throw SitrepException.invalid("The bytes of evidence " + item.id() + " cannot be read (" + e.getMessage()
                    + "); check the evidence folder in the data directory.");
        }
    }

    /** Marks an item removed (its bytes stay): who, when and why, on the item and the audit chain. */
    public EvidenceItem remove(String id, String reason) {
        String why = Limits.reason("evidence removal", reason);
        String who = actor.get();
        Instant at = clock.instant();
        EvidenceItem item = store.write(tx -> {
            EvidenceItem found = lookUp(tx.evidence(), id);
            if (!tx.evidence().markRemoved(found.id(), at, who, why)) {
                throw SitrepException.invalid("Evidence " + found.id() + " was already removed.");
            }
            tx.changed(IncidentRepository.ENTITY, found.incident().value()); // open evidence pages show it at once
            EvidenceItem removed = tx.evidence().find(found.id()).orElseThrow();
            tx.outbox().enqueue(TeamJson.EVIDENCE, removed.id(), () -> TeamJson.fieldsBody(TeamJson.removal(removed)), at);
            return removed;
        });
        audit.append(REMOVED, null, who, why, null, "evidence " + item.id() + " sha256=" + item.sha256(),
                item.incident().value());
        return item;
    }

    /** The item with this id, or the one item whose id starts with it (refused, naming them, when several do). */
    public EvidenceItem find(String id) {
        return store.read(tx -> lookUp(tx.evidence(), id));
    }

    /** How many of an ambiguous prefix's matches the refusal names. */
    private static final int NAMED_MATCHES = 5;

    private static EvidenceItem lookUp(EvidenceRepository evidence, String id) throws java.sql.SQLException {
        String wanted = id == null ? "" : id.strip();
        if (wanted.isEmpty()) {
            throw SitrepException.invalid("No evidence id given; 'sitrep evidence list INCIDENT' lists them.");
        }
        java.util.Optional<EvidenceItem> exact = evidence.find(wanted);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<String> matches = evidence.idsStartingWith(wanted);
        if (matches.isEmpty()) {
            throw SitrepException.notFound("No evidence " + Limits.shown(wanted) + "; 'sitrep evidence list INCIDENT' lists it.");
        }
        if (matches.size() > 1) {
            String named = String.join(", ", matches.subList(0, Math.min(NAMED_MATCHES, matches.size())))
                    + (matches.size() > NAMED_MATCHES ? ", ..." : "");
            throw SitrepException.invalid("Evidence id " + wanted + " matches " + matches.size() + " evidence items ("
                    + named + "); give more of the id.");
        }
        return evidence.find(matches.get(0)).orElseThrow();
    }

    /**
     * The item's custody, oldest first: its own entries on the audit chain (captured, viewed,
     * removed) and every export of its incident's evidence since it was captured, on this console
     * and on the consoles of the team (their entries shared through a team platform).
     */
    public List<AuditEntry> custody(EvidenceItem item) {
        List<AuditEntry> chain = new java.util.ArrayList<>(audit.all());
        chain.addAll(audit.shared()); // its custody on other consoles, shared through a team platform
        chain.sort(java.util.Comparator.comparing(AuditEntry::at));
        return custodyOf(chain, item);
    }

    /** The item's custody entries among {@code chain} (as {@link #custody}). */
    public static List<AuditEntry> custodyOf(List<AuditEntry> chain, EvidenceItem item) {
        String own = "evidence " + item.id() + " ";
        return chain.stream().filter(a -> (a.detail() != null && a.detail().startsWith(own))
                || (Bundles.EXPORTED.equals(a.action()) && item.incident().value().equals(a.incidentId())
                && !a.at().isBefore(item.capturedAt()))).toList();
    }

    /** Audits that the item's content was looked at ({@code how}: "previewed in Sitrep", "opened in the system viewer"). */
    public void viewed(EvidenceItem item, String how) {
        audit.append(VIEWED, null, actor.get(), how, null, "evidence " + item.id() + " sha256=" + item.sha256(),
                item.incident().value());
    }

    /**
     * A read-only copy of the item under {@code viewDir}, named as captured so a system viewer knows
     * its type; the original blob is never handed out. Audited as viewed.
     */
    public Path viewableCopy(EvidenceItem item, Path viewDir) {
        String safe = item.name().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        Path dir = viewDir.resolve(item.id());
        Path copy = dir.resolve(safe.isEmpty() || safe.startsWith(".") ? "evidence" + safe : safe);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(copy)) {
                Files.copy(blob(item), copy);
                copy.toFile().setReadOnly();
            }
        } catch (IOException e) {
            throw SitrepException.invalid("Could not make a copy of " + item.name() + " to open (" + e.getMessage()
                    + "); check that " + viewDir + " is writable.");
        }
        viewed(item, "opened in the system viewer");
        return copy;
    }

    /**
     * Puts the item on the incident's timeline at the moment it shows ({@code at}, e.g. the time
     * of the error in a screenshot), with a caption, for the postmortem to cite.
     */
    public void addToTimeline(EvidenceItem item, String caption, Instant at) {
        String text = Limits.text("caption", caption);
        incidents.record(item.incident(), EventType.EVIDENCE, text + " (evidence: " + item.name() + ", sha256 "
                + item.sha256().substring(0, 12) + "…)", at, Map.of("evidence", item.id(), "sha256", item.sha256()));
    }

    public List<EvidenceItem> list(IncidentId incident) {
        return store.read(tx -> tx.evidence().forIncident(incident));
    }

    public Path blob(EvidenceItem item) {
        return blobs.path(item.sha256());
    }

    private static String mediaType(Path file) {
        try {
            String probed = Files.probeContentType(file);
            return probed == null ? "application/octet-stream" : probed;
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
