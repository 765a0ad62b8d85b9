package dev.sitrep.store;

import dev.sitrep.core.ChangeLog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a view in any process learns that the store changed: every committed transaction appends
 * one row per changed entity to {@code change_log}; a poller keeps the last sequence it saw and
 * asks for what came after. Reading the latest sequence is one index lookup.
 */
public final class ChangeFeed implements ChangeLog {

    private final Store store;

    public ChangeFeed(Store store) {
        this.store = store;
    }

    @Override
    public long latest() {
        return store.read(tx -> latest(tx.connection()));
    }

    @Override
    public List<Entry> since(long seq, int limit) {
        return store.read(tx -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT seq, entity, entity_id FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, seq);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    private static long latest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM change_log");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
