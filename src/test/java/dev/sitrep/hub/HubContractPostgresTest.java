package dev.sitrep.hub;

import dev.sitrep.team.SitrepContractTest;
import dev.sitrep.team.TeamView;
import dev.sitrep.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;

/** The sitrep contract on the hub over a real PostgreSQL (a database of this class's own). */
class HubContractPostgresTest extends SitrepContractTest {

    private static TestPostgres postgres;
    private HubFixture hub;
    private String token;

    @BeforeAll
    static void database() {
        postgres = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        postgres.close();
    }

    @BeforeEach
    void start() throws Exception {
        hub = HubFixture.start(postgres.jdbcUrl(), clock);
        hub.wipe();
        token = hub.addPerson("maria", Role.COMMANDER);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Override
    protected URI url() {
        return hub.url();
    }

    @Override
    protected String token() {
        return token;
    }

    @Override
    protected TeamView team() {
        return hub.store();
    }

    @Override
    protected String platformName() {
        return "hub";
    }
}
