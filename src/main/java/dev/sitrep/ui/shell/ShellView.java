package dev.sitrep.ui.shell;

import dev.sitrep.ui.common.Page;
import dev.sitrep.ui.common.Shortcuts;
import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import dev.sitrep.ui.common.Icons;
import dev.sitrep.ui.common.Navigator;
import dev.sitrep.ui.common.Pages;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The window: sidebar, a top bar with Declare, the page area, and the status bar (operator, data
 * directory, platform state, UTC and local clocks). Pages arrive once the workspace is open;
 * until then the page area says so. Keyboard shortcuts are handled here for the whole window.
 */
public final class ShellView extends BorderPane {

    private final ShellViewModel model;
    private final StackPane pageArea = new StackPane();
    private final ModalPane overlay = new ModalPane();
    private final Map<Page, ToggleButton> sidebarButtons = new EnumMap<>(Page.class);
    private Pages pages;
    private Node focusBeforeOverlay;
    /** What the window's shortcuts and buttons do; none until the workspace is open. */
    private Navigator navigator;

    public ShellView(ShellViewModel model) {
        this.model = model;
        getStyleClass().add("shell");
        setLeft(sidebar());
        setBottom(statusBar());
        Label halted = new Label();
        halted.setId("haltBanner");
        halted.getStyleClass().add("halt-banner");
        halted.setMaxWidth(Double.MAX_VALUE);
        halted.setWrapText(true); // what is halted, since when, by whom and why: all of it, on two lines if need be
        halted.setMinHeight(Region.USE_PREF_SIZE);
        halted.textProperty().bind(model.haltBannerProperty());
        halted.visibleProperty().bind(model.haltBannerProperty().isNotEmpty());
        halted.managedProperty().bind(halted.visibleProperty());
        setTop(new VBox(halted, escalationBanner()));
        pageArea.getStyleClass().add("page-area");
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(240);
        Label opening = new Label();
        opening.setId("openingWorkspace");
        opening.textProperty().bind(model.openingProperty());
        opening.getStyleClass().add(Styles.TEXT_MUTED);
        VBox waiting = new VBox(12, opening, progress);
        waiting.setAlignment(Pos.CENTER);
        pageArea.getChildren().setAll(waiting);
        // Overlays appear at once: no slide-in to wait for at 3 a.m.
        overlay.setInTransitionFactory(null);
        overlay.setOutTransitionFactory(null);
        VBox main = new VBox(topBar(), pageArea);
        if (model.drill()) {
            Label banner = new Label("DRILL · sandbox only: nothing here reaches a real platform");
            banner.setId("drillBanner");
            banner.getStyleClass().add("drill-banner");
            banner.setMaxWidth(Double.MAX_VALUE);
            main.getChildren().add(0, banner);
        }
        StackPane center = new StackPane(main, overlay);
        VBox.setVgrow(pageArea, Priority.ALWAYS);
        setCenter(center);
        model.pageProperty().addListener((obs, was, now) -> {
            if (pages != null) {
                pages.hidden(was);
            }
            showPage(now);
        });
        Timeline clocks = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        clocks.setCycleCount(Timeline.INDEFINITE);
        clocks.play();
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        addEventFilter(KeyEvent.KEY_PRESSED, this::keysStayInTheOverlay);
        addEventFilter(KeyEvent.KEY_TYPED, this::keysStayInTheOverlay);
        addEventFilter(KeyEvent.KEY_RELEASED, this::keysStayInTheOverlay);
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                now.focusOwnerProperty().addListener((o, before, after) -> focusStaysInTheOverlay(before, after));
            }
        });
    }

    private HBox escalationBanner() {
        Label text = new Label();
        text.setId("escalationText");
        text.setWrapText(true);
        text.textProperty().bind(model.escalationBannerProperty());
        Button open = new Button("Open kill switch…");
        open.setId("escalationKillSwitch");
        open.setOnAction(e -> go(n -> n.armKillSwitch(null, model.escalatedPlatforms())));
        Button dismiss = new Button("Dismiss");
        dismiss.setId("escalationDismiss");
        dismiss.setOnAction(e -> model.dismissEscalation());
        // The buttons are what the commander acts on: they keep their whole width; the text wraps in what is left.
        open.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(text, open, dismiss);
        banner.setId("escalationBanner");
        banner.getStyleClass().add("escalation-banner");
        banner.visibleProperty().bind(model.escalationBannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** The workspace is open: pages can be built (each when first shown), and the buttons move through the navigator. */
    public void setPages(Pages pages, Navigator navigator) {
        installTooltips();
        this.pages = pages;
        this.navigator = navigator;
        showPage(model.pageProperty().get());
    }

    private void go(Consumer<Navigator> move) {
        if (navigator != null) {
            move.accept(navigator);
        }
    }

    /** Tooltips wait for the workspace: creating the first one is slow and the first frame should not wait. */
    private void installTooltips() {
        int n = 1;
        for (Map.Entry<Page, ToggleButton> e : sidebarButtons.entrySet()) {
            e.getValue().setTooltip(new Tooltip(e.getKey().label() + " (Ctrl+" + n++ + ")"));
        }
        ((Button) lookup("#declareAction")).setTooltip(new Tooltip("Declare an incident (Ctrl+N)"));
        ((Button) lookup("#helpAction")).setTooltip(new Tooltip("Keyboard shortcuts (?)"));
        ((Button) lookup("#killSwitchAction")).setTooltip(new Tooltip("Halt a platform's automation (Ctrl+Shift+K)"));
    }

    /** The workspace could not be opened: say why in the page area, calmly; nothing was changed. */
    public void showProblem(String message) {
        Label title = new Label("The workspace could not be opened");
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setId("workspaceProblem");
        VBox box = new VBox(10, title, text);
        box.setMaxWidth(720);
        box.setAlignment(Pos.CENTER_LEFT);
        pageArea.getChildren().setAll(box);
    }

    /**
     * Shows a sheet or dialog over the window. It owns the keyboard while it is open: focus moves
     * into it (to its first control, unless it puts focus somewhere of its own), and no key reaches
     * the page behind (see {@link #keysStayInTheOverlay}); closing it gives focus back.
     */
    public void showOverlay(Node content) {
        if (!overlay.isDisplay() && getScene() != null) {
            focusBeforeOverlay = getScene().getFocusOwner();
        }
        overlay.show(content);
        javafx.application.Platform.runLater(() -> {
            Node owner = getScene() == null ? null : getScene().getFocusOwner();
            if (overlay.isDisplay() && !inside(overlay, owner)) {
                firstFocusable(content).orElse(content).requestFocus();
            }
        });
    }

    public void hideOverlay() {
        overlay.hide(true);
        Node back = focusBeforeOverlay;
        focusBeforeOverlay = null;
        if (back != null && back.getScene() == getScene() && back.isVisible()) {
            back.requestFocus();
        }
    }

    /** While a sheet is open, a key meant for anything but the sheet goes nowhere (the shell's own shortcuts run first). */
    private void keysStayInTheOverlay(KeyEvent e) {
        if (overlay.isDisplay() && !(e.getTarget() instanceof Node n && inside(overlay, n))) {
            e.consume();
        }
    }

    /**
     * While a sheet is open, Tab or an arrow past its last control would move focus to the page behind; focus goes
     * back to where it was in the sheet (or to its first control).
     */
    private void focusStaysInTheOverlay(Node before, Node after) {
        if (!overlay.isDisplay() || after == null || inside(overlay, after)) {
            return;
        }
        Node back = before != null && inside(overlay, before) && before.isVisible() ? before
                : firstFocusable(overlay.getContent() == null ? overlay : overlay.getContent()).orElse(null);
        if (back != null) {
            javafx.application.Platform.runLater(back::requestFocus);
        }
    }

    private static boolean inside(Node ancestor, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The first control in {@code node} that takes the keyboard (depth first, as Tab would reach it). */
    static java.util.Optional<Node> firstFocusable(Node node) {
        if (node.isFocusTraversable() && !node.isDisabled() && node.isVisible()) {
            return java.util.Optional.of(node);
        }
        if (node instanceof javafx.scene.Parent parent && node.isVisible()) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                java.util.Optional<Node> found = firstFocusable(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    public boolean overlayShown() {
        return overlay.isDisplay();
    }

    private void showPage(Page page) {
        ToggleButton button = sidebarButtons.get(page == Page.INCIDENT ? Page.BOARD : page);
        if (button != null) {
            button.setSelected(true);
        }
        if (pages == null) {
            return;
        }
        Node node = pages.show(page);
        if (page == Page.SETTINGS) {
            ScrollPane scroll = new ScrollPane(node);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("page-scroll");
            pageArea.getChildren().setAll(scroll);
        } else {
            pageArea.getChildren().setAll(node);
        }
    }


    private VBox sidebar() {
        Label brand = new Label("SITREP");
        brand.getStyleClass().add("brand");
        VBox bar = new VBox(4, brand);
        bar.getStyleClass().add("sidebar");
        ToggleGroup group = new ToggleGroup();
        for (Page page : Page.values()) {
            if (!page.inSidebar()) {
                continue;
            }
            ToggleButton b = new ToggleButton(page.label(), Icons.of(page.icon(), 18));
            b.setId("nav" + page.name());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("nav-button");
            b.setOnAction(e -> {
                model.show(page);
                b.setSelected(true);
            });
            sidebarButtons.put(page, b);
            bar.getChildren().add(b);
        }
        sidebarButtons.get(Page.BOARD).setSelected(true);
        return bar;
    }

    private HBox topBar() {
        Button declare = new Button("Declare", Icons.of(Feather.PLUS));
        declare.setId("declareAction");
        declare.getStyleClass().add(Styles.ACCENT);
        declare.setOnAction(e -> go(Navigator::declare));
        Button help = new Button(null, Icons.of(Feather.HELP_CIRCLE, 18));
        help.setId("helpAction");
        help.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        help.setOnAction(e -> showShortcuts());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button kill = new Button("Kill switch", Icons.of(Feather.POWER));
        kill.setId("killSwitchAction");
        kill.getStyleClass().add("kill-switch-top");
        kill.setOnAction(e -> go(Navigator::killSwitch));
        Button wall = new Button("Wall", Icons.of(Feather.MONITOR));
        wall.setId("wallAction");
        wall.getStyleClass().add(Styles.FLAT);
        wall.setOnAction(e -> go(Navigator::openWall));
        HBox bar = new HBox(10, grow, wall, declare, kill, help);
        if (!model.drill()) {
            Button drill = new Button("Drill", Icons.of(Feather.PLAY_CIRCLE));
            drill.setId("drillAction");
            drill.getStyleClass().add(Styles.FLAT);
            drill.setOnAction(e -> go(Navigator::startDrill));
            bar.getChildren().add(1, drill);
        }
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private HBox statusBar() {
        Label operator = status(Feather.USER);
        operator.setId("statusOperator");
        operator.textProperty().bind(model.operatorProperty());
        Label dir = status(Feather.FOLDER);
        dir.textProperty().bind(model.dataDirProperty());
        dir.setMinWidth(80);
        Label platforms = status(Feather.RADIO);
        platforms.textProperty().bind(model.platformStateProperty());
        Label sync = status(Feather.REFRESH_CW);
        sync.setId("syncState");
        sync.textProperty().bind(model.syncStateProperty());
        sync.visibleProperty().bind(model.syncStateProperty().isNotEmpty());
        sync.managedProperty().bind(sync.visibleProperty());
        Label problem = status(Feather.ALERT_TRIANGLE);
        problem.setId("windowProblem");
        problem.textProperty().bind(model.status().failureProperty());
        problem.visibleProperty().bind(model.status().failureProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label utc = status(Feather.CLOCK);
        utc.setId("clockUtc");
        utc.getStyleClass().add("clock");
        utc.textProperty().bind(model.utcClockProperty());
        Label local = status(null);
        local.getStyleClass().add("clock");
        local.textProperty().bind(model.localClockProperty());
        HBox bar = new HBox(18, operator, dir, platforms, sync, problem, grow, utc, local);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static Label status(Feather icon) {
        Label l = new Label();
        if (icon != null) {
            l.setGraphic(Icons.of(icon, 14));
        }
        l.getStyleClass().add("status-item");
        return l;
    }

    private static final KeyCombination DECLARE = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NOTE = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination KILL = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private void shortcut(KeyEvent e) {
        if (KILL.match(e)) {
            go(Navigator::killSwitch);
            e.consume();
        } else if (overlayShown() && e.getCode() != KeyCode.ESCAPE) {
            return; // the sheet has the keyboard: only Esc (close it) and the kill switch reach past it
        } else if (DECLARE.match(e)) {
            go(Navigator::declare);
            e.consume();
        } else if (NOTE.match(e)) {
            go(Navigator::focusNote);
            e.consume();
        } else if (e.isShortcutDown() && !e.isShiftDown() && e.getCode().isDigitKey()) {
            String name = e.getCode().getName();
            model.showNumber(Character.getNumericValue(name.charAt(name.length() - 1)));
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (overlayShown()) {
                hideOverlay();
            } else {
                go(Navigator::back);
            }
            e.consume();
        } else if (e.getText().equals("?") && !(getScene().getFocusOwner() instanceof TextInputControl)) {
            showShortcuts();
            e.consume();
        }
    }

    /** The shortcuts overlay: {@link Shortcuts#ALL}, page by page, in two columns so the whole list fits at 1280x800. */
    private void showShortcuts() {
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add(Styles.TITLE_3);
        Map<String, List<Shortcuts.Shortcut>> byPlace = new LinkedHashMap<>();
        Shortcuts.ALL.forEach(k -> byPlace.computeIfAbsent(k.where(), w -> new ArrayList<>()).add(k));
        GridPane left = new GridPane();
        GridPane right = new GridPane();
        int lines = Shortcuts.ALL.size() + byPlace.size();
        int placed = 0;
        for (Map.Entry<String, List<Shortcuts.Shortcut>> place : byPlace.entrySet()) {
            int size = place.getValue().size() + 1;
            GridPane column = placed + size <= lines / 2 + 1 ? left : right;
            Label heading = new Label(place.getKey());
            heading.getStyleClass().addAll(Styles.TEXT_BOLD, "shortcut-place");
            column.addRow(column.getRowCount(), heading);
            for (Shortcuts.Shortcut k : place.getValue()) {
                Label key = new Label(k.keys());
                key.getStyleClass().addAll("mono", "key");
                key.setMinWidth(Region.USE_PREF_SIZE);
                Label what = new Label(k.does());
                what.setWrapText(true);
                column.addRow(column.getRowCount(), key, what);
            }
            placed += size;
        }
        for (GridPane column : List.of(left, right)) {
            column.setHgap(12);
            column.setVgap(6);
            ColumnConstraints keys = new ColumnConstraints();
            keys.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints what = new ColumnConstraints();
            what.setHgrow(Priority.ALWAYS);
            column.getColumnConstraints().setAll(keys, what);
        }
        HBox columns = new HBox(32, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(500);
        right.setPrefWidth(500);
        VBox box = new VBox(12, title, columns);
        box.setId("shortcuts");
        box.getStyleClass().add("shortcuts-overlay");
        box.setMaxSize(1080, USE_PREF_SIZE);
        showOverlay(box);
    }
}
