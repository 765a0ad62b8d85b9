package dev.sitrep.ui.markdown;

import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The inline content of one block (a paragraph, a heading, a table cell) as a {@link TextFlow}.
 * Neighbouring pieces of text in the same style become one {@link Text} run, so a paragraph of
 * plain lines is one node however many lines it has.
 */
final class InlineRuns {

    /**
     * How a run looks. {@code link} is the address a link run shows in its tooltip (null when the
     * run is no link); {@code code} and {@code image} mark inline code and an image's alt text.
     */
    record Style(boolean emphasis, boolean strong, boolean code, boolean image, String link) {

        static final Style PLAIN = new Style(false, false, false, false, null);

        Style emphasized() {
            return new Style(true, strong, code, image, link);
        }

        Style bold() {
            return new Style(emphasis, true, code, image, link);
        }

        Style asCode() {
            return new Style(emphasis, strong, true, image, link);
        }

        Style asImage() {
            return new Style(emphasis, strong, code, true, link);
        }

        Style linkedTo(String destination) {
            return new Style(emphasis, strong, code, image, destination);
        }
    }

    private final TextFlow flow;
    private final StringBuilder pending = new StringBuilder();
    private Style pendingStyle = Style.PLAIN;

    InlineRuns(TextFlow flow, String... styleClasses) {
        this.flow = flow;
        flow.getStyleClass().addAll(styleClasses);
    }

    void append(String text, Style style) {
        if (!style.equals(pendingStyle)) {
            flush();
            pendingStyle = style;
        }
        pending.append(text);
    }

    /** The flow with every run appended so far. */
    TextFlow finish() {
        flush();
        return flow;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Text run = new Text(pending.toString());
        pending.setLength(0);
        run.getStyleClass().add("md-text");
        if (pendingStyle.emphasis()) {
            run.getStyleClass().add("md-emphasis");
        }
        if (pendingStyle.strong()) {
            run.getStyleClass().add("md-strong");
        }
        if (pendingStyle.code()) {
            run.getStyleClass().add("md-code");
        }
        if (pendingStyle.image()) {
            run.getStyleClass().add("md-image");
        }
        if (pendingStyle.link() != null) {
            // Shown, never opened: the address is in the tooltip and nothing handles a click.
            run.getStyleClass().add("md-link");
            Tooltip.install(run, new Tooltip(pendingStyle.link()));
        }
        flow.getChildren().add(run);
    }
}
