package dev.sitrep.cli;

import dev.sitrep.workspace.ProcessEnvironment;
import dev.sitrep.core.TimeInput;
import dev.sitrep.incident.Checklists;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.audit.AuditLog;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.sync.PlatformStates;
import dev.sitrep.platform.OsKeychain;
import dev.sitrep.platform.Profiles;
import dev.sitrep.platform.Secrets;
import dev.sitrep.store.Store;
import dev.sitrep.workspace.WorkspaceSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.Callable;

/** A command that works on the workspace: opens the store for the data directory, runs, closes it. */
abstract class StoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** What a command gets to work with. */
    private static final OsKeychain KEYCHAIN = new OsKeychain();

    record Context(Store store, IncidentService incidents, ProcessEnvironment environment, PrintWriter out) {

        /** Secrets from SITREP_SECRET_<NAME>, else asked on the terminal when there is one. */
        Secrets secrets() {
            Secrets.Asker asker = environment.interactive() && System.console() != null
                    ? question -> {
                        char[] typed = System.console().readPassword("%s", question);
                        return typed == null ? null : new String(typed);
                    } : null;
            return new Secrets(environment.env(), keychain(), asker);
        }

        /** The OS keychain, tried only when no environment variable gives the secret. */
        OsKeychain keychain() {
            return KEYCHAIN;
        }

        Checklists checklists() {
            return new Checklists(store, incidents, environment.clock());
        }

        KillSwitchService killSwitch() {
            Secrets secrets = secrets();
            Profiles profiles = profiles();
            return new KillSwitchService(profiles, p -> profiles.connect(p, secrets), audit(), incidents,
                    new PlatformStates(store), incidents::operator);
        }

        /** Evidence on this data directory, under the workspace's size limit. */
        dev.sitrep.evidence.EvidenceService evidence() {
            WorkspaceSettings settings = new WorkspaceSettings(store, environment.clock());
            return new dev.sitrep.evidence.EvidenceService(store, new dev.sitrep.evidence.BlobStore(store.dataDir(),
                    settings::evidenceLimit), incidents, audit(), environment.clock(), incidents::operator);
        }

        dev.sitrep.postmortem.Postmortems postmortems() {
            return new dev.sitrep.postmortem.Postmortems(store, incidents, evidence(), new WorkspaceSettings(store,
                    environment.clock()), environment.clock(), incidents::operator);
        }

        dev.sitrep.postmortem.ActionItems actionItems() {
            return new dev.sitrep.postmortem.ActionItems(store, incidents, environment.clock(), environment.zone(),
                    incidents::operator);
        }

        dev.sitrep.evidence.Bundles bundles() {
            return new dev.sitrep.evidence.Bundles(evidence(), audit(), environment.clock(), incidents::operator);
        }

        AuditLog audit() {
            return new AuditLog(store, environment.clock());
        }

        Profiles profiles() {
            return new Profiles(store, environment.clock(), incidents::operator);
        }

        /** A time option as typed (see TimeInput), or {@code null} when the option was not given. */
        Instant time(String typed) {
            return typed == null ? null : TimeInput.parse(typed, environment.clock(), environment.zone());
        }
    }

    @Override
    public final Integer call() throws Exception {
        RootCommand root = (RootCommand) spec.root().userObject();
        ProcessEnvironment environment = root.environment();
        try (Store store = Store.open(environment.dataDir(root.dataDirOption()))) {
            String actor = environment.actor(root.actorOption(), new WorkspaceSettings(store, environment.clock())::operator);
            IncidentService incidents = new IncidentService(store, environment.clock(), () -> actor, new SecureRandom());
            int code = run(new Context(store, incidents, environment, spec.commandLine().getOut()));
            spec.commandLine().getOut().flush();
            return code;
        }
    }

    abstract int run(Context context) throws Exception;
}
