package dev.sitrep.ui.board;

import atlantafx.base.theme.Styles;
import dev.sitrep.board.BoardFilter;
import dev.sitrep.board.Lanes;
import dev.sitrep.core.Incident;
import dev.sitrep.ui.common.Converters;
import dev.sitrep.ui.common.Icons;
import dev.sitrep.ui.common.Navigator;
import dev.sitrep.ui.common.SeverityStyle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The board page: a lane per severity (most severe first, then Unmapped) of live cards, the
 * filters above, the welcome when the workspace is empty. Enter opens the selected card, A
 * acknowledges it, U posts an update, V / S / R change severity, status or a role; the context menu (right click or the menu key) holds the quick actions.
 */
public final class BoardView extends VBox {

    private final BoardViewModel model;
    private final Navigator navigator;
    private final HBox laneBox = new HBox(10);
    private final List<ListView<Incident>> lists = new ArrayList<>();
    private final java.util.Map<ListView<Incident>, ContextMenu> menus = new java.util.HashMap<>();

    public BoardView(BoardViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
        getStyleClass().add("board");
        setId("board");
        setSpacing(10);

        Label title = new Label("Board");
        title.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryProperty());
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.DANGER, "problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.status().failureProperty());
        problem.visibleProperty().bind(model.status().failureProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, title, summary, grow, filters());
        header.setAlignment(Pos.CENTER_LEFT);

