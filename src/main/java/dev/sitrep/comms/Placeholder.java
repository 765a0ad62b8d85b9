package dev.sitrep.comms;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a template can ask for. The syntax: {@code {{name}}} anywhere in the text, the name in
 * lower case with underscores; blanks inside the braces ({@code {{ title }}}) and upper case are
 * accepted. Everything else is copied as written. There are no conditions, loops or escapes: a
 * {@code {{} that does not open a known placeholder on the same line is refused when the template
 * is saved, so a typo never reaches a customer.
 */
public enum Placeholder {
    ID("id", "the incident id, e.g. INC-20261122-1432-7QF2"),
    TITLE("title", "the incident's one-line title (what is wrong)"),
    SEVERITY("severity", "the severity code, e.g. SEV1"),
    STATUS("status", "investigating, identified, mitigating, monitoring, resolved ..."),
    PUBLIC_STATUS("public_status", "the status as status pages say it: Investigating, Identified, Monitoring or Resolved"),
    IMPACT("impact", "the impact statement: what users see and how many"),
    COMMANDER("commander", "the incident commander"),
    SERVICE("service", "the affected service"),
    PLATFORMS("platforms", "the platforms involved, comma separated"),
    STARTED_UTC("started_utc", "when it started (detected), in UTC"),
    NOW_UTC("now_utc", "the time of this update, in UTC"),
    ELAPSED("elapsed", "how long it has run (until resolved, once resolved), e.g. 1h 07m"),
    RESTORED_UTC("restored_utc", "when service was restored or the problem contained (mitigated), in UTC, "
            + "or \"not yet\""),
    NEXT_UPDATE_UTC("next_update_utc", "when the next update is due: now plus the severity's update interval, in UTC"),
    WAR_ROOM("war_room", "the team's war room (bridge, channel or room), set in Settings"),
    DOING("doing", "what is being done: the status in words, with the reason given when it was set"),
    CAUSE("cause", "the latest hypothesis once the cause is identified, else \"investigation ongoing\"");

    /** A placeholder as written in a template: group 1 is its name. */
    static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private final String key;
    private final String description;

    Placeholder(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name used in templates ({@code started_utc}). */
    public String key() {
        return key;
    }

    /** As written in a template: {@code {{started_utc}}}. */
    public String token() {
        return "{{" + key + "}}";
    }

    public String description() {
        return description;
    }

    public static Optional<Placeholder> find(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.key.equals(wanted)).findFirst();
    }

    /** Every placeholder as written in a template, comma separated. */
    public static String tokens() {
        return Arrays.stream(values()).map(Placeholder::token).collect(Collectors.joining(", "));
    }
}
