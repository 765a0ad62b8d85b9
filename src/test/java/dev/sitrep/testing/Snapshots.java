package dev.sitrep.testing;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a PNG of a scene to target/screenshots, for a person to look at. Call on the FX thread. */
public final class Snapshots {

    private Snapshots() {
    }

    public static Path write(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        Path dir = Path.of("target", "screenshots");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
