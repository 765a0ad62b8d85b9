package dev.sitrep.team;

import java.util.Optional;

/**
 * What a platform keeps for the {@code sitrep} contract, as the {@link TeamLedger} reads and
 * writes it within one unit of work: the sandbox's maps under its lock, or the hub's tables in one
 * database transaction. The rules live in the ledger; an implementation only stores.
 */
public interface TeamState {

    /** The first result answered under this idempotency key, if the key was seen. */
    Optional<PushResult> firstResult(String key);

    /** Keeps a change's first result under its key (a rejected change's key is never kept). */
    void keepFirstResult(PushResult result);

    /** An incident or action item ({@code kind}) as held now. */
    Optional<FieldEntity> fieldEntity(String kind, String id);

    /** Saves an incident or action item after a merge changed it, or when it is new. */
    void saveFieldEntity(String kind, String id, FieldEntity entity);

    boolean hasIncident(String id);

    boolean hasEvent(String id);

    /** Keeps a timeline event, never changed after. */
    void saveEvent(String id, String incident, String json);

    /** Whether a record of {@code kind} that is written once (an audit entry) is here. */
    boolean hasEntry(String kind, String id);

    /** Keeps a record written once, never changed after. */
    void saveEntry(String kind, String id, String json);

    Optional<Publication> publication(String incident);

    void savePublication(String incident, Publication publication);

    /** Appends one applied write to the change feed: the entity as it stands after the write. */
    void append(String entity, String id, long version, String origin, String bodyJson);
}
