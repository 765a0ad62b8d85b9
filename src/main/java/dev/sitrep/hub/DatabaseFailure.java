package dev.sitrep.hub;

import java.sql.SQLException;

/** A database call that failed inside code that cannot throw {@link SQLException}; the hub answers it 503. */
final class DatabaseFailure extends RuntimeException {

    DatabaseFailure(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
