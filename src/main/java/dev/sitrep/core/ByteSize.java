package dev.sitrep.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write and read them: "8 GiB", "512MiB", "2g"; binary units (1 GiB = 1024 MiB). */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\\s*");

    private ByteSize() {
    }

    /** "1.5 GiB", "300.0 MiB", "12 KiB", "7 bytes". */
    public static String format(long bytes) {
        if (bytes >= (1L << 30)) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= (1L << 20)) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + " KiB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    /** Reads "8GiB", "8 GB", "8g" (all 8 x 2^30), "512 MiB", "4096" (bytes); refuses anything else with the forms it takes. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw SitrepException.invalid(Limits.quote(text) + " is not a size; write it like 8GiB, 512MiB or 4096 (bytes).");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        double bytes = number * (1L << shift);
        if (bytes > Long.MAX_VALUE / 2) {
            throw SitrepException.invalid(Limits.quote(text) + " is too large a size.");
        }
        return (long) bytes;
    }
}
