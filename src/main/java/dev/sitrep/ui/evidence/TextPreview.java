package dev.sitrep.ui.evidence;

import dev.sitrep.evidence.EvidenceText;

import java.nio.charset.StandardCharsets;

/**
 * The text an evidence item's first bytes preview as: by content, as the secret scan reads it
 * ({@link EvidenceText}), so a {@code .log}, a {@code .pem}, a file without an extension or UTF-16
 * text shows as text whatever media type it was given.
 */
final class TextPreview {

    private TextPreview() {
    }

    /**
     * The first {@code length} bytes of {@code head} as text, or {@code null} when they are not
     * text. With {@code textType} (the media type says text) they are shown as UTF-8 even then.
     */
    static String of(byte[] head, int length, boolean textType) {
        return EvidenceText.decode(head, length)
                .orElse(textType ? new String(head, 0, length, StandardCharsets.UTF_8) : null);
    }
}
