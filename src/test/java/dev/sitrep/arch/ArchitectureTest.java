package dev.sitrep.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.sitrep.audit.AuditLog;
import dev.sitrep.comms.StatusUpdates;
import dev.sitrep.comms.Templates;
import dev.sitrep.comms.WarRoom;
import dev.sitrep.evidence.BlobStore;
import dev.sitrep.evidence.Bundles;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.incident.Checklists;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.incident.TriageRecorder;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.platform.OsKeychain;
import dev.sitrep.platform.Profiles;
import dev.sitrep.platform.Secrets;
import dev.sitrep.postmortem.ActionItems;
import dev.sitrep.postmortem.Postmortems;
import dev.sitrep.services.Services;
import dev.sitrep.store.ChangeFeed;
import dev.sitrep.sync.PlatformStates;
import dev.sitrep.sync.PullLoop;
import dev.sitrep.sync.TeamSync;
import dev.sitrep.wall.StoreWallSource;
import dev.sitrep.evidence.EvidenceCaptures;
import dev.sitrep.postmortem.PostmortemExports;
import dev.sitrep.runbook.importer.RunbookImports;
import dev.sitrep.workspace.WorkspaceSettings;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering rules of the architecture note (src/site/markdown/architecture.md), checked on the compiled classes. */
@AnalyzeClasses(packages = "dev.sitrep", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("dev.sitrep.ui..", "dev.sitrep.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the core, the store and the CLI must run with no display");

    @ArchTest
    static final ArchRule coreKnowsNoStorage = noClasses()
            .that().resideInAPackage("dev.sitrep.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "dev.sitrep.store..", "dev.sitrep.cli..",
                    "dev.sitrep.incident..")
            .because("the model is plain Java shared by every layer");

    @ArchTest
    static final ArchRule nothingBelowTheCliDependsOnIt = noClasses()
            .that().resideInAnyPackage("dev.sitrep.core..", "dev.sitrep.store..", "dev.sitrep.incident..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sitrep.cli..", "picocli..")
            .because("the CLI is a thin shell over the services");

    /**
     * The services of a workspace, built once, in {@link Services} (the composition root), so the
     * console, the wall, the CLI and the tests share one graph wired one way (the operator, the
     * secrets, the escalation hook). Add a class here when it joins that graph.
     */
    private static final List<Class<?>> SERVICE_CLASSES = List.of(
            IncidentService.class, Checklists.class, TriageRecorder.class,      // incidents
            Templates.class, WarRoom.class, StatusUpdates.class,                // comms
            ChangeFeed.class, WorkspaceSettings.class,                          // store, workspace
            Profiles.class, Secrets.class, OsKeychain.class,                    // platforms
            PlatformStates.class, PullLoop.class, TeamSync.class,               // sync
            AuditLog.class, KillSwitchService.class,                            // kill switch
            BlobStore.class, EvidenceService.class, Bundles.class,              // evidence
            EvidenceCaptures.class,
            Postmortems.class, ActionItems.class, PostmortemExports.class,      // postmortems
            RunbookImports.class,                                               // runbooks (built by its own in(dataDir))
            StoreWallSource.class);                                             // the wall's reading of the store

    private static final Set<String> SERVICE_NAMES = SERVICE_CLASSES.stream().map(Class::getName)
            .collect(Collectors.toUnmodifiableSet());

    /** A call of (or reference to) a service's constructor from outside that class (its own this(...) is fine). */
    private static final DescribedPredicate<JavaAccess<?>> BUILDS_A_SERVICE = DescribedPredicate.describe(
            "a service constructor (" + SERVICE_CLASSES.stream().map(Class::getSimpleName)
                    .collect(Collectors.joining(", ")) + ")",
            access -> JavaConstructor.CONSTRUCTOR_NAME.equals(access.getTarget().getName())
                    && SERVICE_NAMES.contains(access.getTargetOwner().getName())
                    && !access.getOriginOwner().equals(access.getTargetOwner()));

    @ArchTest
    static final ArchRule onlyServicesBuildsServices = noClasses()
            .that().doNotBelongToAnyOf(Services.class)
            .should().accessTargetWhere(BUILDS_A_SERVICE)
            .because("dev.sitrep.services.Services is the one composition root: get a service from it");

    @ArchTest
    static final ArchRule cliKnowsNoDesktop = noClasses()
            .that().resideInAPackage("dev.sitrep.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sitrep.app..", "dev.sitrep.ui..")
            .because("the CLI runs with no display; the launcher hands it what it needs from the desktop");

    @ArchTest
    static final ArchRule uiKnowsNoStore = noClasses()
            .that().resideInAPackage("dev.sitrep.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.sitrep.store..")
            .because("views and view-models reach data through the services, never the store");

    @ArchTest
    static final ArchRule uiFeaturesAreIndependent = slices()
            .matching("dev.sitrep.ui.(*)..")
            .namingSlices("ui feature $1")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage("dev.sitrep.ui.common..", "dev.sitrep.ui.markdown.."))
            .because("features meet only through ui.common (and the shared ui.markdown widget)");
}
