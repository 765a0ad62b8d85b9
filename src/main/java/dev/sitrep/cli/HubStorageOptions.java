package dev.sitrep.cli;

import dev.sitrep.hub.HubDatabase;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where a hub keeps its data, the same for {@code sitrep hub} and {@code sitrep hub person}. */
final class HubStorageOptions {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "The team's PostgreSQL: jdbc:postgresql://HOST[:PORT]/DATABASE (user and password from "
                    + HubDatabase.ENV_USER + " and " + HubDatabase.ENV_PASSWORD + ", or the URL). Default: an H2 file "
                    + "under --data-dir, for a trial or a small team.")
    String db;

    /** Opens (and migrates) the hub's database for the command in {@code spec}. */
    HubDatabase open(CommandSpec spec, int poolSize) {
        RootCommand root = (RootCommand) spec.root().userObject();
        String url = db != null ? db : HubDatabase.embeddedUrl(root.environment().dataDir(root.dataDirOption()));
        return HubDatabase.open(url, root.environment().env(), poolSize);
    }
}
