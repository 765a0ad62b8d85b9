package dev.sitrep.ui.common;

import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The console names the control at fault, never a command-line flag. */
class MessagesTest {

    @Test
    void aMissingReasonNamesTheReasonFieldNotTheFlag() {
        SitrepException e = catchThrowableOfType(() -> Limits.reason("halt", " "), SitrepException.class);
        assertThat(Messages.of(e)).isEqualTo("A halt needs a reason; give one with the Reason field (it goes on the "
                + "timeline).").doesNotContain("--");
    }

    @Test
    void aWrappedFailureShowsTheInnerMessage() {
        SitrepException inner = SitrepException.invalid("A so1 platform needs " + SitrepException.input("url") + ".");
        assertThat(Messages.of(new RuntimeException("wrapper", inner))).isEqualTo("A so1 platform needs the URL field.");
    }

    @Test
    void anUnexpectedFailureSaysNothingWasChanged() {
        assertThat(Messages.of(new IllegalStateException("boom"))).isEqualTo("Unexpected failure: "
                + "java.lang.IllegalStateException: boom. Nothing was changed; details are in the log folder.");
    }
}
