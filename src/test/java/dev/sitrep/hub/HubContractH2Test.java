package dev.sitrep.hub;

import dev.sitrep.team.SitrepContractTest;
import dev.sitrep.team.TeamView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;

/** The sitrep contract on the hub over its embedded default: an H2 file under the data directory. */
class HubContractH2Test extends SitrepContractTest {

    @TempDir
    Path dataDir;
    private HubFixture hub;
    private String token;

    @BeforeEach
    void start() throws Exception {
        hub = HubFixture.start(HubDatabase.embeddedUrl(dataDir), clock);
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
