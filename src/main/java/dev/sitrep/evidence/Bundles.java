package dev.sitrep.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.core.SitrepException;
import dev.sitrep.audit.AuditLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Evidence bundles: a zip of an incident's items ({@code items/<sha256>}) and a manifest (the
 * items, their hashes, their custody entries and the audit chain's head, and the originals left
 * out for their redacted copies). An export never lets a secret leave unasked: items whose text
 * holds one are refused, replaced by their redacted copies, or kept, as the caller chooses. Verification re-hashes
 * every entry against the manifest and names each changed, missing or added entry; entries with
 * an absolute path or {@code ..} are refused, and nothing is ever extracted to a path a bundle names.
 */
public final class Bundles {

    public static final String FORMAT = "sitrep-evidence-bundle";
    public static final String MANIFEST = "manifest.json";
    public static final String EXPORTED = "EXPORTED";
    private static final Pattern ITEM = Pattern.compile("items/[0-9a-f]{64}");

    /** What verification found; intact only with no problem. */
    public record Verification(int items, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private final EvidenceService evidence;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<String> actor;

    public Bundles(EvidenceService evidence, AuditLog audit, Clock clock, Supplier<String> actor) {
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
        this.actor = actor;
    }

    /** What an export does with items whose text holds secrets (a bundle leaves Sitrep). */
    public enum WithSecrets {
        /** Refuse, naming them ({@link SecretsFound}): nothing is written. */
        REFUSE,
        /** Put each one's redacted copy in its place, made now when it has none; the originals stay in Sitrep. */
        REDACTED,
        /** Keep the originals, secrets and all. */
        ORIGINALS
    }

    /** An item that holds secrets, with what the scan found in it. */
    public record Flagged(EvidenceItem item, List<SecretScanner.Finding> findings) {

        /** {@code env.txt (5b0c1a2e: AWS access key on line 1; password on lines 3, 9)}. */
        public String describe() {
            Map<String, List<Integer>> lines = new LinkedHashMap<>();
            findings.forEach(f -> lines.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f.line()));
            List<String> kinds = new ArrayList<>();
            lines.forEach((kind, at) -> kinds.add(kind + " on line" + (at.size() == 1 ? " " : "s ")
                    + String.join(", ", at.stream().limit(SHOWN).map(String::valueOf).toList())
                    + (at.size() > SHOWN ? ", ..." : "")));
            return item.name() + " (" + item.id().substring(0, Math.min(8, item.id().length())) + ": "
                    + String.join("; ", kinds) + ")";
        }
    }

    /** An original left out of a bundle, and the redacted copy written in its place. */
    public record Replaced(EvidenceItem original, EvidenceItem copy) {
    }

    /**
     * What an export wrote: how many items, the originals replaced by their redacted copies, and
     * the items kept with their secrets.
     */
    public record Exported(int items, List<Replaced> replaced, List<Flagged> withSecrets) {
    }

    /** An export refused because items hold secrets; nothing was written. */
    public static final class SecretsFound extends SitrepException {

        private static final long serialVersionUID = 1L;

        private final transient List<Flagged> flagged;

        SecretsFound(IncidentId incident, List<Flagged> flagged) {
            super(Kind.INVALID_INPUT, flagged.size() + " evidence item" + (flagged.size() == 1 ? " of " + incident
                    + " holds" : "s of " + incident + " hold") + " secrets: " + String.join(", ", flagged.stream()
                    .limit(SHOWN).map(Flagged::describe).toList()) + (flagged.size() > SHOWN ? ", and "
                    + (flagged.size() - SHOWN) + " more" : "") + "; nothing was exported. Export again with "
                    + input("redacted") + " to put a redacted copy in place of each (the originals stay here), or with "
                    + input("include-secrets") + " to keep the originals, secrets and all.");
            this.flagged = List.copyOf(flagged);
        }

        public List<Flagged> flagged() {
            return flagged;
        }
    }

    /** How many items, and lines of one kind, a message names before "...". */
    private static final int SHOWN = 5;

