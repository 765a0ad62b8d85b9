package dev.sitrep.runbook.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRepairTest {

    @Test
    void utf8ReadAsWindows1252IsRepaired() {
        assertThat(TextRepair.fixMojibake("error rate \u00E2\u2030\u00A5 20% \u00E2\u2020\u2019 roll back"))
                .isEqualTo("error rate \u2265 20% \u2192 roll back");
        assertThat(TextRepair.fixMojibake("Ren\u00C3\u00A9\u00E2\u20AC\u2122s \u00E2\u20AC\u0153key\u00E2\u20AC\u009D"))
                .isEqualTo("Ren\u00E9\u2019s \u201Ckey\u201D");
    }

    @Test
    void boxDrawingOfATreeIsRepaired() {
        assertThat(TextRepair.fixMojibake("\u00E2\u201D\u0153\u00E2\u201D\u20AC\u00E2\u201D\u20AC YES"))
                .isEqualTo("\u251C\u2500\u2500 YES");
        assertThat(TextRepair.fixMojibake("\u00E2\u201D\u201D\u00E2\u201D\u20AC\u00E2\u201D\u20AC NO"))
                .isEqualTo("\u2514\u2500\u2500 NO");
    }

    @Test
    void textGarbledTwiceIsRepairedToo() {
        assertThat(TextRepair.line("it\u00C3\u00A2\u00E2\u201A\u00AC\u00E2\u201E\u00A2s").text()).isEqualTo("it\u2019s");
    }

    @Test
    void accentedWordsThatAreNotMojibakeStayAsTheyAre() {
        String words = "caf\u00E9 \u00E0 la cr\u00E8me, S\u00C3O PAULO, \u00C2ge, na\u00EFve";
        assertThat(TextRepair.fixMojibake(words)).isEqualTo(words);
    }

    @Test
    void htmlEntitiesAreDecodedAndUnknownOnesKept() {
        assertThat(TextRepair.decodeEntities("R&amp;D &lt;b&gt; &quot;x&quot; &#39;y&#39; &#8594; &#x2265; &rarr; &bogus; &amp"))
                .isEqualTo("R&D <b> \"x\" 'y' \u2192 \u2265 \u2192 &bogus; &amp");
    }

    @Test
    void invisibleCharactersGoAndAreCounted() {
        TextRepair.Repaired r = TextRepair.line("a\u00A0b\u200Bc\u00ADd&nbsp;e");
        assertThat(r.text()).isEqualTo("a bcd e");
        assertThat(r.invisible()).isEqualTo(3);
        assertThat(r.entities()).isEqualTo(1);
        assertThat(r.mojibake()).isZero();
    }
}
