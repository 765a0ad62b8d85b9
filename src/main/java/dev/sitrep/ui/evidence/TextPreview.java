package dev.sitrep.ui.evidence;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text an evidence item's first bytes preview as: by content, so a {@code .log} or a file
 * without an extension shows as text when its bytes are text, whatever media type it was given.
 */
final class TextPreview {

    private TextPreview() {
    }

    /**
     * The first {@code length} bytes of {@code head} as text, or {@code null} when they are not text:
     * they hold a NUL or do not decode as UTF-8 (a character cut at the end of the preview is
     * allowed). With {@code textType} (the media type says text) they are decoded leniently.
     */
    static String of(byte[] head, int length, boolean textType) {
        if (textType) {
            return new String(head, 0, length, StandardCharsets.UTF_8);
        }
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return null;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, false);
        if (result.isError() || in.remaining() > 3) {
            return null;
        }
        return out.flip().toString();
    }
}
