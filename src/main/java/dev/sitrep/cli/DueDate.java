package dev.sitrep.cli;

import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code --due} option of the follow-up commands: a calendar day written YYYY-MM-DD. */
final class DueDate {

    private DueDate() {
    }

    /** The day, or {@code null} when the option was not given. */
    static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw SitrepException.invalid(Limits.quote(text) + " is not a day; give --due as YYYY-MM-DD, e.g. 2026-12-01.");
        }
    }
}
