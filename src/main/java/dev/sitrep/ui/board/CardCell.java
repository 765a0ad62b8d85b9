package dev.sitrep.ui.board;

import atlantafx.base.theme.Styles;
import dev.sitrep.board.CardClocks;
import dev.sitrep.board.Deadline;
import dev.sitrep.core.Incident;
import dev.sitrep.core.TimeFormat;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One incident's card: id and elapsed, title, status and commander, its clocks, and badges in words. */
final class CardCell extends ListCell<Incident> {

    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    private static final PseudoClass SOON = PseudoClass.getPseudoClass("soon");
    private static final PseudoClass LATE = PseudoClass.getPseudoClass("late");
    private static final PseudoClass MET = PseudoClass.getPseudoClass("met");

    private final BoardViewModel model;
    private final Label id = new Label();
    private final Label elapsed = new Label();
    private final Label title = new Label();
    private final Label meta = new Label();
    private final FlowPane clocks = new FlowPane(6, 4);
    private final FlowPane badges = new FlowPane(6, 4);
    private final VBox card;
    private final javafx.beans.value.ChangeListener<Number> onTick = (obs, was, now) -> {
        if (getItem() != null && !isEmpty()) {
            updateItem(getItem(), false);
        }
    };

    CardCell(BoardViewModel model) {
        this.model = model;
        id.getStyleClass().add("mono");
        elapsed.getStyleClass().add("elapsed");
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        meta.getStyleClass().add(Styles.TEXT_MUTED);
        meta.setWrapText(true);
        meta.setMinHeight(Region.USE_PREF_SIZE); // status, commander and service: wrapped, never cut
        // The id tells cards apart (drill cards share their date): it is never cut; the elapsed time
        // goes under it when the lane is too narrow for both on one line.
        id.getStyleClass().add("card-id");
        id.setMinWidth(Region.USE_PREF_SIZE);
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane top = new FlowPane(10, 0, id, elapsed);
        top.setAlignment(Pos.CENTER_LEFT);
        card = new VBox(4, top, title, meta, clocks, badges);
        card.getStyleClass().add("card");
        card.setMinWidth(0);
        setPrefWidth(0);
        model.ticksProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onTick));
    }

    @Override
    protected void updateItem(Incident incident, boolean empty) {
        super.updateItem(incident, empty);
        if (empty || incident == null) {
            setGraphic(null);
            return;
        }
        if (getListView() != null && !card.prefWidthProperty().isBound()) {
            // A card as wide as its lane, so long titles wrap instead of being cut.
            card.prefWidthProperty().bind(getListView().widthProperty().subtract(28));
            title.prefWidthProperty().bind(getListView().widthProperty().subtract(50));
            meta.prefWidthProperty().bind(getListView().widthProperty().subtract(50));
        }
        Instant now = model.clock().instant();
        CardClocks c = model.clocks(incident);
        id.setText(incident.id().value());
        elapsed.setText(TimeFormat.elapsed(c.elapsed()));
        title.setText(incident.title());
        meta.setText(incident.status().key() + " · " + (incident.commander() == null ? "no commander"
                : "IC " + incident.commander()) + (incident.service() == null ? "" : " · " + incident.service()));
        clocks.getChildren().setAll(clockLabels(c, now));
        badges.getChildren().setAll(model.badges(incident).stream().map(CardCell::badge).toList());
        card.pseudoClassStateChanged(DIMMED, model.dimmed(incident));
        setGraphic(card);
    }

    private static List<Label> clockLabels(CardClocks c, Instant now) {
        Deadline first = c.firstCommunication().orElse(null);
        return java.util.stream.Stream.of(c.acknowledge(), c.firstCommunication(), c.nextUpdate())
                .flatMap(Optional::stream)
                .filter(d -> d != first || d.stateAt(now) != Deadline.State.MET) // a sent first communication leaves
                .map(d -> clock(d, now)).toList();
    }

    private static Label clock(Deadline d, Instant now) {
        Label l = new Label(d.textAt(now));
        l.getStyleClass().add("card-clock");
        l.setMinWidth(Region.USE_PREF_SIZE);
        Deadline.State s = d.stateAt(now);
        l.pseudoClassStateChanged(MET, s == Deadline.State.MET);
        l.pseudoClassStateChanged(SOON, s == Deadline.State.DUE_SOON);
        l.pseudoClassStateChanged(LATE, s == Deadline.State.OVERDUE);
        return l;
    }

    private static Label badge(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("card-badge");
        l.setMinWidth(Region.USE_PREF_SIZE);
        if (text.startsWith("HALTED")) {
            l.getStyleClass().add("halted");
        } else if (text.equals("DRILL")) {
            l.getStyleClass().add("drill-badge");
        }
        return l;
    }
}
