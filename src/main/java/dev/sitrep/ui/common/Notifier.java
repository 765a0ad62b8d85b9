package dev.sitrep.ui.common;

import javafx.stage.Window;
import org.controlsfx.control.Notifications;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Desktop notifications (ControlsFX) for what must not be missed: a clock gone overdue. Once each, said by the board. */
public final class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());

    private Notifier() {
    }

    public static void overdue(String text) {
        LOG.info("overdue: " + text);
        if (Window.getWindows().stream().noneMatch(Window::isShowing)) {
            return;
        }
        try {
            Notifications.create().title("Overdue").text(text).hideAfter(javafx.util.Duration.seconds(12)).showWarning();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a notification could not be shown", e);
        }
    }
}
