package dev.sitrep.comms;

/**
 * A status-update template: text with {@code {{placeholders}}} that {@link UpdateComposer} fills in
 * from an incident (the syntax and the names are in {@link Placeholder}).
 *
 * @param id      {@value #INTERNAL}, {@value #STATUS_PAGE} or {@value #CUSTOMER_EMAIL}
 * @param name    what people call it ("internal update"); the timeline entry of a sent update says it
 * @param purpose when to use it, in one line
 * @param body    the text with placeholders
 */
public record UpdateTemplate(String id, String name, String purpose, String body) {

    public static final String INTERNAL = "internal";
    public static final String STATUS_PAGE = "status-page";
    public static final String CUSTOMER_EMAIL = "customer-email";

    /**
     * True for the templates whose text goes outside the company (the status page, the customer
     * email): they may not use an {@linkplain Placeholder#internalOnly() internal-only} placeholder.
     */
    public boolean customerFacing() {
        return !INTERNAL.equals(id);
    }

    /** The same template with another body (a team's edit). */
    public UpdateTemplate withBody(String newBody) {
        return new UpdateTemplate(id, name, purpose, newBody);
    }
}
