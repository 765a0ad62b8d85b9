package dev.sitrep.ui.wall;

import dev.sitrep.wall.WallSnapshot;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The war room's wall: read from five metres, never touched. Renders a {@link WallSnapshot}
 * (the same one the browser wall renders): banners across the top, the clocks, one large row per
 * active incident, the platform strip along the bottom. Nothing here takes focus or input. A long
 * banner wraps, so the clocks and the elapsed times always stay whole on the screen, and a page
 * holds only the rows that fit under the banners shown.
 */
public final class WallView extends BorderPane {

    private static final PseudoClass[] RAMP = {PseudoClass.getPseudoClass("sev0"), PseudoClass.getPseudoClass("sev1"),
            PseudoClass.getPseudoClass("sev2"), PseudoClass.getPseudoClass("sev3"), PseudoClass.getPseudoClass("sev4")};
    private static final PseudoClass UNMAPPED = PseudoClass.getPseudoClass("unmapped");

    /** Height of one incident row at the wall's sizes, with the space below it; the page holds as many as fit. */
    public static final double ROW_HEIGHT = 150;

    private final VBox banners = new VBox();
    private final Label utc = label("wall-utc");
    private final Label local = label("wall-local");
    private final Label count = label("wall-count");
    private final VBox rows = new VBox(10);
    private final FlowPane platforms = new FlowPane(28, 8);
    private final VBox top;
    private int perPage = 1;

    public WallView() {
        setId("wall");
        getStyleClass().add("wall");
        getStylesheets().add(WallView.class.getResource("/dev/sitrep/ui/wall/wall.css").toExternalForm());
        setMouseTransparent(true);
        setFocusTraversable(false);
        Label brand = label("wall-brand");
        brand.setText("SITREP");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        VBox clocks = new VBox(0, utc, local);
        clocks.setAlignment(Pos.CENTER_RIGHT);
        HBox header = new HBox(24, brand, count, grow, clocks);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("wall-header");
        top = new VBox(banners, header);
        setTop(top);
        rows.getStyleClass().add("wall-rows");
        setCenter(rows);
        platforms.getStyleClass().add("wall-platforms");
        setBottom(platforms);
    }

    /**
     * Shows the page {@code pageOf} gives for as many rows as fit between the banners and header
     * and the platform strip; when banners came or went (or the wall was resized) and that number
     * changed, asks for the page again with the new number, so no row runs off the screen.
     */
    public void showFitting(IntFunction<WallSnapshot> pageOf) {
        show(pageOf.apply(perPage));
        int fits = rowsThatFit();
        if (fits != perPage) {
            perPage = fits;
            show(pageOf.apply(perPage));
        }
    }

    /** Rows that fit the wall's scene under what is shown now (as many as last time before it has a scene). */
    private int rowsThatFit() {
        Scene scene = getScene();
        if (scene == null) {
            return perPage;
        }
        applyCss();
        double width = scene.getWidth() - snappedLeftInset() - snappedRightInset();
        double free = scene.getHeight() - snappedTopInset() - snappedBottomInset() - top.prefHeight(width)
                - platforms.prefHeight(width) - rows.snappedTopInset() - rows.snappedBottomInset();
        double row = rows.getChildren().stream().mapToDouble(r -> r.prefHeight(width)).max()
                .orElse(ROW_HEIGHT - rows.getSpacing()) + rows.getSpacing();
        return Math.max(1, (int) ((free + rows.getSpacing()) / row));
    }

    public void show(WallSnapshot s) {
        banners.getChildren().clear();
        if (s.drill()) {
            banners.getChildren().add(banner("DRILL · sandbox only: nothing here reaches a real platform", "wall-drill"));
        }
        if (!s.stale().isEmpty()) {
            banners.getChildren().add(banner(s.stale().toUpperCase(java.util.Locale.ROOT).startsWith("STALE")
                    ? "STALE: " + s.stale().substring("stale ".length()) : s.stale(), "wall-stale"));
        }
        s.halted().forEach(h -> banners.getChildren().add(banner(h, "wall-halted")));
        s.escalation().forEach(e -> banners.getChildren().add(banner(e, "wall-escalation")));
        utc.setText(s.utc());
        local.setText(s.local());
        count.setText(s.activeCount() == 0 ? "No active incidents"
                : s.activeCount() + " active" + (s.pages() > 1 ? " · page " + s.page() + " of " + s.pages() : ""));
        rows.getChildren().setAll(s.rows().stream().map(WallView::row).toList());
        rows.setOpacity(s.stale().isEmpty() ? 1 : 0.6);
        platforms.getChildren().setAll(s.platforms().stream().map(p -> {
            Label l = label("wall-platform");
            l.setText((p.state().equals("healthy") ? "● " : "○ ") + p.name() + " " + p.state().toUpperCase(java.util.Locale.ROOT)
                    + " · " + p.detail());
            l.pseudoClassStateChanged(PseudoClass.getPseudoClass(p.state()), true);
            return (Node) l;
        }).toList());
        if (s.platforms().isEmpty()) {
            Label none = label("wall-platform");
            none.setText("No platforms connected");
            platforms.getChildren().add(none);
        }
    }

    private static Node row(WallSnapshot.Row r) {
        Label chip = label("wall-chip");
        chip.setText(r.severity());
        for (int i = 0; i < RAMP.length; i++) {
            chip.pseudoClassStateChanged(RAMP[i], i == r.ramp());
        }
        chip.pseudoClassStateChanged(UNMAPPED, r.ramp() < 0);
        Label title = label("wall-title");
        title.setText(r.title());
        Label meta = label("wall-meta");
        meta.setText(r.status() + " · IC " + r.commander() + " · " + r.id());
        FlowPane marks = new FlowPane(14, 6);
        for (WallSnapshot.Clock c : r.clocks()) {
            Label l = label("wall-clock");
            l.setText(c.text());
            l.pseudoClassStateChanged(PseudoClass.getPseudoClass(c.state()), true);
            marks.getChildren().add(l);
        }
        for (String b : r.badges()) {
            Label l = label("wall-badge");
            l.setText(b);
            if (b.startsWith("HALTED")) {
                l.getStyleClass().add("halted");
            }
            marks.getChildren().add(l);
        }
        VBox words = new VBox(4, title, meta, marks);
        HBox.setHgrow(words, Priority.ALWAYS);
        // The words take the room the chip and the elapsed time leave; they never squeeze those two.
        words.setMinWidth(0);
        words.setPrefWidth(0);
        Label elapsed = label("wall-elapsed");
        elapsed.setText(r.elapsed());
        HBox row = new HBox(28, chip, words, elapsed);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("wall-row");
        row.setMinHeight(ROW_HEIGHT - 10);
        return row;
    }

    /** A banner wraps rather than cut its words or widen the wall (which pushed the clocks off the screen). */
    private static Label banner(String text, String style) {
        Label l = label(style);
        l.setText(text);
        l.getStyleClass().add("wall-banner");
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static Label label(String style) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setFocusTraversable(false);
        l.setMinWidth(Region.USE_PREF_SIZE);
        if (style.equals("wall-title") || style.equals("wall-meta")) {
            l.setMinWidth(0);
        }
        return l;
    }

    /** For tests: the nodes that could take input (there must be none). */
    List<Node> inputNodes() {
        return lookupAll("*").stream().filter(n -> n.isFocusTraversable()
                || n instanceof javafx.scene.control.TextInputControl || n instanceof javafx.scene.control.ButtonBase)
                .toList();
    }
}
