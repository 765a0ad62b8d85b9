package dev.sitrep.ui.common;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritablePixelFormat;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.IntBuffer;

/** A JavaFX image as PNG bytes (lossless, so a screenshot is kept exactly as it was). Safe off the FX thread. */
public final class Png {

    private Png() {
    }

    /** The ARGB pixels of {@code image}: read them on the FX thread, encode them anywhere. */
    public record Pixels(int width, int height, int[] argb) {
    }

    public static Pixels pixels(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, WritablePixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), w);
        return new Pixels(w, h, argb);
    }

    public static byte[] encode(Pixels pixels) {
        BufferedImage buffered = new BufferedImage(pixels.width(), pixels.height(), BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, pixels.width(), pixels.height(), pixels.argb(), 0, pixels.width());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(buffered, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
