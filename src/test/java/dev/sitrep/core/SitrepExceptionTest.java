package dev.sitrep.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A message names the input at fault; each front end renders it as its own control. */
class SitrepExceptionTest {

    @Test
    void theInputAtFaultIsNamedAndEachFrontEndRendersIt() {
        SitrepException e = SitrepException.invalid("Give a reason with " + SitrepException.input("reason") + " or "
                + SitrepException.input("reason-file") + ".");
        assertThat(e.field()).isEqualTo("reason");
        assertThat(e.message(name -> "--" + name)).isEqualTo("Give a reason with --reason or --reason-file.");
        assertThat(e.message(name -> "the " + name + " box")).isEqualTo("Give a reason with the reason box or the "
                + "reason-file box.");
        assertThat(e.getMessage()).as("logs name inputs plainly").isEqualTo("Give a reason with reason or reason-file.");
    }

    @Test
    void textThatLooksLikeAPlaceholderIsLeftAlone() {
        SitrepException e = SitrepException.invalid("The template uses {{incident.title}} and {title}; $1 \\ stay.");
        assertThat(e.field()).isNull();
        assertThat(e.message(name -> "--" + name)).isEqualTo("The template uses {{incident.title}} and {title}; $1 \\ stay.");
    }
}
