package dev.sitrep.testing;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds what a person cannot read in a laid-out scene: a label or button whose rendered text is
 * not its whole text (JavaFX cuts it with an ellipsis), or that lies outside the window. Only a
 * label marked as free text (a title a person wrote, whole in a tooltip) may be cut. Call on the
 * FX thread after layout.
 */
public final class Clipping {

    private Clipping() {
    }

    /** Applies AtlantaFX's {@code "light"} or {@code "dark"} theme, as the clipping tests try both. Call on the FX thread. */
    public static void useTheme(String theme) {
        javafx.application.Application.setUserAgentStylesheet(theme.equals("light")
                ? new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
    }

    /** Each problem as {@code #id "text": how it is cut}; empty when everything under {@code root} reads whole. */
    public static List<String> problems(Scene scene, Node root) {
        List<String> out = new ArrayList<>();
        walk(scene, root, false, out);
        return out;
    }

    /** @param scrolls inside a scroll pane's content, which may lie past the window until scrolled to */
    private static void walk(Scene scene, Node node, boolean scrolls, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String shown = rendered(labeled);
            String name = (labeled.getId() == null ? labeled.getClass().getSimpleName() : "#" + labeled.getId())
                    + " \"" + labeled.getText() + "\"";
            boolean mayCut = labeled.getStyleClass().contains(dev.sitrep.ui.common.IncidentChooser.FREE_TEXT);
            if (shown != null && !mayCut && !shown.equals(labeled.getText())) {
                out.add(name + ": shown as \"" + shown + "\"");
            }
            Bounds b = labeled.localToScene(labeled.getLayoutBounds());
            if (!scrolls && (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5
                    || b.getMaxY() > scene.getHeight() + 0.5)) {
                out.add(name + ": outside the window at " + b);
            }
        }
        if (node instanceof Parent parent) {
            boolean inside = scrolls || node instanceof javafx.scene.control.ScrollPane;
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(scene, child, inside, out);
            }
        }
    }

    /** The text the skin draws (its LabeledText child), or null before the skin exists. */
    private static String rendered(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text.getText();
            }
        }
        return null;
    }
}
