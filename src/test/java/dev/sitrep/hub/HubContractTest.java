package dev.sitrep.hub;

import dev.sitrep.team.SitrepContractTest;
import dev.sitrep.team.TeamView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;

/** The sitrep contract on a hub, whichever database it runs on: a fresh hub for each test, its commander maria. */
abstract class HubContractTest extends SitrepContractTest {

    private HubFixture hub;
    private String token;

    /** The JDBC URL of the hub's database (emptied before each test: a class may share one). */
    abstract String databaseUrl();

    @BeforeEach
    void start() throws Exception {
        hub = HubFixture.start(databaseUrl(), clock);
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
