package dev.sitrep.ui.common;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;

import java.util.function.Consumer;

/**
 * The incident a page works on, chosen from a list (id, severity, status, title) and kept in step
 * with the page's view-model both ways, also when the list is read again.
 */
public final class IncidentChooser {

    private IncidentChooser() {
    }

    /**
     * @param shown  the incident the page shows (the view-model's)
     * @param choose what choosing one does (the view-model's show)
     */
    public static ComboBox<Incident> of(String id, ObservableList<Incident> choices, ObjectProperty<IncidentId> shown,
                                        Consumer<IncidentId> choose) {
        ComboBox<Incident> box = new ComboBox<>(choices);
        box.setId(id);
        box.setPrefWidth(460);
        box.setMinWidth(200);
        box.setPromptText("Choose the incident");
        box.setConverter(Converters.showing(i -> i.id() + " · " + i.severity() + " · " + i.status().key() + " · "
                + i.title()));
        box.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                choose.accept(now.id());
            }
        });
        Runnable follow = () -> {
            IncidentId wanted = shown.get();
            Incident current = box.getValue();
            if (wanted != null) {
                choices.stream().filter(i -> i.id().equals(wanted)).findFirst()
                        .filter(fresh -> fresh != current).ifPresent(box::setValue);
            }
        };
        shown.addListener((obs, was, now) -> follow.run());
        // After the combo box has taken in the new list (it clears its choice when the items are replaced).
        choices.addListener((ListChangeListener<Incident>) c -> Platform.runLater(follow));
        return box;
    }
}
