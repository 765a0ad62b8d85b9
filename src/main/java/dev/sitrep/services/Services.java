package dev.sitrep.services;

import dev.sitrep.core.DaemonThreads;
import dev.sitrep.comms.StatusUpdates;
import dev.sitrep.comms.Templates;
import dev.sitrep.comms.WarRoom;
import dev.sitrep.incident.Checklists;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.incident.TriageRecorder;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.audit.AuditLog;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.platform.OsKeychain;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.Profiles;
import dev.sitrep.platform.Secrets;
import dev.sitrep.sync.Backoff;
import dev.sitrep.sync.PlatformStates;
import dev.sitrep.sync.PullLoop;
import dev.sitrep.store.ChangeFeed;
import dev.sitrep.store.Store;
import dev.sitrep.workspace.ProcessEnvironment;
import dev.sitrep.workspace.WorkspaceSettings;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root: every service of an open workspace, built once, here and nowhere else. Opening
 * touches the disk, so the app does it off the FX thread.
 */
public final class Services implements AutoCloseable {

    private final Store store;
    private final IncidentService incidents;
    private final WorkspaceSettings settings;
    private final ChangeFeed changes;
    private final AtomicReference<String> operator;
    private final String operatorOverride;
    private final long changesAtOpen;
    private final Profiles profiles;
    private final PlatformStates platformStates;
    private final PullLoop pullLoop;
    private final Secrets secrets;
    private final KillSwitchService killSwitch;
    private final Checklists checklists;
    private final TriageRecorder triage;
    private final Templates templates;
    private final WarRoom warRoom;
    private final StatusUpdates statusUpdates;
    private final Clock clock;
    private final dev.sitrep.evidence.EvidenceService evidence;
    private final dev.sitrep.evidence.Bundles bundles;
    private final dev.sitrep.postmortem.Postmortems postmortems;
    private final dev.sitrep.postmortem.ActionItems actionItems;
    private final dev.sitrep.sync.TeamSync teamSync;
    private ScheduledExecutorService pullers;

    private Services(Store store, Clock clock, ProcessEnvironment env, String actorOption) {
        this.store = store;
        this.clock = clock;
        this.settings = new WorkspaceSettings(store, clock);
        this.operator = new AtomicReference<>(env.actor(actorOption, settings::operator));
        this.operatorOverride = env.actorOverridden(actorOption) ? operator.get() : null;
        this.incidents = new IncidentService(store, clock, operator::get, new SecureRandom());
        this.checklists = new Checklists(store, incidents, clock);
        this.triage = new TriageRecorder(store, incidents, checklists);
        this.templates = new Templates(store, clock, operator::get);
        this.warRoom = new WarRoom(store, clock, operator::get);
        this.statusUpdates = new StatusUpdates(store, incidents, clock);
        this.changes = new ChangeFeed(store);
        this.changesAtOpen = changes.latest();
        this.profiles = new Profiles(store, clock, operator::get);
        this.platformStates = new PlatformStates(store);
        this.secrets = new Secrets(env.env(), new OsKeychain(), null);
        this.pullLoop = new PullLoop(store, incidents, this::connect, clock,
                new Backoff(new SecureRandom()));
        AuditLog audit = new AuditLog(store, clock);
        this.killSwitch = new KillSwitchService(profiles, this::connect, audit, incidents, platformStates, operator::get);
        this.evidence = new dev.sitrep.evidence.EvidenceService(store, new dev.sitrep.evidence.BlobStore(store.dataDir(),
                settings::evidenceLimit), incidents, audit, clock, operator::get);
        this.bundles = new dev.sitrep.evidence.Bundles(evidence, audit, clock, operator::get);
        this.postmortems = new dev.sitrep.postmortem.Postmortems(store, incidents, evidence, settings, clock, operator::get);
        this.actionItems = new dev.sitrep.postmortem.ActionItems(store, incidents, clock, env.zone(), operator::get);
        this.teamSync = new dev.sitrep.sync.TeamSync(store, incidents, this::connect, settings::origin, clock);
        pullLoop.onEscalation(killSwitch::onEscalation);
    }

