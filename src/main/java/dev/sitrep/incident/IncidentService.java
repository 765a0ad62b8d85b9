package dev.sitrep.incident;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentFields;
import dev.sitrep.core.TeamJson;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Limits;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.Milestones;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.ResumeWatch;
import dev.sitrep.core.Role;
import dev.sitrep.core.Roles;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityMapping;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.store.IncidentRepository;
import dev.sitrep.store.SettingsRepository;
import dev.sitrep.store.Store;
import dev.sitrep.store.Tx;
import dev.sitrep.workspace.WorkspaceSettings;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Everything that changes an incident: each operation checks the model's rules, then writes the
 * new incident and the timeline event that explains it in one transaction, as the operator.
 * The CLI and the desktop views both call this; neither writes to the store directly.
 */
public final class IncidentService {

    private static final int ID_ATTEMPTS = 8;
    /** Still being worked. */
    public static final Set<IncidentStatus> ACTIVE = Collections.unmodifiableSet(EnumSet.copyOf(
            Arrays.stream(IncidentStatus.values()).filter(IncidentStatus::isActive).toList()));
    /** Not closed, declined or merged: being worked, or resolved and awaiting its postmortem. */
    public static final Set<IncidentStatus> UNFINISHED = Collections.unmodifiableSet(EnumSet.copyOf(
            Arrays.stream(IncidentStatus.values()).filter(st -> !st.isFinal()).toList()));

    private final Store store;
    private final Clock clock;
    private final Supplier<String> actor;
    private final RandomGenerator random;

    public IncidentService(Store store, Clock clock, Supplier<String> actor, RandomGenerator random) {
        this.store = store;
        this.clock = clock;
        this.actor = actor;
        this.random = random;
    }

    /** The workspace's active severity scale (the five-level scale until one is chosen). */
    public SeverityScale scale() {
        return store.read(IncidentService::scale);
    }

    private static SeverityScale scale(Tx tx) throws SQLException {
        return WorkspaceSettings.scale(tx);
    }

    /**
     * What a switch to {@code target} would do: each level of the active scale with the level it
     * becomes ({@link SeverityMapping}, by meaning) and how many unfinished incidents it moves.
     */
    public ScaleSwitch scaleSwitch(SeverityScale target) {
        return store.read(tx -> ScaleSwitch.of(scale(tx), target, tx.incidents().list(UNFINISHED)));
    }

    /**
     * Makes {@code target} the workspace scale. Unfinished incidents are re-expressed on it by what
     * their level means ({@link SeverityMapping}: SEV1 becomes P0, P0 becomes SEV0), each with a
     * severity-change entry saying old and new level (an incident whose code stays the same is left as
     * it is); finished ones keep their history.
     *
     * @return how many incidents were re-expressed
     */
    public int switchScale(SeverityScale target) {
        return store.write(tx -> {
            SeverityScale from = scale(tx);
            if (from.id().equals(target.id())) {
                return 0;
            }
            Instant now = clock.instant();
            tx.settings().put(WorkspaceSettings.SCALE, target.id(), operator(), now);
            tx.changed(SettingsRepository.ENTITY, WorkspaceSettings.SCALE);
            int moved = 0;
            for (Incident i : tx.incidents().list(UNFINISHED)) {
                String code = ScaleSwitch.levelOn(from, target, i.severity()).code();
                if (code.equals(i.severity())) {
                    continue;
                }
                save(tx, i.withSeverity(code, now));
                String why = "workspace scale changed to " + target.name();
                append(tx, i.id(), EventType.SEVERITY_CHANGE, "Severity " + i.severity() + " (" + from.name() + ") → "
                                + code + " (" + target.name() + "): " + why,
                        now, null, Map.of("from", i.severity(), "to", code, "reason", why));
                moved++;
            }
            return moved;
        });
    }

    /** What declaring does when a {@link LikelyDuplicate} exists. */
    public enum IfDuplicate {
        /** Refuse with {@link LikelyDuplicate.Refused}; nothing is stored (the CLI and the console, until told "anyway"). */
        REFUSE,
        /** Declare, and say on the declaration's timeline entry which incident it likely duplicates. */
        DECLARE_ANYWAY
    }

    /** Declares whatever else is open (a likely duplicate is noted on the timeline); front ends refuse one first. */
    public Incident declare(Declaration d) {
        return declare(d, IfDuplicate.DECLARE_ANYWAY);
    }

