package dev.sitrep.hub;

import dev.sitrep.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sitrep contract on the hub over a real PostgreSQL (a database of this class's own, emptied for each test). */
class HubContractPostgresTest extends HubContractTest {

    private static TestPostgres postgres;

    @BeforeAll
    static void database() {
        postgres = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        postgres.close();
    }

    @Override
    String databaseUrl() {
        return postgres.jdbcUrl();
    }
}
