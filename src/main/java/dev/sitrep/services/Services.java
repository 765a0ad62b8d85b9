package dev.sitrep.services;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.DaemonThreads;
import dev.sitrep.comms.StatusUpdates;
import dev.sitrep.comms.Templates;
import dev.sitrep.comms.WarRoom;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.evidence.BlobStore;
import dev.sitrep.evidence.Bundles;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.incident.Checklists;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.incident.TriageRecorder;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.killswitch.ReadBack;
import dev.sitrep.platform.OsKeychain;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.Profiles;
import dev.sitrep.platform.Secrets;
import dev.sitrep.evidence.EvidenceCaptures;
import dev.sitrep.postmortem.ActionItems;
import dev.sitrep.postmortem.PostmortemExports;
import dev.sitrep.postmortem.Postmortems;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.runbook.importer.RunbookImports;
import dev.sitrep.store.ChangeFeed;
import dev.sitrep.store.Store;
import dev.sitrep.sync.Backoff;
import dev.sitrep.sync.PlatformStates;
import dev.sitrep.sync.PullLoop;
import dev.sitrep.sync.TeamSync;
import dev.sitrep.wall.StoreWallSource;
import dev.sitrep.wall.WallModel;
import dev.sitrep.workspace.ProcessEnvironment;
import dev.sitrep.workspace.WorkspaceSettings;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The composition root: every service of an open workspace, built once, here and nowhere else.
 * {@link #open} opens the store and owns it (the console and the wall; opening touches the disk, so
 * the app does it off the FX thread); {@link #on} builds over a store the caller opened and closes
 * (the CLI and the tests). Building does no I/O: every constructor only keeps its collaborators, and
 * nothing runs (no keychain call, no thread) until it is used.
 */
public final class Services implements AutoCloseable {

    /** How often the console syncs with team platforms (kind sitrep) while it runs. */
    public static final long TEAM_SYNC_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(Services.class.getName());

    private final Store store;
    private final boolean ownsStore;
    private final Clock clock;
    private final ZoneId zone;
    private final AtomicReference<Supplier<String>> operator;
    private final String operatorOverride;
    private final Function<PlatformProfile, PlatformConnector> connectors;
    private final WorkspaceSettings settings;
    private final IncidentService incidents;
    private final Checklists checklists;
    private final TriageRecorder triage;
    private final Templates templates;
    private final WarRoom warRoom;
    private final StatusUpdates statusUpdates;
    private final ChangeFeed changes;
    private final Profiles profiles;
    private final PlatformStates platformStates;
    private final OsKeychain keychain;
    private final Secrets secrets;
    private final PullLoop pullLoop;
    private final AuditLog audit;
    private final KillSwitchService killSwitch;
    private final EvidenceService evidence;
    private final Bundles bundles;
    private final Postmortems postmortems;
    private final ActionItems actionItems;
    private final PostmortemExports postmortemExports;
    private final EvidenceCaptures evidenceCaptures;
    private final TeamSync teamSync;
    private Long changesAtOpen;
    private ScheduledExecutorService pullers;
    private ScheduledExecutorService readBacks;

    private Services(Builder b, boolean ownsStore) {
        this.store = b.store;
        this.ownsStore = ownsStore;
        this.clock = b.clock != null ? b.clock : b.environment != null ? b.environment.clock() : Clock.systemUTC();
        this.zone = b.zone != null ? b.zone : b.environment != null ? b.environment.zone() : ZoneOffset.UTC;
        Map<String, String> env = b.variables != null ? b.variables : b.environment != null ? b.environment.env() : Map.of();
        this.settings = new WorkspaceSettings(store, clock);
        if (b.operator != null) {
            this.operator = new AtomicReference<>(b.operator);
            this.operatorOverride = null;
        } else if (b.environment != null) {
            String resolved = b.environment.actor(b.actorOption, settings::operator);
            this.operator = new AtomicReference<>(() -> resolved);
            this.operatorOverride = b.environment.actorOverridden(b.actorOption) ? resolved : null;
        } else {
            throw new IllegalStateException("Services need an operator: give operator(...) or environment(...)");
        }
        Supplier<String> actor = this::operator;
        this.connectors = b.connectors != null ? b.connectors : p -> profiles().connect(p, secrets());
        this.incidents = new IncidentService(store, clock, actor, b.random != null ? b.random : new SecureRandom());
        this.checklists = new Checklists(store, incidents, clock);
        this.triage = new TriageRecorder(store, incidents, checklists);
        this.templates = new Templates(store, clock, actor);
        this.warRoom = new WarRoom(store, clock, actor);
        this.statusUpdates = new StatusUpdates(store, incidents, clock);
        this.changes = new ChangeFeed(store);
        this.profiles = new Profiles(store, clock, actor);
        this.platformStates = new PlatformStates(store);
        this.keychain = new OsKeychain();
        this.secrets = new Secrets(env, b.keychain != null ? b.keychain : keychain, b.secretsAsker);
        Backoff backoff = b.backoff != null ? b.backoff : new Backoff(new SecureRandom());
        this.pullLoop = new PullLoop(store, incidents, this::connect, clock, backoff);
        BlobStore blobs = b.blobStore != null ? b.blobStore
                : new BlobStore(store.dataDir(), b.evidenceLimit != null ? b.evidenceLimit : settings::evidenceLimit);
        this.audit = new AuditLog(store, clock, bytes -> blobs.put("an audit attachment",
                new java.io.ByteArrayInputStream(bytes), bytes.length, BlobStore.Progress.NONE, () -> false).sha256());
        this.killSwitch = new KillSwitchService(profiles, this::connect, audit, incidents, platformStates, actor,
                new ReadBack(clock, backoff, b.readBackScheduler != null ? b.readBackScheduler : this::readBackLater));
        this.evidence = new EvidenceService(store, blobs, incidents, audit, clock, actor);
        this.bundles = new Bundles(evidence, audit, clock, actor);
        this.postmortems = new Postmortems(store, incidents, evidence, settings, clock, actor);
        this.actionItems = new ActionItems(store, incidents, clock, zone, actor);
        this.postmortemExports = new PostmortemExports(postmortems, actionItems);
        this.evidenceCaptures = new EvidenceCaptures(evidence);
        this.teamSync = new TeamSync(store, incidents, blobs, this::connect, settings::origin, clock,
                TeamSync.Bounds.DEFAULT);
        pullLoop.onEscalation(killSwitch::onEscalation);
        pullLoop.onPulled(killSwitch::pulled);
    }

    /** Opens the store in {@code dataDir} and every service on it; {@link #close()} closes the store. */
    public static Services open(Path dataDir, Clock clock, ProcessEnvironment env, String actorOption) {
        return open(dataDir, clock, env, actorOption, "sitrep", line -> { });
    }

    /**
     * As {@link #open(Path, Clock, ProcessEnvironment, String)}, for a front end that names itself to
     * the processes that have to wait for it and shows {@code notice} (see {@link Store#open(Path, String, Consumer)}).
     */
    public static Services open(Path dataDir, Clock clock, ProcessEnvironment env, String actorOption, String holder,
                                Consumer<String> notice) {
        Store store = Store.open(dataDir, holder, notice);
        try {
            Services services = new Services(on(store).clock(clock).environment(env, actorOption), true);
            services.changesAtOpen();
            return services;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Services over a store the caller opened; {@link #close()} leaves that store open. */
    public static Builder on(Store store) {
        return new Builder(store);
    }

    /**
     * How to build services over an open store. The operator comes from {@link #environment} (--actor,
     * SITREP_ACTOR, the saved setting, the OS user, as everywhere) or is given by {@link #operator}; the
     * rest has a default: the environment's clock and zone (else the system clock and UTC), a
     * SecureRandom for incident ids and back-off, the OS keychain, no one to ask for a secret, the
     * profiles' own connectors, and the workspace's evidence limit.
     */
    public static final class Builder {
        private final Store store;
        private ProcessEnvironment environment;
        private String actorOption;
        private Map<String, String> variables;
        private Clock clock;
        private ZoneId zone;
        private Supplier<String> operator;
        private RandomGenerator random;
        private Backoff backoff;
        private Secrets.Keychain keychain;
        private Secrets.Asker secretsAsker;
        private Function<PlatformProfile, PlatformConnector> connectors;
        private LongSupplier evidenceLimit;
        private BlobStore blobStore;
        private ReadBack.Scheduler readBackScheduler;

        private Builder(Store store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** The process's variables (secrets), clock and zone, and the operator as --actor {@code actorOption} resolves it. */
        public Builder environment(ProcessEnvironment environment, String actorOption) {
            this.environment = environment;
            this.actorOption = actorOption;
            return this;
        }

        /** The environment variables secrets are read from (SITREP_SECRET_<NAME>), instead of the environment's. */
        public Builder variables(Map<String, String> variables) {
            this.variables = variables;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The zone follow-up due dates are read in. */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder operator(String name) {
            return operator(() -> name);
        }

        /** The operator, asked at each write. */
        public Builder operator(Supplier<String> operator) {
            this.operator = operator;
            return this;
        }

        /** Draws new incident ids. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** The pull loop's back-off between failed pulls, also between the kill switch's background read-backs. */
        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        /** Where a secret is looked up after the environment (default: the OS keychain). */
        public Builder keychain(Secrets.Keychain keychain) {
            this.keychain = keychain;
            return this;
        }

        /** Asks for a secret neither the environment nor the keychain has (default: nobody). */
        public Builder secretsAsker(Secrets.Asker asker) {
            this.secretsAsker = asker;
            return this;
        }

        /** Opens a platform's connector (default: the profile's own, with these services' secrets). */
        public Builder connectors(Function<PlatformProfile, PlatformConnector> connectors) {
            this.connectors = connectors;
            return this;
        }

        /** The largest capture, in bytes (default: the workspace setting). */
        public Builder evidenceLimit(LongSupplier limit) {
            this.evidenceLimit = limit;
            return this;
        }

        /** Evidence bytes kept here instead of in the data directory's own blob store. */
        public Builder blobStore(BlobStore blobs) {
            this.blobStore = blobs;
            return this;
        }

        /**
         * Runs the kill switch's background read-backs (default: a thread of these services, started
         * the first time one is needed and stopped by {@link #close()}).
         */
        public Builder readBackScheduler(ReadBack.Scheduler scheduler) {
            this.readBackScheduler = scheduler;
            return this;
        }

        public Services build() {
            return new Services(this, false);
        }
    }

    /** Starts pulling every platform in the background (two threads: a slow platform does not hold up the rest). */
    public synchronized void startPulling() {
        if (pullers == null) {
            pullers = Executors.newScheduledThreadPool(2, DaemonThreads.numbered("sitrep-pull"));
            pullLoop.start(pullers);
            pullers.scheduleWithFixedDelay(this::syncTeams, 1, TEAM_SYNC_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** One push + pull with every team platform; one that cannot be reached keeps its outbox for next time. */
    private void syncTeams() {
        for (PlatformProfile p : profiles.list()) {
            if (p.kind() == PlatformKind.SITREP) {
                try {
                    teamSync.cycle(p);
                } catch (RuntimeException e) {
                    LOG.fine(() -> "team sync with " + p.name() + " failed: " + e.getMessage());
                }
            }
        }
    }

    /** Reads a kill-switch state back later, on a thread started the first time one is needed. */
    private synchronized void readBackLater(java.time.Duration delay, Runnable task) {
        if (readBacks == null) {
            readBacks = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sitrep-read-back"));
        }
        readBacks.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A connector for {@code profile}, sharing this workspace's secrets. */
    public PlatformConnector connect(PlatformProfile profile) {
        return connectors.apply(profile);
    }

    public IncidentService incidents() {
        return incidents;
    }

    public Checklists checklists() {
        return checklists;
    }

    public TriageRecorder triage() {
        return triage;
    }

    /** The status-update templates as this workspace uses them. */
    public Templates templates() {
        return templates;
    }

    public WarRoom warRoom() {
        return warRoom;
    }

    public StatusUpdates statusUpdates() {
        return statusUpdates;
    }

    public ChangeFeed changes() {
        return changes;
    }

    public Profiles profiles() {
        return profiles;
    }

    public PlatformStates platformStates() {
        return platformStates;
    }

    public Secrets secrets() {
        return secrets;
    }

    /** The OS keychain, to store a secret in (lookups go through {@link #secrets()}). */
    public OsKeychain keychain() {
        return keychain;
    }

    /** Pulls platforms: once on demand ({@code pullOnce}), or in the background from {@link #startPulling()}. */
    public PullLoop pullLoop() {
        return pullLoop;
    }

    public AuditLog audit() {
        return audit;
    }

    public KillSwitchService killSwitch() {
        return killSwitch;
    }

    public EvidenceService evidence() {
        return evidence;
    }

    public Bundles bundles() {
        return bundles;
    }

    public Postmortems postmortems() {
        return postmortems;
    }

    public ActionItems actionItems() {
        return actionItems;
    }

    /** Exporting postmortems (the CLI's postmortem export, the console's Export…). */
    public PostmortemExports postmortemExports() {
        return postmortemExports;
    }

    /** Capturing files and folders as evidence (the CLI's evidence add, the console's drop and Add files…). */
    public EvidenceCaptures evidenceCaptures() {
        return evidenceCaptures;
    }

    /**
     * Importing a team's runbook beside the runbooks in use (the console's Import…; the CLI's runbook
     * commands open no database and take {@link RunbookImports#in} on the data directory themselves).
     */
    public RunbookImports runbookImports() {
        return RunbookImports.in(dataDir());
    }

    public TeamSync teamSync() {
        return teamSync;
    }

    public WorkspaceSettings settings() {
        return settings;
    }

    /** The wall's model on this workspace (times shown in {@code zone} beside UTC). */
    public WallModel wall(ZoneId zone) {
        return new WallModel(new StoreWallSource(store, incidents, statusUpdates), clock, zone);
    }

    /** The built-in runbooks and the team's in {@code <data-dir>/runbooks}, read now (off the FX thread). */
    public RunbookLibrary runbooks() {
        return RunbookLibrary.load(dataDir());
    }

    /** The change sequence when the workspace opened: views load after it, pollers start from it. */
    public synchronized long changesAtOpen() {
        if (changesAtOpen == null) {
            changesAtOpen = changes.latest();
        }
        return changesAtOpen;
    }

    public String operator() {
        return operator.get().get();
    }

    /** Settings saved a new operator name: used from now on unless --actor or SITREP_ACTOR fixes it. */
    public void operatorChanged(String name) {
        if (operatorOverride == null) {
            operator.set(() -> name);
        }
    }

    /** The operator fixed by --actor or SITREP_ACTOR, or {@code null}. */
    public String operatorOverride() {
        return operatorOverride;
    }

    public Path dataDir() {
        return store.dataDir();
    }

    /**
     * Stops pulling and reading kill-switch states back (an outcome still unknown stays UNKNOWN on the
     * audit trail until a status read resolves it) and closes the platforms' connectors; closes the
     * store when {@link #open} opened it.
     */
    @Override
    public synchronized void close() {
        pullLoop.close();
        if (pullers != null) {
            pullers.shutdownNow();
        }
        if (readBacks != null) {
            readBacks.shutdownNow();
        }
        if (ownsStore) {
            store.close();
        }
    }
}
