package dev.sitrep.testing;

import dev.sitrep.team.TeamView;

/**
 * A platform speaking the team contract for console-level tests: the sandbox, or a hub on
 * PostgreSQL or H2. Each person a console syncs as gets a token ({@link #tokenFor}).
 */
public interface TeamServer extends AutoCloseable {

    String url();

    /** A token that lets {@code person} do everything a commander does (the sandbox: its one team token). */
    String tokenFor(String person);

    /** What the platform holds, read straight from its store. */
    TeamView team();

    @Override
    void close();
}
