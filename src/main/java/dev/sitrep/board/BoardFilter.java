package dev.sitrep.board;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Which incidents the board shows: by default the ones being worked plus those resolved in the
 * last hour (dimmed); optionally every unfinished one or everything; narrowed to a service
 * and to the operator's own (as commander, scribe, comms lead or responder).
 *
 * @param service  a service name (case-insensitive), or {@code null} for all
 * @param mineOnly only incidents where {@code operator} has a role
 */
public record BoardFilter(Scope scope, String service, boolean mineOnly, String operator) {

    /** How far back the board reaches. */
    public enum Scope {
        ACTIVE("Active and just resolved"), UNFINISHED("Unfinished (awaiting postmortem too)"), ALL("Everything");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Resolved incidents stay on the default board this long, dimmed. */
    public static final Duration RECENTLY_RESOLVED = Duration.ofHours(1);

    public static BoardFilter standard(String operator) {
        return new BoardFilter(Scope.ACTIVE, null, false, operator);
    }

    public boolean shows(Incident i, Instant now) {
        boolean inScope = switch (scope) {
            case ACTIVE -> i.status().isActive() || recentlyResolved(i, now);
            case UNFINISHED -> !i.status().isFinal();
            case ALL -> true;
        };
        return inScope && (service == null || service.isBlank() || service.strip().equalsIgnoreCase(
                i.service() == null ? "" : i.service().strip()))
                && (!mineOnly || mine(i));
    }

    /** Resolved within the last hour: still on the board, dimmed. */
    public static boolean recentlyResolved(Incident i, Instant now) {
        return i.status() == IncidentStatus.RESOLVED && i.milestones().at(Milestone.RESOLVED)
                .map(r -> Duration.between(r, now).compareTo(RECENTLY_RESOLVED) < 0).orElse(false);
    }

    private boolean mine(Incident i) {
        if (operator == null) {
            return false;
        }
        String me = operator.toLowerCase(Locale.ROOT);
        return same(i.roles().commander(), me) || same(i.roles().scribe(), me) || same(i.roles().commsLead(), me)
                || i.roles().responders().stream().anyMatch(r -> same(r, me));
    }

    private static boolean same(String name, String me) {
        return name != null && name.toLowerCase(Locale.ROOT).equals(me);
    }

    public BoardFilter withScope(Scope s) {
        return new BoardFilter(s, service, mineOnly, operator);
    }

    public BoardFilter withService(String s) {
        return new BoardFilter(scope, s, mineOnly, operator);
    }

    public BoardFilter withMineOnly(boolean m) {
        return new BoardFilter(scope, service, m, operator);
    }
}
