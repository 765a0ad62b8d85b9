package dev.sitrep.evidence;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Evidence bytes as text, decided by their content, never by a file name or a media type: a
 * byte-order mark says UTF-8 or UTF-16; UTF-16 without one shows as a NUL byte in every other
 * place; anything else is read as UTF-8, a byte that is not UTF-8 replaced (so a Latin-1 log is
 * still text). What then holds a NUL or many control characters is binary, not text.
 */
public final class EvidenceText {

    /** How many bytes decide whether text without a byte-order mark is UTF-16. */
    private static final int SAMPLE = 4096;

    private EvidenceText() {
    }

    /** How text is encoded: the charset, and how many bytes of byte-order mark to skip. */
    private record Encoding(Charset charset, int skip) {
    }

    /** The bytes as text, or empty when they are binary. */
    public static Optional<String> decode(byte[] bytes) {
        return decode(bytes, bytes.length);
    }

    /** The first {@code length} bytes as text, or empty when they are binary. */
    public static Optional<String> decode(byte[] bytes, int length) {
        if (binaryAtOnce(bytes, length)) {
            return Optional.empty(); // found before decoding what may be megabytes
        }
        Encoding encoding = encoding(bytes, length);
        String text = new String(bytes, encoding.skip(), length - encoding.skip(), encoding.charset());
        return binary(text) ? Optional.empty() : Optional.of(text);
    }

    /**
     * Whether the first bytes of a file already show it is binary: a NUL byte in what is not
     * UTF-16. Lets a reader skip an image or an archive without reading it all.
     */
    public static boolean binaryAtOnce(byte[] head, int length) {
        if (encoding(head, length).charset() != StandardCharsets.UTF_8) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (head[k] == 0) {
                return true;
            }
        }
        return false;
    }

    private static Encoding encoding(byte[] bytes, int length) {
        if (startsWith(bytes, length, 0xEF, 0xBB, 0xBF)) {
            return new Encoding(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(bytes, length, 0xFF, 0xFE)) {
            return new Encoding(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(bytes, length, 0xFE, 0xFF)) {
            return new Encoding(StandardCharsets.UTF_16BE, 2);
        }
        return new Encoding(utf16WithoutMark(bytes, length), 0);
    }

    /** UTF-16 when NULs fill one byte of most pairs and hardly any of the other (ASCII-range text), else UTF-8. */
    private static Charset utf16WithoutMark(byte[] bytes, int length) {
        int pairs = Math.min(length, SAMPLE) / 2;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int k = 0; k < pairs; k++) {
            evenZeros += bytes[2 * k] == 0 ? 1 : 0;
            oddZeros += bytes[2 * k + 1] == 0 ? 1 : 0;
        }
        if (pairs < 2) {
            return StandardCharsets.UTF_8;
        }
        if (oddZeros * 10 >= pairs * 4 && evenZeros * 20 <= pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 10 >= pairs * 4 && oddZeros * 20 <= pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * A NUL, or control characters other than tab, line ends, form feed and escape (colour codes in
     * logs) making up more than one in fifty characters (a quarter of a short text).
     */
    private static boolean binary(String text) {
        int controls = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == 0) {
                return true;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) {
                controls++;
            }
        }
        int total = Math.max(1, text.length());
        return controls >= 8 && controls * 50L > total || controls * 4L > total;
    }

    private static boolean startsWith(byte[] bytes, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if ((bytes[k] & 0xFF) != prefix[k]) {
                return false;
            }
        }
        return true;
    }
}
