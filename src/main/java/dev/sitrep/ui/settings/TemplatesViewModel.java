package dev.sitrep.ui.settings;

import dev.sitrep.comms.BuiltInTemplates;
import dev.sitrep.comms.Templates;
import dev.sitrep.comms.UpdateTemplate;
import dev.sitrep.comms.WarRoom;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings' status-update templates: pick one, edit its text, save it (checked first; every
 * problem shows inline) or reset it to the built-in text; and the war room {{war_room}} names.
 * Unsaved edits of one template are kept while another is picked.
 */
public final class TemplatesViewModel {

    private final Templates templates;
    private final WarRoom warRoom;
    private final UiExecutor executor;

    private final Map<String, String> saved = new HashMap<>();
    private final Map<String, String> unsaved = new HashMap<>();
    private final Set<String> edited = new HashSet<>();

    private record Loaded(List<UpdateTemplate> templates, Set<String> edited, Optional<String> warRoom) {
    }

    // Properties
    private final ObservableList<String> ids = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(
            BuiltInTemplates.ALL.stream().map(UpdateTemplate::id).toList()));
    private final ObjectProperty<String> chosen = new SimpleObjectProperty<>(UpdateTemplate.INTERNAL);
    private final StringProperty body = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper purpose = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canReset = new ReadOnlyBooleanWrapper(false);
    private final StringProperty warRoomText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final TaskStatus status = new TaskStatus();

    public TemplatesViewModel(Templates templates, WarRoom warRoom, UiExecutor executor) {
        this.templates = templates;
        this.warRoom = warRoom;
        this.executor = executor;
        chosen.addListener((obs, was, now) -> {
            if (was != null && saved.containsKey(was) && !body.get().equals(saved.get(was))) {
                unsaved.put(was, body.get());
            }
            status.clearFailure();
            notice.set("");
            show(now);
        });
    }

    /** The display name of a template id ("Internal update"). */
    public static String name(String id) {
        String name = BuiltInTemplates.find(id).map(UpdateTemplate::name).orElse(id);
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    // Commands

    public void load() {
        executor.submit(() -> {
            Set<String> editedIds = new HashSet<>();
            for (UpdateTemplate t : BuiltInTemplates.ALL) {
                if (templates.isEdited(t.id())) {
                    editedIds.add(t.id());
                }
            }
            return new Loaded(templates.all(), editedIds, warRoom.get());
        }, loaded -> {
            saved.clear();
            loaded.templates().forEach(t -> saved.put(t.id(), t.body()));
            edited.clear();
            edited.addAll(loaded.edited());
            warRoomText.set(loaded.warRoom().orElse(""));
            show(chosen.get());
        }, this::fail);
    }

    /** Checks the text; saves it when it has no problem, else lists every problem inline. */
    public void save() {
        String id = chosen.get();
        String text = body.get();
        List<String> problems = Templates.problems(id, text);
        if (!problems.isEmpty()) {
            notice.set("");
            status.fail(String.join("\n", problems));
            return;
        }
        executor.submit(() -> templates.save(id, text), template -> {
            saved.put(id, template.body());
            unsaved.remove(id);
            edited.add(id);
            status.clearFailure();
            notice.set("Saved. Post update uses this " + template.name() + " from now on, in every window and the CLI.");
            if (id.equals(chosen.get())) {
                show(id);
            }
        }, this::fail);
    }

    /** Drops the team's text for the chosen template: the built-in applies again. */
    public void reset() {
        String id = chosen.get();
        executor.submit(() -> templates.reset(id), template -> {
            saved.put(id, template.body());
            unsaved.remove(id);
            edited.remove(id);
            status.clearFailure();
            notice.set("The " + template.name() + " is back to the built-in text.");
            if (id.equals(chosen.get())) {
                show(id);
            }
        }, this::fail);
    }

    /** Saves the war room; empty clears it. */
    public void saveWarRoom() {
        String text = warRoomText.get();
        executor.submit(() -> warRoom.set(text), room -> {
            status.clearFailure();
            warRoomText.set(room.orElse(""));
            notice.set(room.map(r -> "War room saved: " + r + ".").orElse("War room cleared; updates say (not set)."));
        }, this::fail);
    }

    private void show(String id) {
        if (id == null || !saved.containsKey(id)) {
            return;
        }
        body.set(unsaved.getOrDefault(id, saved.get(id)));
        boolean isEdited = edited.contains(id);
        origin.set(isEdited ? "Edited for this workspace" : "Built-in text");
        canReset.set(isEdited);
        purpose.set(BuiltInTemplates.byId(id).purpose());
        List<String> savedProblems = Templates.problems(id, saved.get(id));
        if (!savedProblems.isEmpty()) {
            status.fail(String.join("\n", savedProblems));
        }
    }

    private void fail(Throwable failure) {
        notice.set("");
        status.fail(failure);
    }

    public ObservableList<String> ids() {
        return ids;
    }

    public ObjectProperty<String> chosenProperty() {
        return chosen;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty purposeProperty() {
        return purpose.getReadOnlyProperty();
    }

    /** The chosen template has the team's own text, so a reset would change something. */
    public ReadOnlyBooleanProperty canResetProperty() {
        return canReset.getReadOnlyProperty();
    }

    public StringProperty warRoomProperty() {
        return warRoomText;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The page's background work: busy, and what failed. */
    public TaskStatus status() {
        return status;
    }
}
