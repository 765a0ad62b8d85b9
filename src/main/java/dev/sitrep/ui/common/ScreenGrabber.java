package dev.sitrep.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;

import java.util.ArrayList;
import java.util.List;

/** Takes pictures of the screens (JavaFX's Robot); tests pass a fake picture. Call on the FX thread. */
public interface ScreenGrabber {

    /** One screen: its number as the commander counts them (1, 2...), and where it is on the desktop. */
    record ScreenArea(int number, Rectangle2D bounds) {
        public String label() {
            return "Screen " + number + " (" + (int) bounds.getWidth() + "x" + (int) bounds.getHeight()
                    + (number == 1 ? ", main" : "") + ")";
        }
    }

    List<ScreenArea> screens();

    /** The pixels of {@code bounds} (desktop coordinates), at the screen's own resolution. */
    Image capture(Rectangle2D bounds);

    static ScreenGrabber system() {
        return new ScreenGrabber() {
            @Override
            public List<ScreenArea> screens() {
                List<ScreenArea> all = new ArrayList<>();
                Screen primary = Screen.getPrimary();
                all.add(new ScreenArea(1, primary.getBounds()));
                for (Screen s : Screen.getScreens()) {
                    if (!s.equals(primary)) {
                        all.add(new ScreenArea(all.size() + 1, s.getBounds()));
                    }
                }
                return all;
            }

            @Override
            public Image capture(Rectangle2D bounds) {
                return new Robot().getScreenCapture(null, bounds, false);
            }
        };
    }
}
