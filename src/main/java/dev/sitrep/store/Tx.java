package dev.sitrep.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One open transaction: the repositories bound to its connection, and the list of what it
 * changed, written to the change log when it commits so that every process can see it.
 */
public final class Tx {

    private final Connection connection;
    private final Set<Change> changed = new LinkedHashSet<>();
    private boolean applyingSync;
    private java.util.List<String> teamPlatforms;

    /** One changed entity: its kind ("incident", "setting") and id. */
    public record Change(String entity, String id) {
    }

    Tx(Connection connection) {
        this.connection = connection;
    }

    public IncidentRepository incidents() {
        return new IncidentRepository(connection);
    }

    public TimelineRepository timeline() {
        return new TimelineRepository(connection);
    }

    public AuditRepository audit() {
        return new AuditRepository(connection);
    }

    public TeamAuditRepository teamAudit() {
        return new TeamAuditRepository(connection);
    }

    public ProfileRepository profiles() {
        return new ProfileRepository(connection);
    }

    public PlatformStateRepository platformStates() {
        return new PlatformStateRepository(connection);
    }

    public EvidenceRepository evidence() {
        return new EvidenceRepository(connection);
    }

    public ChecklistRepository checklists() {
        return new ChecklistRepository(connection);
    }

    public PostmortemRepository postmortems() {
        return new PostmortemRepository(connection);
    }

    public ActionItemRepository actionItems() {
        return new ActionItemRepository(connection);
    }

    public OutboxRepository outbox() {
        return new OutboxRepository(this, connection);
    }

    /** Marks this transaction as applying what a team platform sent: nothing it writes goes back out. */
    public void applyingSync(boolean now) {
        applyingSync = now;
    }

    boolean applyingSync() {
        return applyingSync;
    }

    java.util.List<String> teamPlatforms() {
        return teamPlatforms;
    }

    void teamPlatforms(java.util.List<String> names) {
        teamPlatforms = names;
    }

    public SettingsRepository settings() {
        return new SettingsRepository(connection);
    }

    /** Notes that an entity changed in this transaction; written once per entity at commit. */
    public void changed(String entity, String id) {
        changed.add(new Change(entity, id));
    }

    Connection connection() {
        return connection;
    }

    void flushChanges() throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO change_log (entity, entity_id, changed_at) VALUES (?, ?, ?)")) {
            for (Change c : changed) {
                ps.setString(1, c.entity());
                ps.setString(2, c.id());
                ps.setObject(3, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        changed.clear();
    }
}
