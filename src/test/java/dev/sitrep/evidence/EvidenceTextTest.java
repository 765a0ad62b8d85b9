package dev.sitrep.evidence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether evidence bytes are text, decided by the bytes alone. */
class EvidenceTextTest {

    private static final String LOG = "14:20:01 GET /checkout 502\n14:20:02 retry\n";

    @Test
    void utf8WithOrWithoutItsMarkIsText() {
        assertThat(EvidenceText.decode(LOG.getBytes(StandardCharsets.UTF_8))).contains(LOG);
        assertThat(EvidenceText.decode(("\uFEFF" + LOG).getBytes(StandardCharsets.UTF_8))).contains(LOG);
    }

    @Test
    void utf16IsTextWithItsMarkAndWithoutIt() {
        assertThat(EvidenceText.decode(("\uFEFF" + LOG).getBytes(StandardCharsets.UTF_16LE))).contains(LOG);
        assertThat(EvidenceText.decode(("\uFEFF" + LOG).getBytes(StandardCharsets.UTF_16BE))).contains(LOG);
        assertThat(EvidenceText.decode(LOG.getBytes(StandardCharsets.UTF_16LE))).contains(LOG);
        assertThat(EvidenceText.decode(LOG.getBytes(StandardCharsets.UTF_16BE))).contains(LOG);
    }

    @Test
    void latin1BytesAndColourCodesAreStillText() {
        assertThat(EvidenceText.decode("caf\u00e9 ok\n".getBytes(StandardCharsets.ISO_8859_1))).contains("caf\uFFFD ok\n");
        assertThat(EvidenceText.decode("\u001b[31mERROR\u001b[0m pool exhausted\n".getBytes(StandardCharsets.UTF_8)))
                .isPresent();
    }

    @Test
    void nulBytesOrManyControlCharactersAreBinary() {
        assertThat(EvidenceText.decode(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13})).isEmpty();
        byte[] controls = new byte[200];
        for (int k = 0; k < controls.length; k++) {
            controls[k] = (byte) (k % 10 == 0 ? 0x01 : 'a');
        }
        assertThat(EvidenceText.decode(controls)).isEmpty();
        assertThat(EvidenceText.decode(new byte[0])).contains("");
    }
}
