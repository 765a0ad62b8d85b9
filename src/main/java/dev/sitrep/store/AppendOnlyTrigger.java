package dev.sitrep.store;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Installed by the schema on append-only tables (timeline events, audit entries): any UPDATE or
 * DELETE fails, whoever sends it, so history can only grow.
 */
public final class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: rows are never changed or removed; add a correcting row instead",
                "42000");
    }
}