    /** Starts pulling every platform in the background (two threads: a slow platform does not hold up the rest). */
    public synchronized void startPulling() {
        if (pullers == null) {
            pullers = Executors.newScheduledThreadPool(2, DaemonThreads.numbered("sitrep-pull"));
            pullLoop.start(pullers);
            pullers.scheduleWithFixedDelay(this::syncTeams, 1, TEAM_SYNC_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** How often the console syncs with team platforms (kind sitrep) while it runs. */
    public static final long TEAM_SYNC_SECONDS = 5;

    /** One push + pull with every team platform; one that cannot be reached keeps its outbox for next time. */
    private void syncTeams() {
        for (PlatformProfile p : profiles.list()) {
            if (p.kind() == dev.sitrep.core.PlatformKind.SITREP) {
                try {
                    teamSync.cycle(p);
                } catch (RuntimeException e) {
                    java.util.logging.Logger.getLogger(Services.class.getName()).fine(() -> "team sync with "
                            + p.name() + " failed: " + e.getMessage());
                }
            }
        }
    }

    public dev.sitrep.sync.TeamSync teamSync() {
        return teamSync;
    }

    /** A connector for {@code profile}, sharing this workspace's secrets. */
    public PlatformConnector connect(PlatformProfile profile) {
        return profiles.connect(profile, secrets);
    }

    public KillSwitchService killSwitch() {
        return killSwitch;
    }

    public Secrets secrets() {
        return secrets;
    }

    public Profiles profiles() {
        return profiles;
    }

    public PlatformStates platformStates() {
        return platformStates;
    }

    public static Services open(Path dataDir, Clock clock, ProcessEnvironment env, String actorOption) {
        return new Services(Store.open(dataDir), clock, env, actorOption);
    }

    public IncidentService incidents() {
        return incidents;
    }

    public TriageRecorder triage() {
        return triage;
    }

    /** The built-in runbooks and the team's in {@code <data-dir>/runbooks}, read now (off the FX thread). */
    public RunbookLibrary runbooks() {
        return RunbookLibrary.load(dataDir());
    }

    /** The wall's model on this workspace (times shown in {@code zone} beside UTC). */
    public dev.sitrep.wall.WallModel wall(java.time.ZoneId zone) {
        return new dev.sitrep.wall.WallModel(store, incidents, statusUpdates(), clock, zone);
    }

    public dev.sitrep.evidence.EvidenceService evidence() {
        return evidence;
    }

    public dev.sitrep.evidence.Bundles bundles() {
        return bundles;
    }

    public dev.sitrep.postmortem.Postmortems postmortems() {
        return postmortems;
    }

    public dev.sitrep.postmortem.ActionItems actionItems() {
        return actionItems;
    }

    public Checklists checklists() {
        return checklists;
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

    public WorkspaceSettings settings() {
        return settings;
    }

    public ChangeFeed changes() {
        return changes;
    }

    /** The change sequence when the workspace opened: views load after it, pollers start from it. */
    public long changesAtOpen() {
        return changesAtOpen;
    }

    public String operator() {
        return operator.get();
    }

    /** Settings saved a new operator name: used from now on unless --actor or SITREP_ACTOR fixes it. */
    public void operatorChanged(String name) {
        if (operatorOverride == null) {
            operator.set(name);
        }
    }

    /** The operator fixed by --actor or SITREP_ACTOR, or {@code null}. */
    public String operatorOverride() {
        return operatorOverride;
    }

    public Path dataDir() {
        return store.dataDir();
    }

    @Override
    public synchronized void close() {
        pullLoop.close();
        if (pullers != null) {
            pullers.shutdownNow();
        }
        store.close();
    }
}
