package dev.sitrep.runbook.importer;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextDecoderTest {

    @Test
    void utf8WithABomAndWindowsLineEndsReadsAsPlainLines() {
        byte[] bytes = "\uFEFFone\r\ntwo\rthree".getBytes(StandardCharsets.UTF_8);
        TextDecoder.Decoded d = TextDecoder.decode("f.md", bytes);
        assertThat(d.text()).isEqualTo("one\ntwo\nthree");
        assertThat(d.adjustments()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1252AndReported() {
        byte[] bytes = "line one\ncaf\u00E9 \u2013 ok".getBytes(Charset.forName("windows-1252"));
        TextDecoder.Decoded d = TextDecoder.decode("f.txt", bytes);
        assertThat(d.text()).isEqualTo("line one\ncaf\u00E9 \u2013 ok");
        assertThat(d.adjustments()).singleElement().satisfies(n -> {
            assertThat(n.line()).isEqualTo(2);
            assertThat(n.reason()).startsWith("2 bytes are not UTF-8");
        });
    }

    @Test
    void utf16WithItsMarkIsRead() {
        byte[] bytes = "\uFEFF# Title\nstep".getBytes(StandardCharsets.UTF_16LE);
        TextDecoder.Decoded d = TextDecoder.decode("f.txt", bytes);
        assertThat(d.text()).isEqualTo("# Title\nstep");
        assertThat(d.adjustments()).extracting(ImportNote::reason).containsExactly("read as UTF-16 (little-endian, from its "
                + "byte-order mark)");
    }

    @Test
    void aNulByteIsRefusedAtItsLineAndUtf16WithoutAMarkIsNamed() {
        assertThatThrownBy(() -> TextDecoder.decode("f.md", "a\nb\nc\u0000".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportRefusedException.class).hasMessageStartingWith("f.md:3: holds a NUL byte (byte 6)");
        assertThatThrownBy(() -> TextDecoder.decode("f.md", "# Title here\nmore".getBytes(StandardCharsets.UTF_16LE)))
                .hasMessageContaining("it may be UTF-16 without a byte-order mark: save it as UTF-8");
    }

    @Test
    void manyControlCharactersMeanBinaryAtTheLineOfTheFirst() {
        byte[] bytes = new byte[200];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        bytes[0] = '\n';
        assertThatThrownBy(() -> TextDecoder.decode("x.bin", bytes)).isInstanceOf(ImportRefusedException.class)
                .hasMessageStartingWith("x.bin:2: holds 66 control characters").hasMessageContaining("binary");
    }

    @Test
    void aFewControlCharactersBecomeSpaces() {
        TextDecoder.Decoded d = TextDecoder.decode("f.md", "one\u0007bell in a long enough line of text to be text".getBytes(
                StandardCharsets.UTF_8));
        assertThat(d.text()).startsWith("one bell");
        assertThat(d.adjustments()).extracting(ImportNote::reason).containsExactly("1 control character was replaced by spaces "
                + "(the first on this line)");
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedWithItsSize() {
        byte[] big = new byte[(int) TextDecoder.MAX_BYTES + 1];
        assertThatThrownBy(() -> TextDecoder.decode("big.md", big)).isInstanceOf(ImportRefusedException.class)
                .hasMessage("big.md:1: is 5.0 MB; an import may be 5 MB at most: split the document at its top-level "
                        + "headings and import each part");
    }
}
