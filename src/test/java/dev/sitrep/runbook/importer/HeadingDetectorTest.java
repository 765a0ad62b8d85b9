package dev.sitrep.runbook.importer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeadingDetectorTest {

    private static List<Line> lines(String text) {
        return Line.split(text);
    }

    @Test
    void aShortLineBeforeAListOrAfterABlankIsAHeadingInPlainText() {
        List<Line> l = lines("Broker is down\n\u2022 agents fail\n\nRecovery steps for Vault\n\nIt was sealed.");
        assertThat(HeadingDetector.isPlainHeading(l, 0, false)).isTrue();
        assertThat(HeadingDetector.isPlainHeading(l, 3, false)).isTrue();
        assertThat(HeadingDetector.isPlainHeading(l, 5, false)).isFalse();
    }

    @Test
    void theSecondLineOfAWrappedParagraphIsNoHeading() {
        List<Line> l = lines("When the broker restarts every few seconds and nobody knows why\nLook at its memory\n- a list");
        assertThat(HeadingDetector.isPlainHeading(l, 1, false)).isFalse();
    }

    @Test
    void markdownTextOnlyHasWriteUpPartsAndBoldLinesAsExtraHeadings() {
        List<Line> l = lines("Broker is down\n- agents fail\n**Verify**\nSymptoms:\n");
        assertThat(HeadingDetector.isPlainHeading(l, 0, true)).isFalse();
        assertThat(HeadingDetector.isPlainHeading(l, 2, true)).isTrue();
        assertThat(HeadingDetector.isPlainHeading(l, 3, true)).isTrue();
    }

    @Test
    void theFivePartsAreKnownByTheirUsualNames() {
        assertThat(HeadingDetector.shape("Symptoms")).isEqualTo(HeadingDetector.Shape.SYMPTOMS);
        assertThat(HeadingDetector.shape("**Diagnosis:**")).isEqualTo(HeadingDetector.Shape.CONFIRM);
        assertThat(HeadingDetector.shape("2.3 Remediation")).isEqualTo(HeadingDetector.Shape.RECOVER);
        assertThat(HeadingDetector.shape("Verification")).isEqualTo(HeadingDetector.Shape.VERIFY);
        assertThat(HeadingDetector.shape("Follow-up")).isEqualTo(HeadingDetector.Shape.PREVENT);
        assertThat(HeadingDetector.shape("Broker down")).isNull();
        assertThat(HeadingDetector.labelled("Confirm: curl -sS x/health")).isEqualTo(
                new HeadingDetector.Labelled("Confirm", "curl -sS x/health"));
        assertThat(HeadingDetector.labelled("Note: not a part")).isNull();
    }

    @Test
    void numberedAndCapitalisedHeadingsHaveTheirLevel() {
        assertThat(HeadingDetector.plainLevel("2.1 Recovery")).isEqualTo(3);
        assertThat(HeadingDetector.plainLevel("BROKER FAILURES")).isEqualTo(1);
        assertThat(HeadingDetector.plainLevel("Broker failures")).isEqualTo(2);
    }
}
