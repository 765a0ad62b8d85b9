package dev.sitrep.ui.common;

import dev.sitrep.core.SeverityScale;
import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.List;

/**
 * Severity colours come from the ramp in app.css through pseudo-classes ({@code :sev0} .. {@code :sev4},
 * {@code :unmapped}), never from literal colours in code. Other scales map onto the ramp by rank.
 */
public final class SeverityStyle {

    private static final List<PseudoClass> RAMP = List.of(PseudoClass.getPseudoClass("sev0"),
            PseudoClass.getPseudoClass("sev1"), PseudoClass.getPseudoClass("sev2"), PseudoClass.getPseudoClass("sev3"),
            PseudoClass.getPseudoClass("sev4"));
    private static final PseudoClass UNMAPPED = PseudoClass.getPseudoClass("unmapped");

    private SeverityStyle() {
    }

    /** Sets the pseudo-class for {@code code} on {@code node}, clearing any other. */
    public static void apply(Node node, SeverityScale scale, String code) {
        int ramp = scale.find(code).map(l -> l.ramp()).orElse(-1);
        for (int i = 0; i < RAMP.size(); i++) {
            node.pseudoClassStateChanged(RAMP.get(i), i == ramp);
        }
        node.pseudoClassStateChanged(UNMAPPED, ramp < 0);
    }
}
