package dev.sitrep.ui.common;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

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
        box.setConverter(Converters.showing(i -> facts(i) + " · " + i.title()));
        box.setCellFactory(list -> new Row());
        box.setButtonCell(new Row());
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

    private static String facts(Incident i) {
        return i.id() + " · " + i.severity() + " · " + i.status().key();
    }

    /**
     * An incident as a row: its id, severity and status always whole, its title (the commander's own words, any
     * length) cut first when the box is narrow, and whole in the tooltip.
     */
    private static final class Row extends ListCell<Incident> {
        private final Label facts = new Label();
        private final Label title = new Label();
        private final HBox row = new HBox(6, facts, title);
        private final Tooltip whole = new Tooltip();

        Row() {
            facts.setMinWidth(Region.USE_PREF_SIZE);
            title.getStyleClass().add(FREE_TEXT);
            title.setMinWidth(0);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Incident item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            facts.setText(facts(item) + " ·");
            title.setText(item.title());
            whole.setText(facts(item) + " · " + item.title());
            setGraphic(row);
            setTooltip(whole);
        }
    }

    /**
     * The style class of a label holding what a person wrote (a title, a note): it may be cut with an ellipsis
     * where space is short, with the whole text at hand (a tooltip, the incident's page). Ids, clocks, severities,
     * banners and actions never carry it: they always read whole.
     */
    public static final String FREE_TEXT = "free-text";
}