        laneBox.setId("lanes");
        laneBox.setFillHeight(true);
        model.laneKeys().addListener((ListChangeListener<String>) c -> buildLanes());
        buildLanes();
        StackPane body = new StackPane(laneBox, new Welcome(navigator::declare, navigator::startDrill));
        body.getChildren().get(1).visibleProperty().bind(model.workspaceEmptyProperty());
        body.getChildren().get(1).managedProperty().bind(model.workspaceEmptyProperty());
        laneBox.visibleProperty().bind(model.workspaceEmptyProperty().not());
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, problem, body);
    }

    private HBox filters() {
        ComboBox<BoardFilter.Scope> scope = new ComboBox<>();
        scope.setId("boardScope");
        scope.getItems().setAll(BoardFilter.Scope.values());
        scope.setConverter(Converters.showing(BoardFilter.Scope::label));
        scope.setValue(model.filterProperty().get().scope());
        scope.setPrefWidth(220);
        scope.setOnAction(e -> model.filterProperty().set(model.filterProperty().get().withScope(scope.getValue())));
        ComboBox<String> service = new ComboBox<>();
        service.setId("boardService");
        service.setPromptText("All services");
        Runnable fillServices = () -> {
            String chosen = service.getValue();
            List<String> items = new ArrayList<>();
            items.add("All services");
            items.addAll(model.services());
            service.getItems().setAll(items);
            service.setValue(chosen);
        };
        model.services().addListener((ListChangeListener<String>) c -> fillServices.run());
        fillServices.run();
        service.setOnAction(e -> model.filterProperty().set(model.filterProperty().get().withService(
                "All services".equals(service.getValue()) ? null : service.getValue())));
        CheckBox mine = new CheckBox("Mine");
        mine.setId("boardMine");
        mine.selectedProperty().addListener((obs, was, now) ->
                model.filterProperty().set(model.filterProperty().get().withMineOnly(now)));
        HBox box = new HBox(10, scope, service, mine);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    private void buildLanes() {
        lists.clear();
        laneBox.getChildren().clear();
        for (String key : model.laneKeys()) {
            laneBox.getChildren().add(lane(key));
        }
    }

    private VBox lane(String key) {
        Label chip = new Label(key);
        chip.getStyleClass().add("severity-chip");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        SeverityStyle.apply(chip, model.scaleProperty().get(), key);
        Label count = new Label();
        count.getStyleClass().add("lane-count");
        var items = model.lane(key);
        Runnable counted = () -> count.setText(Integer.toString(items.size()));
        items.addListener((ListChangeListener<Incident>) c -> counted.run());
        counted.run();
        Label means = new Label(model.level(key).map(l -> l.respondText()).orElse("not on the scale"));
        means.getStyleClass().addAll(Styles.TEXT_MUTED, "lane-means");
        HBox head = new HBox(8, chip, count, means);
        head.setAlignment(Pos.CENTER_LEFT);
        ListView<Incident> list = new ListView<>(items);
        list.setId("lane-" + key);
        list.getStyleClass().add("lane-list");
        list.setCellFactory(v -> new CardCell(model));
        list.setPlaceholder(new Label("—"));
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> key(list, e.getCode(), e));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected(list) != null) {
                navigator.openIncident(selected(list).id());
            }
        });
        cardMenu(list);
        lists.add(list);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox lane = new VBox(6, head, list);
        lane.getStyleClass().add("lane");
        lane.setMinWidth(120);
        // Lanes with cards share the width; empty lanes stay narrow so the busy ones can breathe.
        Runnable width = () -> {
            HBox.setHgrow(lane, items.isEmpty() ? Priority.NEVER : Priority.ALWAYS);
            lane.setPrefWidth(items.isEmpty() ? 120 : 260);
            lane.setMaxWidth(items.isEmpty() ? 140 : Double.MAX_VALUE);
            means.setVisible(!items.isEmpty());
            means.setManaged(!items.isEmpty());
        };
        items.addListener((ListChangeListener<Incident>) c -> width.run());
        width.run();
        if (Lanes.UNMAPPED.equals(key)) {
            lane.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(items));
            lane.managedProperty().bind(lane.visibleProperty());
        }
        return lane;
    }

    /**
     * The card's menu, opened here rather than left to the platform: a right-click selects the card under the
     * pointer and opens it there (on press where the platform asks for a menu, else on release), and Shift+F10 or
     * the Menu key open it beside the selected card. Under some window systems no context-menu request arrives.
     */
    private void cardMenu(ListView<Incident> list) {
        ContextMenu menu = menu(list);
        list.addEventHandler(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) {
                showMenuAtSelected(list, menu);
            } else {
                menu.show(list, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        list.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && !menu.isShowing() && selected(list) != null) {
                menu.show(list, e.getScreenX(), e.getScreenY());
            }
        });
        list.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && e.getPickResult().getIntersectedNode() != null) {
                for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != list; n = n.getParent()) {
                    if (n instanceof CardCell cell && !cell.isEmpty()) {
                        list.getSelectionModel().select(cell.getIndex());
                        break;
                    }
                }
            }
        });
        menus.put(list, menu);
    }

    private void showMenuAtSelected(ListView<Incident> list, ContextMenu menu) {
        int index = list.getSelectionModel().getSelectedIndex();
        if (index < 0) {
            return;
        }
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof CardCell cell && cell.getIndex() == index && cell.isVisible()) {
                javafx.geometry.Bounds b = cell.localToScreen(cell.getLayoutBounds());
                menu.show(cell, b.getMinX() + 24, b.getMinY() + b.getHeight() / 2);
                return;
            }
        }
    }

    private ContextMenu menu(ListView<Incident> list) {
        MenuItem open = new MenuItem("Open (Enter)");
        open.setOnAction(e -> withSelected(list, i -> navigator.openIncident(i.id())));
        MenuItem ack = new MenuItem("Acknowledge now (A)");
        ack.setOnAction(e -> withSelected(list, model::acknowledge));
        MenuItem update = new MenuItem("Post update… (U)");
        update.setOnAction(e -> withSelected(list, x -> navigator.postUpdate(x.id())));
        MenuItem severity = new MenuItem("Change severity… (V)");
        severity.setOnAction(e -> withSelected(list, i -> sheet(i, QuickChangeSheet.Kind.SEVERITY)));
        MenuItem status = new MenuItem("Change status… (S)");
        status.setOnAction(e -> withSelected(list, i -> sheet(i, QuickChangeSheet.Kind.STATUS)));
        MenuItem commander = new MenuItem("Assign a role… (R)");
        commander.setOnAction(e -> withSelected(list, i -> sheet(i, QuickChangeSheet.Kind.ROLE)));
        return new ContextMenu(open, ack, update, severity, status, commander);
    }

    private void key(ListView<Incident> list, KeyCode code, javafx.scene.input.KeyEvent e) {
        Incident i = selected(list);
        int lane = lists.indexOf(list);
        switch (code) {
            case ENTER -> withSelected(list, x -> navigator.openIncident(x.id()));
            case A -> withSelected(list, model::acknowledge);
            case U -> withSelected(list, x -> navigator.postUpdate(x.id()));
            case V -> withSelected(list, x -> sheet(x, QuickChangeSheet.Kind.SEVERITY));
            case S -> withSelected(list, x -> sheet(x, QuickChangeSheet.Kind.STATUS));
            case R -> withSelected(list, x -> sheet(x, QuickChangeSheet.Kind.ROLE));
            case CONTEXT_MENU -> showMenuAtSelected(list, menus.get(list));
            case F10 -> {
                if (!e.isShiftDown()) {
                    return;
                }
                showMenuAtSelected(list, menus.get(list));
            }
            case LEFT, RIGHT -> {
                int step = code == KeyCode.LEFT ? -1 : 1;
                for (int n = lane + step; n >= 0 && n < lists.size(); n += step) {
                    if (!lists.get(n).getItems().isEmpty()) {
                        focus(lists.get(n));
                        break;
                    }
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
        if (i == null && code != KeyCode.LEFT && code != KeyCode.RIGHT) {
            list.getSelectionModel().selectFirst();
        }
    }

    private void sheet(Incident i, QuickChangeSheet.Kind kind) {
        navigator.showOverlay(new QuickChangeSheet(model, i, kind, navigator::hideOverlay));
    }

    private static Incident selected(ListView<Incident> list) {
        return list.getSelectionModel().getSelectedItem();
    }

    private static void withSelected(ListView<Incident> list, Consumer<Incident> action) {
        Incident i = selected(list);
        if (i != null) {
            action.accept(i);
        }
    }

    /**
     * Gives the keyboard to the cards (the page came up: at start, from the sidebar or Ctrl+1, back
     * from an incident): the lane with the selected card, else the first lane with cards.
     */
    public void focusCards() {
        lists.stream().filter(l -> !l.getSelectionModel().isEmpty()).findFirst()
                .or(() -> lists.stream().filter(l -> !l.getItems().isEmpty()).findFirst())
                .ifPresent(BoardView::focus);
    }

    private static void focus(ListView<Incident> list) {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    /** Every second: the clocks count, overdue ones are reported once, the hour of the resolved runs out. */
    public void tick() {
        model.tick();
    }

    /** Focus on the first lane with cards (Ctrl+1 lands here). */
    public void focusList() {
        lists.stream().filter(l -> !l.getItems().isEmpty()).findFirst().ifPresent(BoardView::focus);
    }

    /** The welcome for an empty workspace: the three first moves and the demo. */
    private static final class Welcome extends VBox {
        Welcome(Runnable declare, Runnable startDrill) {
            super(16);
            Label heading = new Label("Welcome to Sitrep");
            heading.getStyleClass().add(Styles.TITLE_2);
            Label intro = new Label("Nothing is burning. Three first moves:");
            intro.getStyleClass().add(Styles.TEXT_MUTED);
            VBox moves = new VBox(10,
                    move("1", "Declare an incident", "Ctrl+N from anywhere: a title and Enter. Severity defaults to "
                            + "the scale's default; change it any time with a reason."),
                    move("2", "Write what happens", "Open the incident and press Ctrl+L: every note, status and "
                            + "severity change lands on the timeline with its time and author."),
                    move("3", "Set up the workspace", "Settings (Ctrl+6): your name as operator, the theme and the "
                            + "severity scale your runbooks use."));
            Button declareButton = new Button("Declare incident", Icons.of(Feather.PLUS));
            declareButton.getStyleClass().add(Styles.ACCENT);
            declareButton.setOnAction(e -> declare.run());
            Button demo = new Button("Load demo workspace", Icons.of(Feather.PLAY_CIRCLE));
            demo.setId("loadDemo");
            demo.setOnAction(e -> startDrill.run());
            Label demoNote = new Label("The demo opens a drill workspace beside this one: four DRILL incidents with "
                    + "timelines and a sandbox platform whose agents start acting up. Nothing in a drill reaches a real "
                    + "platform.");
            demoNote.setWrapText(true);
            demoNote.getStyleClass().add(Styles.TEXT_MUTED);
            getChildren().addAll(heading, intro, moves, new HBox(12, declareButton, demo), demoNote);
            setId("welcome");
            getStyleClass().add("welcome");
            setMaxWidth(720);
            setMaxHeight(USE_PREF_SIZE);
            StackPane.setAlignment(this, Pos.TOP_CENTER);
        }

        private static HBox move(String number, String title, String text) {
            Label n = new Label(number);
            n.getStyleClass().add("move-number");
            Label t = new Label(title);
            t.getStyleClass().add(Styles.TITLE_4);
            Label d = new Label(text);
            d.setWrapText(true);
            d.getStyleClass().add(Styles.TEXT_MUTED);
            VBox words = new VBox(2, t, d);
            HBox.setHgrow(words, Priority.ALWAYS);
            HBox row = new HBox(14, n, words);
            row.setAlignment(Pos.TOP_LEFT);
            return row;
        }
    }
}
