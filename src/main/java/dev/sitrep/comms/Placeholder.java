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
 *
 * <p>No placeholder quotes a severity-change reason or a note. Two quote what responders wrote for
 * each other ({@link #internalOnly()}: {@code doing}, {@code cause}); customer-facing templates use
 * {@code progress} and {@code cause_status} instead.
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
    CAUSE("cause", "the latest hypothesis once the cause is identified, else \"investigation ongoing\""),
    PROGRESS("progress", "what is being done, for customers: the status in words, without the reason"),
    CAUSE_STATUS("cause_status", "whether the cause is known, for customers: \"investigation ongoing\" or \"identified\"");

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

    /**
     * True for a placeholder that quotes what responders wrote for each other (the reason given for
     * a status change, a hypothesis): it is refused in a template that goes to customers
     * ({@link UpdateTemplate#customerFacing()}) and withheld if one uses it anyway.
     */
    public boolean internalOnly() {
        return this != forCustomers();
    }

    /** What a customer-facing template says in this placeholder's place: itself, or its customer wording. */
    public Placeholder forCustomers() {
        return switch (this) {
            case DOING -> PROGRESS;
            case CAUSE -> CAUSE_STATUS;
            default -> this;
        };
    }

    /** What an internal-only placeholder quotes, for the refusal that names it. */
    String quotes() {
        return switch (this) {
            case DOING -> "the reason given for the status change";
            case CAUSE -> "the team's latest hypothesis";
            default -> "nothing internal";
        };
    }

    /** Every placeholder as written in a template, comma separated. */
    public static String tokens() {
        return Arrays.stream(values()).map(Placeholder::token).collect(Collectors.joining(", "));
    }
}