    /**
     * Writes the incident's evidence to {@code zip} (which must not exist) and audits the export.
     * Every item is scanned for secrets first (by content, as {@link EvidenceService#scan}); what
     * happens to those that hold some is {@code withSecrets}.
     */
    public Exported export(IncidentId incident, Path zip, WithSecrets withSecrets) {
        if (Files.exists(zip)) {
            throw SitrepException.invalid(zip + " already exists; give a new file name (a bundle never overwrites).");
        }
        List<EvidenceItem> all = evidence.list(incident);
        List<Flagged> flagged = new ArrayList<>();
        for (EvidenceItem e : all) {
            List<SecretScanner.Finding> found = evidence.scan(e);
            if (!found.isEmpty()) {
                flagged.add(new Flagged(e, found));
            }
        }
        if (!flagged.isEmpty() && withSecrets == WithSecrets.REFUSE) {
            throw new SecretsFound(incident, flagged);
        }
        List<Replaced> replaced = withSecrets == WithSecrets.REDACTED ? redactedCopies(all, flagged) : List.of();
        List<EvidenceItem> items = inPlace(all, replaced);
        write(incident, zip, items, replaced);
        List<Flagged> kept = withSecrets == WithSecrets.ORIGINALS ? flagged : List.of();
        audit.append(EXPORTED, null, actor.get(), zip.getFileName().toString(), null,
                "bundle of " + items.size() + " evidence items of " + incident + (replaced.isEmpty() ? ""
                        : "; redacted copies in place of " + names(replaced.stream().map(Replaced::original)))
                        + (kept.isEmpty() ? "" : "; secrets kept in " + names(kept.stream().map(Flagged::item))),
                incident.value());
        return new Exported(items.size(), replaced, kept);
    }

    /** Each flagged item's redacted copy: the one it has (not removed), else one made now. */
    private List<Replaced> redactedCopies(List<EvidenceItem> all, List<Flagged> flagged) {
        List<Replaced> out = new ArrayList<>();
        for (Flagged f : flagged) {
            EvidenceItem copy = all.stream().filter(e -> f.item().id().equals(e.derivedFrom()) && !e.removed())
                    .findFirst().orElseGet(() -> evidence.addRedactedCopy(f.item()));
            out.add(new Replaced(f.item(), copy));
        }
        return out;
    }

    /** The items in their order, each replaced original's copy in its place (and only there). */
    private static List<EvidenceItem> inPlace(List<EvidenceItem> all, List<Replaced> replaced) {
        Map<String, EvidenceItem> copyOf = new LinkedHashMap<>();
        Set<String> copies = new LinkedHashSet<>();
        replaced.forEach(r -> {
            copyOf.put(r.original().id(), r.copy());
            copies.add(r.copy().id());
        });
        List<EvidenceItem> out = new ArrayList<>();
        for (EvidenceItem e : all) {
            if (copyOf.containsKey(e.id())) {
                out.add(copyOf.get(e.id()));
            } else if (!copies.contains(e.id())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String names(java.util.stream.Stream<EvidenceItem> items) {
        return String.join(", ", items.map(EvidenceItem::name).toList());
    }

    private void write(IncidentId incident, Path zip, List<EvidenceItem> items, List<Replaced> replaced) {
        List<AuditEntry> chain = audit.all();
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("format", FORMAT).put("version", 1).put("incident", incident.value())
                .put("exportedAt", clock.instant().toString()).put("exportedBy", actor.get());
        AuditEntry head = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        manifest.putObject("auditHead").put("seq", head == null ? 0 : head.seq())
                .put("hash", head == null ? AuditEntry.GENESIS : head.hash());
        ArrayNode list = manifest.putArray("items");
        for (EvidenceItem e : items) {
            ObjectNode o = list.addObject();
            o.put("id", e.id()).put("name", e.name()).put("kind", e.kind().key()).put("size", e.size())
                    .put("sha256", e.sha256()).put("mediaType", e.mediaType()).put("capturedAt", e.capturedAt().toString())
                    .put("capturedBy", e.capturedBy()).put("source", e.source()).put("description", e.description())
                    .put("path", "items/" + e.sha256()).put("removed", e.removed()).put("derivedFrom", e.derivedFrom());
            ArrayNode custody = o.putArray("custody");
            EvidenceService.custodyOf(chain, e).forEach(a -> custody.addObject().put("seq", a.seq()).put("action", a.action())
                            .put("at", a.at().toString()).put("actor", a.actor()).put("hash", a.hash()));
        }
        ArrayNode withheld = manifest.putArray("withheld");
        replaced.forEach(r -> withheld.addObject().put("id", r.original().id()).put("name", r.original().name())
                .put("sha256", r.original().sha256()).put("reason", "holds secrets").put("redactedCopy", r.copy().id()));
        try {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry(MANIFEST));
                out.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                out.closeEntry();
                Set<String> written = new LinkedHashSet<>();
                for (EvidenceItem e : items) {
                    if (written.add(e.sha256())) {
                        out.putNextEntry(new ZipEntry("items/" + e.sha256()));
                        Files.copy(evidence.blob(e), out);
                        out.closeEntry();
                    }
                }
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException ignored) {
                // the message below says what failed; a half-written bundle is removed when it can be
            }
            throw SitrepException.invalid("Could not write " + zip + " (" + e.getMessage() + "); no bundle was made.");
        }
    }

    /** Re-hashes every entry of {@code zip} against its manifest. */
    public Verification verify(Path zip) {
        List<String> problems = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Map<String, ZipEntry> entries = new LinkedHashMap<>();
            file.stream().forEach(e -> {
                String name = e.getName();
                if (name.startsWith("/") || name.startsWith("\\") || name.contains("..") || name.contains(":")) {
                    problems.add(name + ": refused, a bundle entry may not name an absolute path or '..'");
                } else if (!name.equals(MANIFEST) && !ITEM.matcher(name).matches()) {
                    problems.add(name + ": added, not an entry a bundle holds");
                } else {
                    entries.put(name, e);
                }
            });
            ZipEntry manifestEntry = entries.remove(MANIFEST);
            if (manifestEntry == null) {
                problems.add(MANIFEST + ": missing; this is not an evidence bundle");
                return new Verification(0, problems);
            }
            JsonNode manifest;
            try (InputStream in = file.getInputStream(manifestEntry)) {
                manifest = Json.MAPPER.readTree(in);
            }
            if (!FORMAT.equals(manifest.path("format").asText())) {
                problems.add(MANIFEST + ": not a " + FORMAT);
                return new Verification(0, problems);
            }
            Set<String> expected = new LinkedHashSet<>();
            int items = 0;
            for (JsonNode item : manifest.path("items")) {
                items++;
                String sha = item.path("sha256").asText();
                String path = "items/" + sha;
                expected.add(path);
                ZipEntry entry = entries.get(path);
                if (entry == null) {
                    problems.add(path + " (" + item.path("name").asText() + "): removed from the bundle");
                    continue;
                }
                String actual = sha256(file, entry);
                if (!actual.equals(sha)) {
                    problems.add(path + " (" + item.path("name").asText() + "): changed, its SHA-256 is now " + actual);
                }
            }
            entries.keySet().stream().filter(name -> !expected.contains(name))
                    .forEach(name -> problems.add(name + ": added, not in the manifest"));
            return new Verification(items, problems);
        } catch (IOException e) {
            problems.add(zip + ": not a readable zip (" + e.getMessage() + ")");
            return new Verification(0, problems);
        }
    }

