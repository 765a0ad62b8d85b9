package dev.sitrep.http;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The little of ASN.1 DER that reading private keys takes: one element's tag and content, the
 * elements inside a SEQUENCE, and writing an element. Only single-byte tags and definite lengths,
 * which is all the key formats use. Malformed input is a {@link MalformedException}.
 */
final class Der {

    /** The bytes are not the DER expected. */
    static final class MalformedException extends IllegalArgumentException {
        MalformedException(String message) {
            super(message);
        }
    }

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int SEQUENCE = 0x30;

    private Der() {
    }

    /** One element: its tag, and where it and its content lie in {@code bytes}. */
    record Element(int tag, byte[] bytes, int start, int contentStart, int end) {

        byte[] content() {
            return Arrays.copyOfRange(bytes, contentStart, end);
        }

        /** The element as encoded, tag and length included. */
        byte[] encoded() {
            return Arrays.copyOfRange(bytes, start, end);
        }

        /** The elements its content holds, one after another (for a SEQUENCE or a constructed tag). */
        List<Element> children() {
            List<Element> children = new ArrayList<>();
            for (int at = contentStart; at < end; ) {
                Element child = read(bytes, at, end);
                children.add(child);
                at = child.end;
            }
            return children;
        }
    }

    /** The element that is the whole of {@code der}. */
    static Element read(byte[] der) {
        Element e = read(der, 0, der.length);
        if (e.end != der.length) {
            throw new MalformedException("bytes after the DER element");
        }
        return e;
    }

    /** The element starting at {@code start} (its tag byte), which must end by {@code limit}. */
    static Element read(byte[] der, int start, int limit) {
        if (limit - start < 2) {
            throw new MalformedException("a DER element is cut short");
        }
        int tag = der[start] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new MalformedException("a multi-byte DER tag");
        }
        int at = start + 1;
        int first = der[at++] & 0xFF;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7F;
            if (n == 0 || n > 4 || at + n > limit) {
                throw new MalformedException("a DER length that is indefinite, too long or cut short");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (der[at++] & 0xFF);
            }
        }
        if (length > limit - at) {
            throw new MalformedException("a DER element longer than what holds it");
        }
        return new Element(tag, der, start, at, at + (int) length);
    }

    /** Writes one element of {@code tag} whose content is {@code parts}, one after another. */
    static byte[] write(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int n = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
            out.write(0x80 | n);
            for (int i = n - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
