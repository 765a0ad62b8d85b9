package dev.sitrep.comms;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.IncidentRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template in for one incident at one moment. Pure: everything it needs is passed in.
 * Times are UTC ({@code 14:32 UTC · 22 Nov 2026}); a field the incident does not have yet reads
 * {@value #NOT_SET} and is listed in {@link Composed#notSet()}, so the sheet can say what to fill in
 * before the update goes out. A name the composer does not know is left as written.
 */
public final class UpdateComposer {

    public static final String NOT_SET = "(not set)";
    private static final String INVESTIGATING = "investigation ongoing";
    private static final Pattern HYPOTHESIS_PREFIX = Pattern.compile("^Hypothesis \\(\\d{1,3}% confident\\): ");

    /**
     * @param text     the update, trimmed
     * @param notSet   the placeholders the template uses that had nothing to fill in
     * @param withheld the internal-only placeholders a customer-facing template uses: each was filled
     *                 in with its customer wording ({@link Placeholder#forCustomers()}) instead
     */
    public record Composed(String text, List<Placeholder> notSet, List<Placeholder> withheld) {

        public Composed {
            notSet = List.copyOf(notSet);
            withheld = List.copyOf(withheld);
        }
    }

    private final SeverityScale scale;
    private final Optional<String> warRoom;

    /**
     * @param scale   the workspace's scale: the incident's level on it gives the update interval
     * @param warRoom the team's war room, if set
     */
    public UpdateComposer(SeverityScale scale, Optional<String> warRoom) {
        this.scale = scale;
        this.warRoom = warRoom.filter(w -> !w.isBlank());
    }

    /**
     * Fills the template in. A customer-facing template never carries what responders wrote for
     * each other: an internal-only placeholder in one (a team's text saved before the check) is
     * filled in with its customer wording and listed in {@link Composed#withheld()}.
     */
    public Composed compose(UpdateTemplate template, IncidentRecord record, Instant at) {
        return compose(template.body(), template.customerFacing(), record, at);
    }

    /** Fills in a body for readers inside the company (every placeholder as it is). */
    public Composed compose(String body, IncidentRecord record, Instant at) {
        return compose(body, false, record, at);
    }

    private Composed compose(String body, boolean forCustomers, IncidentRecord record, Instant at) {
        Matcher m = Placeholder.TOKEN.matcher(body);
        StringBuilder out = new StringBuilder();
        Set<Placeholder> notSet = EnumSet.noneOf(Placeholder.class);
        Set<Placeholder> withheld = EnumSet.noneOf(Placeholder.class);
        while (m.find()) {
            Optional<Placeholder> placeholder = Placeholder.find(m.group(1));
            String replacement;
            if (placeholder.isEmpty()) {
                replacement = m.group();
            } else {
                Placeholder used = placeholder.get();
                if (forCustomers && used.internalOnly()) {
                    withheld.add(used);
                    used = used.forCustomers();
                }
                Optional<String> value = value(used, record, at);
                if (value.isEmpty()) {
                    notSet.add(used);
                }
                replacement = value.orElse(NOT_SET);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Composed(out.toString().strip(), List.copyOf(notSet), List.copyOf(withheld));
    }

    private Optional<String> value(Placeholder placeholder, IncidentRecord record, Instant at) {
        Incident i = record.incident();
        return switch (placeholder) {
            case ID -> Optional.of(i.id().value());
            case TITLE -> Optional.of(i.title());
            case SEVERITY -> Optional.of(i.severity());
            case STATUS -> Optional.of(i.status().key());
            case PUBLIC_STATUS -> Optional.of(publicStatus(i.status()));
            case IMPACT -> present(i.impact());
            case COMMANDER -> present(i.commander());
            case SERVICE -> present(i.service());
            case PLATFORMS -> i.platforms().isEmpty() ? Optional.empty() : Optional.of(String.join(", ", i.platforms()));
            case STARTED_UTC -> Optional.of(utc(i.startedAt()));
            case NOW_UTC -> Optional.of(utc(at));
            case ELAPSED -> Optional.of(TimeFormat.elapsed(Duration.between(i.startedAt(), endOrNow(i, at))));
            case RESTORED_UTC -> Optional.of(restored(i).map(UpdateComposer::utc).orElse("not yet"));
            case NEXT_UPDATE_UTC -> Optional.of(nextUpdate(i, at));
            case WAR_ROOM -> warRoom;
            case DOING -> Optional.of(doing(record));
            case CAUSE -> Optional.of(cause(record));
            case PROGRESS -> Optional.of(sentence(statusInWords(i)));
            case CAUSE_STATUS -> Optional.of(i.status() == IncidentStatus.INVESTIGATING ? INVESTIGATING : "identified");
        };
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static String utc(Instant at) {
        return TimeFormat.stamp(at, ZoneOffset.UTC);
    }

    /** The words public status pages use. */
    static String publicStatus(IncidentStatus status) {
        return switch (status) {
            case INVESTIGATING -> "Investigating";
            case IDENTIFIED, MITIGATING -> "Identified";
            case MONITORING -> "Monitoring";
            case RESOLVED, CLOSED, DECLINED, MERGED -> "Resolved";
        };
    }

    private static Instant endOrNow(Incident i, Instant at) {
        return i.status().isActive() ? at : i.milestones().at(Milestone.RESOLVED).orElse(at);
    }

    private static Optional<Instant> restored(Incident i) {
        return i.milestones().at(Milestone.MITIGATED).or(() -> i.milestones().at(Milestone.RESOLVED));
    }

    private String nextUpdate(Incident i, Instant at) {
        if (!i.status().isActive()) {
            return "none planned: the incident is " + i.status().key();
        }
        return UpdateCadence.after(scale, i, at).map(UpdateComposer::utc)
                .orElse("when there is news (" + i.severity() + " has no update schedule)");
    }

    /** The status in words, with the reason given when the incident moved to it (internal only). */
    private static String doing(IncidentRecord record) {
        Incident i = record.incident();
        String phrase = statusInWords(i);
        Optional<String> reason = latest(record, EventType.STATUS_CHANGE)
                .filter(e -> e.datum("to").map(i.status().key()::equals).orElse(false))
                .flatMap(e -> e.datum("reason")).filter(r -> !r.isBlank());
        return sentence(reason.map(r -> phrase + " (" + withoutFinalStop(r.strip()) + ")").orElse(phrase));
    }

    /** What is being done, in words anyone may read. */
    private static String statusInWords(Incident i) {
        return switch (i.status()) {
            case INVESTIGATING -> "Investigating the cause";
            case IDENTIFIED -> "The cause is identified; preparing a fix";
            case MITIGATING -> "Applying a fix";
            case MONITORING -> "A fix is in place; watching that it holds";
            case RESOLVED -> "Resolved";
            case CLOSED -> "Resolved and reviewed";
            case DECLINED -> "Nothing further: this turned out not to be an incident";
            case MERGED -> "Handled together with " + i.mergedInto();
        };
    }

    /** The latest hypothesis once the incident is past investigating (internal only). */
    private static String cause(IncidentRecord record) {
        if (record.incident().status() == IncidentStatus.INVESTIGATING) {
            return INVESTIGATING;
        }
        return latest(record, EventType.HYPOTHESIS)
                .map(e -> HYPOTHESIS_PREFIX.matcher(e.text()).replaceFirst("").strip())
                .filter(t -> !t.isEmpty())
                .orElse(INVESTIGATING);
    }

    private static Optional<TimelineEvent> latest(IncidentRecord record, EventType type) {
        List<TimelineEvent> current = record.currentTimeline();
        for (int k = current.size() - 1; k >= 0; k--) {
            if (current.get(k).type() == type) {
                return Optional.of(current.get(k));
            }
        }
        return Optional.empty();
    }

    private static String withoutFinalStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String sentence(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' ? text : text + ".";
    }
}