    /**
     * Brings a verified bundle's items onto an incident of this workspace ({@code target}, else the
     * bundle's own incident). Each item is re-hashed as it is stored; one already there (same hash
     * and name) is skipped. A bundle that does not verify is refused whole.
     *
     * @return the items added
     */
    public List<EvidenceItem> importInto(Path zip, IncidentId target) {
        Verification v = verify(zip);
        if (!v.intact()) {
            throw SitrepException.invalid(zip + " is not intact (" + String.join("; ", v.problems())
                    + "); nothing was imported.");
        }
        List<EvidenceItem> added = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            JsonNode manifest;
            try (InputStream in = file.getInputStream(file.getEntry(MANIFEST))) {
                manifest = Json.MAPPER.readTree(in);
            }
            IncidentId incident = target != null ? target : IncidentId.parse(manifest.path("incident").asText());
            Set<String> present = new java.util.HashSet<>();
            evidence.list(incident).forEach(e -> present.add(e.sha256() + "/" + e.name()));
            for (JsonNode item : manifest.path("items")) {
                String sha = item.path("sha256").asText();
                String name = item.path("name").asText();
                if (!present.add(sha + "/" + name)) {
                    continue;
                }
                ZipEntry entry = file.getEntry("items/" + sha);
                String source = "bundle " + zip.getFileName() + ", item " + item.path("id").asText() + " captured by "
                        + item.path("capturedBy").asText() + " at " + item.path("capturedAt").asText();
                String description = item.path("description").isNull() ? null : item.path("description").asText(null);
                added.add(evidence.add(incident, EvidenceItem.Kind.parse(item.path("kind").asText("file")), name,
                        item.path("mediaType").asText("application/octet-stream"), source, description, List.of(),
                        () -> file.getInputStream(entry), item.path("size").asLong(-1), BlobStore.Progress.NONE,
                        () -> false));
            }
        } catch (IOException e) {
            throw SitrepException.invalid(zip + " could not be read (" + e.getMessage() + "); check the file.");
        }
        return added;
    }

    private static String sha256(ZipFile file, ZipEntry entry) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(file.getInputStream(entry), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
