package dev.sitrep.hub;

import dev.sitrep.team.TeamView;
import dev.sitrep.testing.TeamServer;
import dev.sitrep.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A hub as a {@link TeamServer}: on a database of its own in PostgreSQL, or on an H2 file; a commander's token per person. */
public final class HubTeamServer implements TeamServer {

    private final TestPostgres postgres;
    private final HubFixture hub;
    private final Map<String, String> tokens = new HashMap<>();

    private HubTeamServer(TestPostgres postgres, String url) {
        this.postgres = postgres;
        try {
            this.hub = HubFixture.start(url, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HubTeamServer onPostgres() {
        TestPostgres postgres = TestPostgres.create();
        return new HubTeamServer(postgres, postgres.jdbcUrl());
    }

    public static HubTeamServer onH2(Path dataDir) {
        return new HubTeamServer(null, HubDatabase.embeddedUrl(dataDir));
    }

    @Override
    public String url() {
        return hub.url().toString();
    }

    @Override
    public synchronized String tokenFor(String person) {
        return tokens.computeIfAbsent(person, p -> hub.addPerson(p, Role.COMMANDER));
    }

    @Override
    public TeamView team() {
        return hub.store();
    }

    @Override
    public void close() {
        hub.close();
        if (postgres != null) {
            postgres.close();
        }
    }
}
