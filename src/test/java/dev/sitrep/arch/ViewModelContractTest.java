package dev.sitrep.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.sitrep.workspace.ProcessEnvironment;
import dev.sitrep.services.Services;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyProperty;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view-model shows its background work through one {@link TaskStatus} ({@code status()}), never
 * a hand-built busy or error flag, and hands its view the same property and list objects on every call
 * (a view binds once; a fresh object per call would leave it bound to a stale one).
 */
class ViewModelContractTest {

    private static final Set<String> HAND_BUILT = Set.of("busy", "problem", "error", "busyText", "failed", "loading");

    @TempDir
    static Path dir;
    private static Services services;

    @BeforeAll
    static void open() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T14:32:00Z"), ZoneOffset.UTC);
        services = Services.open(dir.resolve("data"), clock,
                new ProcessEnvironment(Map.of(), "Linux", "tester", "/home/tester", clock, ZoneOffset.UTC, false), "maria");
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private static List<Class<?>> viewModels() {
        List<Class<?>> found = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sitrep.ui")) {
            if (c.getSimpleName().endsWith("ViewModel") && c.getEnclosingClass().isEmpty()) {
                found.add(c.reflect());
            }
        }
        found.sort(Comparator.comparing(Class::getName));
        return found;
    }

    @Test
    void everyViewModelHasOneTaskStatusAndNoHandBuiltBusyOrErrorFlag() throws Exception {
        List<Class<?>> models = viewModels();
        assertThat(models).as("the view-models under dev.sitrep.ui").hasSizeGreaterThanOrEqualTo(17);
        for (Class<?> model : models) {
            Method status = model.getMethod("status");
            assertThat(Modifier.isPublic(status.getModifiers())).as(model.getSimpleName() + ".status() is public").isTrue();
            assertThat(status.getReturnType()).as(model.getSimpleName() + ".status()").isEqualTo(TaskStatus.class);
            for (Field f : model.getDeclaredFields()) {
                boolean property = ReadOnlyProperty.class.isAssignableFrom(f.getType());
                assertThat(property && HAND_BUILT.contains(f.getName()))
                        .as(model.getSimpleName() + " declares its own " + f.getName() + " (" + f.getType().getSimpleName()
                                + "); use status()")
                        .isFalse();
            }
        }
    }

    @Test
    void everyViewModelHandsOutTheSamePropertiesAndListsOnEveryCall() throws Exception {
        int checked = 0;
        for (Class<?> model : viewModels()) {
            Object vm = construct(model);
            assertThat(invoke(vm, model.getMethod("status"))).as(model.getSimpleName() + ".status()")
                    .isSameAs(invoke(vm, model.getMethod("status")));
            for (Method m : model.getMethods()) {
                if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != model) {
                    continue;
                }
                if (ObservableList.class.isAssignableFrom(m.getReturnType())
                        || ReadOnlyProperty.class.isAssignableFrom(m.getReturnType())) {
                    assertThat(invoke(vm, m)).as(model.getSimpleName() + "." + m.getName() + "()").isSameAs(invoke(vm, m));
                    checked++;
                }
            }
        }
        assertThat(checked).as("property and list getters checked").isGreaterThan(100);
    }

    private static Object invoke(Object target, Method m) throws Exception {
        return m.invoke(target);
    }

    /** Builds a view-model as its feature would: services of a real (empty) workspace, a same-thread executor. */
    private static Object construct(Class<?> model) throws Exception {
        Constructor<?> widest = null;
        for (Constructor<?> c : model.getConstructors()) {
            if (widest == null || c.getParameterCount() > widest.getParameterCount()) {
                widest = c;
            }
        }
        assertThat(widest).as(model.getSimpleName() + " has a public constructor").isNotNull();
        Class<?>[] types = widest.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = argument(types[i]);
        }
        return widest.newInstance(args);
    }

    private static Object argument(Class<?> type) throws Exception {
        if (type == UiExecutor.class) {
            return new DirectExecutor();
        }
        if (type == Clock.class) {
            return Clock.fixed(Instant.parse("2026-11-22T14:32:00Z"), ZoneOffset.UTC);
        }
        if (type == ZoneId.class) {
            return ZoneOffset.UTC;
        }
        if (type == String.class) {
            return "maria";
        }
        if (type == Path.class) {
            return dir.resolve("files");
        }
        if (type == boolean.class) {
            return false;
        }
        for (Method m : Services.class.getMethods()) {
            if (m.getParameterCount() == 0 && m.getReturnType() == type) {
                return m.invoke(services);
            }
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, margs) -> {
                Class<?> r = method.getReturnType();
                if (method.getName().equals("toString")) {
                    return type.getSimpleName();
                }
                if (method.getName().equals("hashCode")) {
                    return System.identityHashCode(proxy);
                }
                if (method.getName().equals("equals")) {
                    return proxy == margs[0];
                }
                if (r == boolean.class) {
                    return false;
                }
                if (r == long.class) {
                    return 0L;
                }
                if (r == int.class) {
                    return 0;
                }
                if (r == double.class) {
                    return 0.0;
                }
                return null;
            });
        }
        throw new AssertionError("no argument of type " + type.getName() + " for a view-model");
    }
}
