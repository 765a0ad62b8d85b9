package dev.sitrep.comms;

import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The three templates Sitrep ships, written from what the domain brief says each kind of update
 * carries. Teams edit them in Settings ({@link Templates}); a reset brings these back.
 */
public final class BuiltInTemplates {

    public static final UpdateTemplate INTERNAL = new UpdateTemplate(UpdateTemplate.INTERNAL, "internal update",
            "For responders and stakeholders inside the company, at every update interval.", """
            {{severity}} {{title}} ({{id}})
            Status: {{status}} · started {{started_utc}} · elapsed {{elapsed}}
            Impact: {{impact}}
            Commander: {{commander}} · War room: {{war_room}}
            Doing now: {{doing}}
            Next update: {{next_update_utc}}
            """);

    public static final UpdateTemplate STATUS_PAGE = new UpdateTemplate(UpdateTemplate.STATUS_PAGE, "status page",
            "For the public status page; post one for the top severities (SEV0 and SEV1).", """
            {{public_status}} - {{title}}

            {{impact}}

            Next update: {{next_update_utc}}.
            """);

    public static final UpdateTemplate CUSTOMER_EMAIL = new UpdateTemplate(UpdateTemplate.CUSTOMER_EMAIL,
            "customer email", "For customers whose data may be affected.", """
            Subject: Incident notice: {{title}}

            Hello,

            We are writing to let you know about an incident that may have affected your data.

            Started: {{started_utc}}
            What you may have noticed: {{title}}
            Restored or contained: {{restored_utc}}
            Impact: {{impact}}
            Cause: {{cause_status}}
            What we are doing: {{progress}}

            Next update: {{next_update_utc}}.
            Our reference for this incident: {{id}}
            """);

    /** In the order the console offers them. */
    public static final List<UpdateTemplate> ALL = List.of(INTERNAL, STATUS_PAGE, CUSTOMER_EMAIL);

    private BuiltInTemplates() {
    }

    public static Optional<UpdateTemplate> find(String id) {
        return ALL.stream().filter(t -> t.id().equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }

    /** The built-in template with this id, or a refusal that lists the ids. */
    public static UpdateTemplate byId(String id) {
        return find(id).orElseThrow(() -> SitrepException.invalid("Unknown template " + Limits.quote(id) + "; use one of "
                + ALL.stream().map(UpdateTemplate::id).collect(Collectors.joining(", ")) + "."));
    }
}
