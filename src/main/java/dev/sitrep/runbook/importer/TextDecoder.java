package dev.sitrep.runbook.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bytes to text. UTF-8 is expected; a UTF-16 file with its byte-order mark is read as such; a
 * byte that is not part of valid UTF-8 is read as Windows-1252 (the usual way a pasted file goes
 * wrong) and reported. NUL bytes, or many control characters, mean the file is not text: that is
 * refused with the line where it happens. Line ends become {@code \n}, so line numbers are those an
 * editor shows.
 */
final class TextDecoder {

    /** Bigger sources are refused before they are read. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final Charset CP1252 = Charset.forName("windows-1252");
    /** Bytes 0x80..0x9F as Windows-1252 characters; U+FFFD where it defines none. */
    private static final char[] HIGH = new char[32];

    static {
        for (int b = 0x80; b < 0xA0; b++) {
            String s = new String(new byte[]{(byte) b}, CP1252);
            HIGH[b - 0x80] = s.length() == 1 ? s.charAt(0) : '\uFFFD';
        }
    }

    /** The text, and what was changed to read it. */
    record Decoded(String text, List<ImportNote> adjustments) {
    }

    private final String file;
    private final byte[] bytes;
    private final StringBuilder out;
    private final List<ImportNote> adjustments = new ArrayList<>();
    private int line = 1;
    private int oddBytes;
    private int firstOddLine;
    private int controls;
    private int firstControlLine;

    private TextDecoder(String file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
        this.out = new StringBuilder(bytes.length);
    }

    static Decoded decode(String file, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new ImportRefusedException(file, 1, tooBig(bytes.length));
        }
        return new TextDecoder(file, bytes).run();
    }

    static String tooBig(long size) {
        return String.format(Locale.ROOT, "is %.1f MB; an import may be %d MB at most: split the document at its "
                + "top-level headings and import each part", size / (1024.0 * 1024), MAX_BYTES / (1024 * 1024));
    }

    private Decoded run() {
        if (startsWith(0xFF, 0xFE) || startsWith(0xFE, 0xFF)) {
            return utf16();
        }
        int i = startsWith(0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < bytes.length) {
            i = next(i);
        }
        int total = Math.max(1, out.length());
        if (controls > 0 && (controls >= 8 && controls * 50L > total || controls * 4L > total)) {
            throw new ImportRefusedException(file, firstControlLine, "holds " + controls + " control characters "
                    + "(the first on this line), so it is binary, not text; import a Markdown or plain-text file "
                    + "(save or copy the page as text)");
        }
        if (oddBytes > 0) {
            adjustments.add(new ImportNote(firstOddLine, oddBytes + " byte" + (oddBytes == 1 ? " is" : "s are")
                    + " not UTF-8 (the first on this line) and were read as Windows-1252; save the file as UTF-8 "
                    + "to be sure of them", ""));
        }
        if (controls > 0) {
            adjustments.add(new ImportNote(firstControlLine, controls + " control character"
                    + (controls == 1 ? " was" : "s were") + " replaced by spaces (the first on this line)", ""));
        }
        return new Decoded(out.toString(), adjustments);
    }

    /** Reads the character at {@code i}; returns the index after it. */
    private int next(int i) {
        int b = bytes[i] & 0xFF;
        if (b == 0) {
            throw new ImportRefusedException(file, line, "holds a NUL byte (byte " + (i + 1) + "), so it is binary, "
                    + "not text" + (utf16Like() ? " (it may be UTF-16 without a byte-order mark: save it as UTF-8)" : "")
                    + "; import a Markdown or plain-text file");
        }
        if (b < 0x80) {
            return ascii(i, b);
        }
        int length = sequenceLength(i);
        if (length > 0) {
            out.append(new String(bytes, i, length, StandardCharsets.UTF_8));
            return i + length;
        }
        char c = b < 0xA0 ? HIGH[b - 0x80] : (char) b;
        if (c == '\uFFFD') {
            control(' ');
        } else {
            if (oddBytes++ == 0) {
                firstOddLine = line;
            }
            out.append(c);
        }
        return i + 1;
    }

    private int ascii(int i, int b) {
        if (b == '\n') {
            out.append('\n');
            line++;
        } else if (b == '\r') {
            out.append('\n');
            line++;
            if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                return i + 2;
            }
        } else if (b == '\t' || b >= 0x20 && b != 0x7F) {
            out.append((char) b);
        } else {
            control(' ');
        }
        return i + 1;
    }

    private void control(char replacement) {
        if (controls++ == 0) {
            firstControlLine = line;
        }
        out.append(replacement);
    }

    /** The length of a valid UTF-8 sequence at {@code i} (2..4), or 0. */
    private int sequenceLength(int i) {
        int b = bytes[i] & 0xFF;
        int length;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + length > bytes.length) {
            return 0;
        }
        int cp = b & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
            int c = bytes[i + k] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                return 0;
            }
            cp = cp << 6 | c & 0x3F;
        }
        boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        return cp < min || cp > 0x10FFFF || surrogate ? 0 : length;
    }

    private Decoded utf16() {
        boolean little = (bytes[0] & 0xFF) == 0xFF;
        String text = new String(bytes, 2, bytes.length - 2, little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int at = (int) text.substring(0, nul).chars().filter(ch -> ch == '\n').count() + 1;
            throw new ImportRefusedException(file, at, "holds a NUL character, so it is binary, not text; import a "
                    + "Markdown or plain-text file");
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Decoded inner = new TextDecoder(file, utf8).run();
        List<ImportNote> notes = new ArrayList<>();
        notes.add(new ImportNote(1, "read as UTF-16 (" + (little ? "little" : "big") + "-endian, from its byte-order "
                + "mark)", ""));
        notes.addAll(inner.adjustments());
        return new Decoded(inner.text(), notes);
    }

    /** Every other byte NUL in the first bytes: UTF-16 text without its mark. */
    private boolean utf16Like() {
        int n = Math.min(bytes.length, 64);
        int zeros = 0;
        for (int k = 0; k < n; k++) {
            if (bytes[k] == 0) {
                zeros++;
            }
        }
        return n >= 8 && zeros * 3 >= n;
    }

    private boolean startsWith(int... prefix) {
        if (bytes.length < prefix.length) {
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
