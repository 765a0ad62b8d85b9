package dev.sitrep.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.logging.Logger;

/**
 * Notices for what must not be missed (a clock gone overdue), said once each by the board: shown
 * inside the console's window, at its bottom right corner, in the window's theme (AtlantaFX's
 * notification, under the app's stylesheet), for {@link #SHOWN_FOR} or until closed with its
 * button; the keyboard stays with the page. A newer notice replaces the one showing. While the
 * window is not showing, the notice is only logged.
 */
public final class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());
    private static final Duration SHOWN_FOR = Duration.seconds(12);
    /** Space kept to the window's right edge and above its bottom (the status bar stays readable). */
    private static final double RIGHT = 16;
    private static final double BOTTOM = 44;
    private static final double WIDTH = 440;

    private final Node anchor;
    private Popup showing;

    /** @param anchor a node of the window the notices belong to */
    public Notifier(Node anchor) {
        this.anchor = anchor;
    }

    /** Tells that a clock went overdue. On the FX thread. */
    public void overdue(String text) {
        LOG.info("overdue: " + text);
        Scene scene = anchor.getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        if (showing != null) {
            showing.hide();
        }
        Notification notice = new Notification(text, Icons.of(Feather.CLOCK, 24));
        notice.getStyleClass().addAll(Styles.WARNING, "overdue-notice");
        notice.setPrefWidth(WIDTH);
        notice.setMaxWidth(WIDTH);
        Popup popup = new Popup();
        popup.setHideOnEscape(false); // Esc belongs to the page (back to the board, close a sheet)
        popup.getContent().add(notice);
        notice.setOnClose(e -> popup.hide());
        // It stays in the corner while the window moves or is resized, and once its own size is known.
        InvalidationListener follow = o -> place(popup, scene);
        List<ReadOnlyDoubleProperty> bounds = List.of(window.xProperty(), window.yProperty(), window.widthProperty(),
                window.heightProperty());
        bounds.forEach(p -> p.addListener(follow));
        popup.widthProperty().addListener(follow);
        popup.heightProperty().addListener(follow);
        PauseTransition timer = new PauseTransition(SHOWN_FOR);
        timer.setOnFinished(e -> popup.hide());
        popup.setOnHidden(e -> {
            timer.stop();
            bounds.forEach(p -> p.removeListener(follow));
            if (showing == popup) {
                showing = null;
            }
        });
        showing = popup;
        popup.show(window);
        place(popup, scene);
        timer.play();
    }

    /** At the bottom right corner of the window's content. */
    private static void place(Popup popup, Scene scene) {
        Window window = scene.getWindow();
        popup.setX(window.getX() + scene.getX() + scene.getWidth() - popup.getWidth() - RIGHT);
        popup.setY(window.getY() + scene.getY() + scene.getHeight() - popup.getHeight() - BOTTOM);
    }
}