    public Incident declare(Declaration d, IfDuplicate ifDuplicate) {
        String title = Limits.title(d.title());
        String service = Limits.optionalName("service", d.service());
        List<String> platforms = new ArrayList<>();
        for (String p : d.platforms()) {
            String name = Limits.optionalName("platform name", p);
            if (name != null && !platforms.contains(name)) {
                platforms.add(name);
            }
        }
        String who = operator();
        String commander = Objects.requireNonNullElse(Limits.optionalName("commander", d.commander()), who);
        Instant now = clock.instant();
        if (d.detectedAt() != null && d.detectedAt().isAfter(now)) {
            throw SitrepException.invalid("The detection time " + d.detectedAt() + " is in the future.");
        }
        Instant detected = d.detectedAt() == null ? now : d.detectedAt();
        return store.write(tx -> {
            SeverityScale scale = scale(tx);
            SeverityLevel level = d.severity() == null || d.severity().isBlank()
                    ? scale.defaultSeverity() : scale.level(d.severity());
            IncidentRepository incidents = tx.incidents();
            Optional<LikelyDuplicate> duplicate = LikelyDuplicate.among(incidents.declaredBetween(
                    now.minus(LikelyDuplicate.WINDOW), now.plus(LikelyDuplicate.WINDOW)), title, now);
            if (duplicate.isPresent() && ifDuplicate == IfDuplicate.REFUSE) {
                throw new LikelyDuplicate.Refused(duplicate.get());
            }
            IncidentId id = freshId(incidents, now);
            Incident incident = new Incident(id, title, service, platforms, level.code(), IncidentStatus.INVESTIGATING,
                    null, Roles.commandedBy(commander), Milestones.none().with(Milestone.DETECTED, detected), null,
                    d.drill(), now, who, now, 1);
            incidents.insert(List.of(incident));
            tx.outbox().enqueue(IncidentRepository.ENTITY, id.value(),
                    () -> TeamJson.fieldsBody(IncidentFields.all(incident)), now);
            Map<String, String> data = new LinkedHashMap<>();
            data.put("severity", level.code());
            data.put("commander", commander);
            if (service != null) {
                data.put("service", service);
            }
            if (!platforms.isEmpty()) {
                data.put("platforms", String.join(",", platforms));
            }
            String text = (d.drill() ? "DRILL declared " : "Declared ") + level.code() + ": " + title
                    + " (commander " + commander + ")";
            if (duplicate.isPresent()) {
                data.put("likelyDuplicateOf", duplicate.get().incident().id().value());
                text += "; declared despite a likely duplicate: " + duplicate.get().describe();
            }
            append(tx, id, EventType.DECLARED, text, now, null, data);
            return incident;
        });
    }

    private IncidentId freshId(IncidentRepository incidents, Instant at) throws SQLException {
        for (int i = 0; i < ID_ATTEMPTS; i++) {
            IncidentId id = IncidentId.generate(at, random);
            if (incidents.find(id).isEmpty()) {
                return id;
            }
        }
        throw new SitrepException(SitrepException.Kind.FAILURE, "Could not find a free incident id; try again.");
    }

    /** Appends a note; {@code occurredAt} may be in the past (a backdated note), {@code null} for now. */
    public TimelineEvent note(IncidentId id, String text, Instant occurredAt) {
        String body = Limits.text("note", text);
        return store.write(tx -> {
            require(tx, id);
            return append(tx, id, EventType.NOTE, body, occurredAt, null, Map.of());
        });
    }

    /** The longest hypothesis: its timeline entry adds "Hypothesis (NN% confident): " in front. */
    public static final int HYPOTHESIS_MAX = Limits.TEXT_MAX - 100;

    /** Records a hypothesis with how confident the team is in it (0..100 %). */
    public TimelineEvent hypothesis(IncidentId id, String text, int confidence) {
        String body = Limits.text("hypothesis", text, HYPOTHESIS_MAX);
        if (confidence < 0 || confidence > 100) {
            throw SitrepException.invalid("Confidence is " + confidence + "%; give a percentage from 0 to 100.");
        }
        return store.write(tx -> {
            require(tx, id);
            return append(tx, id, EventType.HYPOTHESIS, "Hypothesis (" + confidence + "% confident): " + body, null,
                    null, Map.of("confidence", Integer.toString(confidence)));
        });
    }

