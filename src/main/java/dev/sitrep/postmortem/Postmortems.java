package dev.sitrep.postmortem;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.core.Limits;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.SitrepException;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.store.PostmortemRepository;
import dev.sitrep.store.Store;
import dev.sitrep.workspace.WorkspaceSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Postmortems as the editor and the CLI use them: the saved document or a fresh draft, saves
 * that keep a revision history (one per minute of autosaving at most, and one for every other
 * kind of save), and restores. Each save raises the version; a save made against an older
 * version than the stored one is refused, so two windows never overwrite each other unseen.
 */
public final class Postmortems {

    /** How often autosaves leave a revision behind (the document itself is saved every time). */
    static final Duration REVISION_EVERY = Duration.ofMinutes(1);
    public static final String AUTOSAVE = "autosave";
    public static final String PUBLISHED = "published";

    /** The document and the version it was read or saved at (0: a draft never saved). */
    public record Opened(Postmortem postmortem, long version, Instant savedAt, String savedBy) {
        public boolean saved() {
            return version > 0;
        }
    }

    /** A revision as listed: when, who, why, and its version. */
    public record RevisionInfo(String id, long version, Instant savedAt, String savedBy, String reason) {
    }

    private final Store store;
    private final IncidentService incidents;
    private final EvidenceService evidence;
    private final WorkspaceSettings settings;
    private final Clock clock;
    private final Supplier<String> actor;

    public Postmortems(Store store, IncidentService incidents, EvidenceService evidence, WorkspaceSettings settings,
                       Clock clock, Supplier<String> actor) {
        this.store = store;
        this.incidents = incidents;
        this.evidence = evidence;
        this.settings = settings;
        this.clock = clock;
        this.actor = actor;
    }

    /** The saved postmortem, or a fresh draft when none was saved. */
    public Opened open(IncidentId incident) {
        Optional<PostmortemRepository.Saved> saved = store.read(tx -> tx.postmortems().find(incident));
        if (saved.isPresent()) {
            PostmortemRepository.Saved s = saved.get();
            return new Opened(read(s.doc()), s.version(), s.savedAt(), s.savedBy());
        }
        return new Opened(draft(incident), 0, null, null);
    }

    /** A new draft from what the incident holds now (nothing saved). */
    public Postmortem draft(IncidentId incident) {
        return PostmortemDrafter.draft(incidents.show(incident), evidence.list(incident), settings.postmortemSections(),
                clock.instant());
    }

    /**
     * Saves the document over version {@code basedOn} and answers the new version.
     *
     * @param reason {@link #AUTOSAVE}, or what the save was ("restored 14:32 revision", "closed the editor")
     */
    public long save(Postmortem doc, long basedOn, String reason) {
        return save(doc, basedOn, reason, false);
    }

    /**
     * Saves and publishes the postmortem: the version the team sees (a team platform gets it
     * through the outbox, in the same transaction). Drafts and autosaves stay on this machine.
     */
    public long publish(Postmortem doc, long basedOn) {
        return save(doc, basedOn, PUBLISHED, true);
    }

    private long save(Postmortem doc, long basedOn, String reason, boolean publish) {
        String json = Json.write(doc);
        String who = actor.get();
        Instant at = clock.instant();
        return store.write(tx -> {
            incidents.show(doc.incident()); // an unknown incident is refused before anything is written
            long current = tx.postmortems().lockVersion(doc.incident());
            if (current != basedOn) {
                PostmortemRepository.Saved other = tx.postmortems().find(doc.incident()).orElseThrow();
                throw SitrepException.invalid("The postmortem of " + doc.incident() + " was saved elsewhere by "
                        + other.savedBy() + " at " + other.savedAt() + " (version " + current + ", yours is based on "
                        + basedOn + "). Nothing was overwritten: reload it, or keep yours and save again.");
            }
            long version = current + 1;
            tx.postmortems().upsert(new PostmortemRepository.Saved(doc.incident(), json, version, at, who));
            List<PostmortemRepository.Revision> revisions = tx.postmortems().revisions(doc.incident());
            boolean due = !AUTOSAVE.equals(reason) || revisions.isEmpty()
                    || !revisions.get(0).savedAt().plus(REVISION_EVERY).isAfter(at);
            if (due) {
                tx.postmortems().addRevision(new PostmortemRepository.Revision(UUID.randomUUID().toString(),
                        doc.incident(), version, json, at, who, reason));
            }
            tx.changed(PostmortemRepository.ENTITY, doc.incident().value());
            if (publish) {
                com.fasterxml.jackson.databind.node.ObjectNode body = Json.MAPPER.createObjectNode();
                body.set("doc", Json.MAPPER.valueToTree(doc));
                body.put("publishedBy", who).put("publishedAt", at.toString());
                tx.outbox().enqueue(PostmortemRepository.ENTITY, doc.incident().value(), body::toString, at);
            }
            return version;
        });
    }

    /** The incident's revisions, newest first. */
    public List<RevisionInfo> revisions(IncidentId incident) {
        return store.read(tx -> tx.postmortems().revisions(incident)).stream()
                .map(r -> new RevisionInfo(r.id(), r.version(), r.savedAt(), r.savedBy(), r.reason())).toList();
    }

    /** One revision's document. */
    public Postmortem revision(String id) {
        return store.read(tx -> tx.postmortems().revision(id)).map(r -> read(r.doc()))
                .orElseThrow(() -> SitrepException.notFound("No postmortem revision " + Limits.shown(id) + "."));
    }

    /** Makes a revision the current document again (a new version; the history keeps everything). */
    public long restore(String revisionId, long basedOn) {
        PostmortemRepository.Revision r = store.read(tx -> tx.postmortems().revision(revisionId))
                .orElseThrow(() -> SitrepException.notFound("No postmortem revision " + Limits.shown(revisionId) + "."));
        return save(read(r.doc()), basedOn, "restored version " + r.version() + " of " + r.savedAt());
    }

    /** The incidents with a saved postmortem, most recently saved first. */
    public List<IncidentId> withPostmortem() {
        return store.read(tx -> tx.postmortems().incidents());
    }

    private static Postmortem read(String json) {
        try {
            return Json.MAPPER.readValue(json, Postmortem.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SitrepException.invalid("A saved postmortem cannot be read (" + e.getOriginalMessage() + "); "
                    + "its revisions are kept: restore one, or start again from a fresh draft.");
        }
    }
}
