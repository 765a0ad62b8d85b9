package dev.sitrep.ui.settings;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.Profiles;
import dev.sitrep.platform.Secrets;
import dev.sitrep.sync.PlatformStates;
import dev.sitrep.ui.common.ChangePoller;
import dev.sitrep.ui.common.Messages;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import dev.sitrep.ui.common.PlatformSummary;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Settings > Platforms: the configured profiles with their last known state, a form to add one
 * (checked as the CLI checks it), and per-profile test and remove. A secret typed here is kept in
 * memory for this session only.
 */
public final class PlatformsViewModel {

    /** One profile as listed. */
    public record Row(PlatformProfile profile, String state) {
    }

    private final Profiles profiles;
    private final PlatformStates states;
    private final Function<PlatformProfile, PlatformConnector> connect;
    private final Secrets secrets;
    private final UiExecutor executor;
    private final Clock clock;

    // Properties
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty kind = new SimpleStringProperty(PlatformKind.POWERNODE.key());
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty environment = new SimpleStringProperty("production");
    private final StringProperty caCert = new SimpleStringProperty("");
    private final StringProperty flags = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final BooleanProperty autoHalt = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final TaskStatus status = new TaskStatus();

    public PlatformsViewModel(Profiles profiles, PlatformStates states, Function<PlatformProfile, PlatformConnector> connect,
                              Secrets secrets, UiExecutor executor, Clock clock) {
        this.profiles = profiles;
        this.states = states;
        this.connect = connect;
        this.secrets = secrets;
        this.executor = executor;
        this.clock = clock;
    }

    public static List<String> kinds() {
        return Arrays.stream(PlatformKind.values()).map(PlatformKind::key).toList();
    }

    // Commands

    public void load() {
        executor.submit(() -> {
            Map<String, PlatformStatus> byName = new HashMap<>();
            states.all().forEach(s -> byName.put(s.name(), s));
            return profiles.list().stream().map(p -> new Row(p, PlatformSummary.of(List.of(p), byName, clock.instant())))
                    .toList();
        }, rows::setAll, this::fail);
    }

    public void onChanges(ChangePoller.Changes changes) {
        if (!changes.platforms().isEmpty()) {
            load();
        }
    }

    public void add() {
        PlatformProfile profile;
        try {
            PlatformKind k = PlatformKind.parse(kind.get());
            String where = address.get() == null ? "" : address.get().strip();
            profile = new PlatformProfile(PlatformProfile.checkName(name.get()), k, k.usesUrl() ? where : null,
                    k.usesUrl() || where.isEmpty() ? null : Path.of(where), blankToNull(email.get()),
                    PlatformProfile.Environment.parse(environment.get()),
                    blankToNull(caCert.get()) == null ? null : Path.of(caCert.get().strip()),
                    Arrays.stream(flags.get().split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList(),
                    Duration.ofSeconds(30), autoHalt.get());
        } catch (RuntimeException e) {
            formError.set(Messages.of(e));
            return;
        }
        String typed = secret.get();
        executor.submit(() -> profiles.add(profile), added -> {
            secrets.remember(added.name(), typed);
            formError.set("");
            say("Added " + added.name() + ". Use Test to reach it.");
            clearForm();
            load();
        }, failure -> formError.set(Messages.of(failure)));
    }

    public void remove(String profileName) {
        executor.submit(() -> {
            profiles.remove(profileName);
            return profileName;
        }, removed -> {
            say("Removed " + removed + ".");
            load();
        }, this::fail);
    }

    /** Reaches the platform, logs in, and says what it can do, how healthy it is and its kill-switch state. */
    public void test(String profileName) {
        say("Testing " + profileName + "…");
        status.run(BackgroundTask.wrap(() -> {
            PlatformProfile p = profiles.get(profileName);
            try (PlatformConnector c = connect.apply(p)) {
                StringBuilder out = new StringBuilder(p.name() + ": can " + c.capabilities().stream()
                        .map(Capability::label).collect(Collectors.joining(", ")) + ".");
                if (c.can(Capability.HEALTH)) {
                    Health h = c.health();
                    out.append(" Health: ").append(h.status().name().toLowerCase(Locale.ROOT)).append('.');
                }
                if (c.can(Capability.KILL_SWITCH_STATUS)) {
                    KillSwitchState s = c.killSwitchStatus();
                    out.append(" Kill switch: ").append(s.halted() ? "HALTED" : "running").append('.');
                }
                return out.toString();
            }
        }).onSuccess(result::set).onFailure(failure -> result.set("")), executor);
    }

    /** The result line: what was done (a failure shows in {@link #status()} instead). */
    private void say(String text) {
        status.clearFailure();
        result.set(text);
    }

    private void fail(Throwable failure) {
        result.set("");
        status.fail(failure);
    }

    private void clearForm() {
        name.set("");
        address.set("");
        email.set("");
        caCert.set("");
        flags.set("");
        secret.set("");
        autoHalt.set(false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ObservableList<Row> rows() {
        return rowsReadOnly;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty environmentProperty() {
        return environment;
    }

    public StringProperty caCertProperty() {
        return caCert;
    }

    public StringProperty flagsProperty() {
        return flags;
    }

    /** Opt in to Sitrep halting the platform by itself when its health checks escalate. */
    public BooleanProperty autoHaltProperty() {
        return autoHalt;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Loading, removing and testing platforms: busy while a test runs, and what failed. */
    public TaskStatus status() {
        return status;
    }
}