    public Change setStatus(IncidentId id, IncidentStatus target, String reason, IncidentId into) {
        String why = reason == null || reason.isBlank() ? null : Limits.optionalName("reason", reason);
        if (target == IncidentStatus.MERGED && into == null) {
            throw SitrepException.invalid("Merging needs the incident to merge into; give it with " + SitrepException.input("into") + " ID.");
        }
        if (target != IncidentStatus.MERGED && into != null) {
            throw SitrepException.invalid(SitrepException.input("into") + " only goes with " + SitrepException.input("status") + " merged.");
        }
        return store.write(tx -> {
            Incident current = lock(tx, id);
            if (current.status() == target) {
                return new Change(current, false, id + " is already " + target.key() + ".");
            }
            current.status().checkCanMoveTo(target);
            if (target == IncidentStatus.MERGED) {
                checkMergeTarget(tx, id, into);
            }
            Instant now = clock.instant();
            if (target == IncidentStatus.RESOLVED) {
                checkNoResumeWatch(tx, current, now);
            }
            Milestones milestones = milestonesFor(current, target, now);
            Incident updated = current.withStatus(target, into, milestones, now);
            save(tx, updated);
            Map<String, String> data = new LinkedHashMap<>();
            data.put("from", current.status().key());
            data.put("to", target.key());
            if (why != null) {
                data.put("reason", why);
            }
            String text = "Status " + current.status().key() + " → " + target.key()
                    + (into != null ? " (merged into " + into + ")" : "") + (why != null ? ": " + why : "");
            append(tx, id, EventType.STATUS_CHANGE, text, now, null, data);
            if (into != null) {
                append(tx, into, EventType.NOTE, id + " (" + current.title() + ") was merged into this incident.",
                        now, null, Map.of("merged", id.value()));
            }
            return new Change(updated, true, id + " is now " + target.key() + ".");
        });
    }

    /** Resolving waits for the watch after a platform it names was resumed. */
    private static void checkNoResumeWatch(Tx tx, Incident incident, Instant now) throws SQLException {
        Optional<ResumeWatch> watch = ResumeWatch.on(incident, tx.platformStates().list(), now);
        if (watch.isPresent()) {
            throw SitrepException.invalid(incident.id() + " cannot be resolved yet: " + watch.get().describe(now)
                    + ". A resumed platform is watched for " + ResumeWatch.LENGTH.toMinutes() + " minutes; keep the "
                    + "incident in monitoring and resolve it after " + TimeFormat.utcTime(watch.get().until()) + ".");
        }
    }

    /** The resume watches running now on these incidents (see {@link ResumeWatch}), by incident. */
    public Map<IncidentId, ResumeWatch> resumeWatches(Collection<Incident> of) {
        List<PlatformStatus> states = store.read(tx -> tx.platformStates().list());
        Instant now = clock.instant();
        Map<IncidentId, ResumeWatch> out = new HashMap<>();
        for (Incident i : of) {
            ResumeWatch.on(i, states, now).ifPresent(w -> out.put(i.id(), w));
        }
        return out;
    }

    private void checkMergeTarget(Tx tx, IncidentId id, IncidentId into) throws SQLException {
        if (into.equals(id)) {
            throw SitrepException.invalid("An incident cannot be merged into itself; name the other incident.");
        }
        Incident target = tx.incidents().find(into)
                .orElseThrow(() -> SitrepException.notFound("No incident " + into + " to merge into; "
                        + "'sitrep incident list --status all' lists them."));
        if (target.status().isFinal()) {
            throw SitrepException.invalid(into + " is " + target.status().key() + "; merge into an incident that is "
                    + "still open.");
        }
    }

    private static Milestones milestonesFor(Incident current, IncidentStatus target, Instant now) {
        Milestones m = current.milestones();
        if (target == IncidentStatus.MONITORING || target == IncidentStatus.RESOLVED) {
            m = m.withFirst(Milestone.MITIGATED, now);
        }
        if (target == IncidentStatus.RESOLVED) {
            m = m.with(Milestone.RESOLVED, now);
        } else if (target.isActive()) {
            m = m.without(Milestone.RESOLVED);
        }
        return m;
    }

