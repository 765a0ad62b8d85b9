package dev.sitrep.ui.killswitch;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** What a {@link HoldBar} shows and reports to: the halt and the contain view-models. */
interface Holdable {

    /** What to do ("Hold Space or the mouse for 1.5 s to halt"), or what is missing ("Needs: a reason"). */
    ReadOnlyStringProperty holdLabelProperty();

    ReadOnlyBooleanProperty holdReadyProperty();

    ReadOnlyDoubleProperty holdProgressProperty();

    /** What a click or Enter is told: "Hold, don't click: keep it pressed for 1.5 s". */
    String clickHint();

    /** Pressed: starts the hold if everything before it is in place. */
    void beginHold();

    /** Every frame while held. */
    void holding();

    /** Released: before the hold time it resets, with no side effect. */
    void release();
}
