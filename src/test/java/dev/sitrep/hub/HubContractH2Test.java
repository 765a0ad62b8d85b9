package dev.sitrep.hub;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The sitrep contract on the hub over its embedded default: an H2 file under the data directory. */
class HubContractH2Test extends HubContractTest {

    @TempDir
    Path dataDir;

    @Override
    String databaseUrl() {
        return HubDatabase.embeddedUrl(dataDir);
    }
}