    public Change setSeverity(IncidentId id, String severity, String reason) {
        String why = Limits.reason("severity change", reason);
        return store.write(tx -> {
            SeverityScale scale = scale(tx);
            SeverityLevel level = scale.level(severity);
            Incident current = lock(tx, id);
            if (current.severity().equals(level.code())) {
                return new Change(current, false, id + " is already " + level.code() + ".");
            }
            if (current.status().isFinal()) {
                throw SitrepException.invalid(id + " is " + current.status().key()
                        + "; its severity can no longer change.");
            }
            Instant now = clock.instant();
            Incident updated = current.withSeverity(level.code(), now);
            save(tx, updated);
            Map<String, String> data = new LinkedHashMap<>();
            data.put("from", current.severity());
            data.put("to", level.code());
            data.put("reason", why);
            boolean upgrade = scale.find(current.severity()).map(old -> scale.rank(level.code()) < scale.rank(old.code()))
                    .orElse(false);
            if (scale.find(current.severity()).isPresent()) {
                data.put("direction", upgrade ? "upgrade" : "downgrade");
            }
            if (upgrade) {
                data.put("postmortem", "under-call"); // the first call was too low: the postmortem asks why
            }
            append(tx, id, EventType.SEVERITY_CHANGE, "Severity " + current.severity() + " → " + level.code() + ": " + why
                    + (upgrade ? " (upgrade: the first call was too low; noted for the postmortem)" : ""), now, null, data);
            return new Change(updated, true, id + " is now " + level.code() + ".");
        });
    }

    /** Names the commander, scribe or communications lead, or adds a responder. */
    public Change assign(IncidentId id, Role role, String name) {
        String who = Limits.optionalName(role.label(), name);
        if (who == null) {
            throw SitrepException.invalid("The " + role.label() + " needs a name.");
        }
        return store.write(tx -> {
            Incident current = lock(tx, id);
            Roles roles = current.roles().with(role, who);
            if (roles.equals(current.roles())) {
                return new Change(current, false, who + " is already " + role.label() + " of " + id + ".");
            }
            Instant now = clock.instant();
            Incident updated = current.withRoles(roles, now);
            save(tx, updated);
            String before = current.roles().get(role);
            String text = role == Role.RESPONDER ? who + " joined as responder"
                    : capitalised(role.label()) + ": " + (before == null || before.isEmpty() ? "—" : before) + " → " + who;
            append(tx, id, EventType.ROLE_CHANGE, text, now, null, Map.of("role", role.key(), "name", who));
            return new Change(updated, true, text + ".");
        });
    }

    /** Records when a milestone was reached ({@code at} may be in the past). */
    public Change markMilestone(IncidentId id, Milestone milestone, Instant at) {
        return markMilestone(id, milestone, at, false);
    }

    /**
     * Records a milestone only when it has none yet, decided under the incident's lock: of two
     * windows marking the same first communication at once, the first stands and the other
     * changes nothing.
     */
    public Change markMilestoneIfUnset(IncidentId id, Milestone milestone, Instant at) {
        return markMilestone(id, milestone, at, true);
    }

    private Change markMilestone(IncidentId id, Milestone milestone, Instant at, boolean onlyIfUnset) {
        Instant when = at == null ? clock.instant() : at;
        return store.write(tx -> {
            Incident current = lock(tx, id);
            if (onlyIfUnset && current.milestones().at(milestone).isPresent()) {
                return new Change(current, false, capitalised(milestone.label()) + " was already recorded.");
            }
            checkOrder(current, milestone, when);
            Instant before = current.milestones().at(milestone).orElse(null);
            if (when.equals(before)) {
                return new Change(current, false, capitalised(milestone.label()) + " is already at " + when + ".");
            }
            Instant now = clock.instant();
            Incident updated = current.withMilestones(current.milestones().with(milestone, when), now);
            save(tx, updated);
            String text = capitalised(milestone.label()) + " at " + TimeFormat.stamp(when, ZoneOffset.UTC)
                    + (before == null ? "" : " (was " + TimeFormat.stamp(before, ZoneOffset.UTC) + ")");
            append(tx, id, EventType.MILESTONE, text, when, null, Map.of("milestone", milestone.key()));
            return new Change(updated, true, text + ".");
        });
    }

