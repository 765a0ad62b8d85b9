package dev.sitrep.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering rules of src/site/markdown/architecture.md, checked on the compiled classes. */
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