    /** Nothing happens to an incident before it was detected: the milestones keep that order. */
    private static void checkOrder(Incident current, Milestone milestone, Instant when) {
        if (milestone == Milestone.DETECTED) {
            for (Milestone later : Milestone.values()) {
                if (later != Milestone.DETECTED && current.milestones().at(later).filter(t -> t.isBefore(when)).isPresent()) {
                    throw SitrepException.invalid("Detected at " + TimeFormat.stamp(when, ZoneOffset.UTC) + " would be after "
                            + later.label() + " (" + TimeFormat.stamp(current.milestones().at(later).get(), ZoneOffset.UTC)
                            + "); give an earlier time, or move " + later.label() + " first.");
                }
            }
            return;
        }
        current.milestones().at(Milestone.DETECTED).filter(when::isBefore).ifPresent(detected -> {
            throw SitrepException.invalid(capitalised(milestone.label()) + " at " + TimeFormat.stamp(when, ZoneOffset.UTC)
                    + " would be before the incident was detected (" + TimeFormat.stamp(detected, ZoneOffset.UTC)
                    + "); move detected earlier first (sitrep incident set " + current.id() + " --milestone detected --at "
                    + "TIME).");
        });
    }

    /** Writes the impact statement. */
    public Change setImpact(IncidentId id, String impact) {
        String text = Limits.text("impact", impact, Limits.IMPACT_MAX);
        return store.write(tx -> {
            Incident current = lock(tx, id);
            if (text.equals(current.impact())) {
                return new Change(current, false, "The impact is already that.");
            }
            Instant now = clock.instant();
            Incident updated = current.withImpact(text, now);
            save(tx, updated);
            append(tx, id, EventType.IMPACT, "Impact: " + text, now, null, Map.of());
            return new Change(updated, true, "Impact recorded.");
        });
    }

    /**
     * Corrects a timeline entry: a new entry with the new text and/or time supersedes it; the old
     * entry stays in the history. {@code null} keeps the old text or time.
     */
    public TimelineEvent amend(IncidentId id, String eventId, String newText, Instant newOccurredAt) {
        String text = newText == null ? null : Limits.text("corrected text", newText);
        return store.write(tx -> {
            require(tx, id);
            TimelineEvent old = tx.timeline().find(eventId)
                    .filter(e -> e.incidentId().equals(id))
                    .orElseThrow(() -> SitrepException.notFound("No timeline entry " + Limits.shown(eventId) + " on " + id
                            + "; 'sitrep incident show " + id + "' lists the entries with their ids."));
            if (tx.timeline().isSuperseded(eventId)) {
                throw SitrepException.invalid("Entry " + eventId + " was already corrected; correct the newest version.");
            }
            String finalText = text == null ? old.text() : text;
            Instant finalAt = newOccurredAt == null ? old.occurredAt() : newOccurredAt;
            if (finalText.equals(old.text()) && finalAt.equals(old.occurredAt())) {
                throw SitrepException.invalid("Nothing to correct: give a new text or a new time (" + SitrepException.input("at") + ").");
            }
            return append(tx, id, old.type(), finalText, finalAt, eventId, old.data());
        });
    }

    /** Records a platform event, kill-switch entry, action or evidence reference written by another service. */
    public TimelineEvent record(IncidentId id, EventType type, String text, Instant occurredAt, Map<String, String> data) {
        return record(id, type, text, occurredAt, data, operator());
    }

    /** As {@link #record(IncidentId, EventType, String, Instant, Map)}, written down by {@code actor} (e.g. the pull loop). */
    public TimelineEvent record(IncidentId id, EventType type, String text, Instant occurredAt, Map<String, String> data,
                                String actor) {
        String body = Limits.text(type.key().replace('_', ' '), text);
        String who = Limits.optionalName("actor", actor);
        return store.write(tx -> {
            require(tx, id);
            return append(tx, id, type, body, occurredAt, null, data, who);
        });
    }

    public IncidentRecord show(IncidentId id) {
        return store.read(tx -> new IncidentRecord(require(tx, id), tx.timeline().forIncident(id)));
    }

    public List<Incident> list(boolean activeOnly) {
        return list(activeOnly ? ACTIVE : Set.of());
    }

    /** The most incidents a console picker offers. */
    public static final int CHOICES_MAX = 300;

    /**
     * The incidents a console page offers to choose from (Evidence, Postmortems), in one order:
     * unfinished first, then finished, newest first within each; at most {@value #CHOICES_MAX}.
     */
    public List<Incident> choices() {
        List<Incident> all = new ArrayList<>(list(false));
        all.sort(java.util.Comparator.comparing((Incident i) -> i.status().isFinal()));
        return List.copyOf(all.size() > CHOICES_MAX ? all.subList(0, CHOICES_MAX) : all);
    }

    /** The incidents with these ids that exist (a change feed's ids; one that vanished is left out). */
    public List<Incident> find(Collection<IncidentId> ids) {
        return store.read(tx -> {
            List<Incident> out = new ArrayList<>();
            for (IncidentId id : ids) {
                tx.incidents().find(id).ifPresent(out::add);
            }
            return out;
        });
    }

    /** Incidents in the given statuses (all when empty), newest first. */
    public List<Incident> list(Set<IncidentStatus> statuses) {
        return store.read(tx -> tx.incidents().list(statuses));
    }

    /** Incidents declared from {@code from} (included) to {@code to} (excluded), oldest first. */
    public List<Incident> declaredBetween(Instant from, Instant to) {
        return store.read(tx -> tx.incidents().declaredBetween(from, to));
    }

    public int count() {
        return store.read(tx -> tx.incidents().count());
    }

    /** Incidents with their timelines, read in two queries whatever their number. */
    public List<IncidentRecord> listWithTimelines(boolean activeOnly) {
        return store.read(tx -> {
            List<Incident> incidents = tx.incidents().list(activeOnly ? ACTIVE : Set.of());
            Map<IncidentId, List<TimelineEvent>> events = tx.timeline()
                    .forIncidents(incidents.stream().map(Incident::id).toList());
            return incidents.stream().map(i -> new IncidentRecord(i, events.getOrDefault(i.id(), List.of()))).toList();
        });
    }

    public String operator() {
        String who = Limits.optionalName("operator name", actor.get());
        if (who == null) {
            throw SitrepException.invalid("No operator name; give one with " + SitrepException.input("actor") + " or SITREP_ACTOR.");
        }
        return who;
    }

    private Incident require(Tx tx, IncidentId id) throws SQLException {
        return tx.incidents().find(id).orElseThrow(() -> notFound(id));
    }

    /** The incident, locked for this transaction (services of this package change it through here). */
    Incident lock(Tx tx, IncidentId id) throws SQLException {
        return tx.incidents().findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private static SitrepException notFound(IncidentId id) {
        return SitrepException.notFound("No incident " + id + "; 'sitrep incident list --status all' lists them.");
    }

    private static void save(Tx tx, Incident updated) throws SQLException {
        Incident before = tx.outbox().wanted() ? tx.incidents().find(updated.id()).orElse(null) : null;
        if (!tx.incidents().update(updated)) {
            throw new SitrepException(SitrepException.Kind.FAILURE, updated.id()
                    + " was changed by someone else at the same moment; nothing was saved. Try again.");
        }
        tx.changed(IncidentRepository.ENTITY, updated.id().value());
        if (before != null) {
            com.fasterxml.jackson.databind.node.ObjectNode changed = IncidentFields.changed(before, updated);
            if (!changed.isEmpty()) {
                tx.outbox().enqueue(IncidentRepository.ENTITY, updated.id().value(),
                        () -> TeamJson.fieldsBody(changed), updated.updatedAt());
            }
        }
    }


    /** Appends a timeline entry by the operator in this transaction (services of this package write through here). */
    TimelineEvent append(Tx tx, IncidentId id, EventType type, String text, Instant occurredAt,
                         String supersedes, Map<String, String> data) throws SQLException {
        return append(tx, id, type, text, occurredAt, supersedes, data, operator());
    }

    private TimelineEvent append(Tx tx, IncidentId id, EventType type, String text, Instant occurredAt,
                                 String supersedes, Map<String, String> data, String actor) throws SQLException {
        Instant now = clock.instant();
        if (occurredAt != null && occurredAt.isAfter(now.plusSeconds(60))) {
            throw SitrepException.invalid("The time " + occurredAt + " is in the future; timeline entries record what "
                    + "has happened.");
        }
        TimelineEvent event = new TimelineEvent(UUID.randomUUID().toString(), id, type, text, actor,
                occurredAt == null ? now : occurredAt, now, supersedes, new HashMap<>(data));
        tx.timeline().append(List.of(event));
        tx.changed(IncidentRepository.ENTITY, id.value());
        tx.outbox().enqueue("event", event.id(), () -> TeamJson.event(event).toString(), now);
        return event;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
