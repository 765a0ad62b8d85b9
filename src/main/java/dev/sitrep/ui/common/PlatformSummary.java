package dev.sitrep.ui.common;

import dev.sitrep.core.Escalation;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.TimeFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The status bar's platform part:
 * {@code pn ● healthy, checked 12 s ago · wv ● HALTED, checked 5 s ago · cul ○ offline since 14:02 UTC}.
 * Never colour alone: the words say the state; a filled dot means reached, a hollow one not.
 */
public final class PlatformSummary {

    private PlatformSummary() {
    }

    public static String of(List<PlatformProfile> profiles, Map<String, PlatformStatus> states, Instant now) {
        if (profiles.isEmpty()) {
            return "No platforms connected";
        }
        return profiles.stream().map(p -> one(p, states.getOrDefault(p.name(), PlatformStatus.unknown(p.name())), now))
                .collect(Collectors.joining(" · "));
    }

    /**
     * {@code HALTED: pn since 14:32 UTC by Drill Commander (platform account) · via Sitrep by maria: agents looping
     * · wv since ...}, or "" when nothing is halted. Who the platform says halted it (its account) and who
     * did it through Sitrep ({@code viaSitrep}: platform name to Sitrep's actor) are both named when known.
     */
    public static String halted(List<PlatformProfile> profiles, Map<String, PlatformStatus> states,
                                Map<String, String> viaSitrep) {
        return halted(profiles, states, viaSitrep, List.of());
    }

    /**
     * As above, followed by the platforms not configured here that the team's shared audit shows
     * halted: {@code pn since 14:32 UTC via Sitrep by maria (team record): agents looping}.
     */
    public static String halted(List<PlatformProfile> profiles, Map<String, PlatformStatus> states,
                                Map<String, String> viaSitrep, List<AuditEntry> teamHalts) {
        String halted = profiles.stream().map(p -> states.get(p.name()))
                .filter(s -> s != null && Boolean.TRUE.equals(s.halted()))
                .map(s -> s.name() + (s.haltedSince() == null ? "" : " since " + TimeFormat.utcTime(s.haltedSince()))
                        + (s.haltedBy() == null ? "" : " by " + s.haltedBy() + " (platform account)")
                        + (viaSitrep.containsKey(s.name()) ? (s.haltedBy() == null ? "" : " ·") + " via Sitrep by "
                        + viaSitrep.get(s.name()) : "")
                        + (s.haltedReason() == null ? "" : ": " + s.haltedReason())
                        + (s.offline() ? " (as last confirmed; offline since " + TimeFormat.utcTime(s.offlineSince()) + ")"
                        : ""))
                .collect(Collectors.joining(" · "));
        String team = teamHalts.stream().map(e -> e.platform() + " since " + TimeFormat.utcTime(e.at()) + " via Sitrep by "
                + e.actor() + " (team record)" + (e.reason() == null ? "" : ": " + e.reason()))
                .collect(Collectors.joining(" · "));
        String all = halted.isEmpty() ? team : team.isEmpty() ? halted : halted + " · " + team;
        return all.isEmpty() ? "" : "HALTED: " + all;
    }

    /**
     * The platforms whose health checks propose something still to do: the kill switch while
     * they run, a rollback even once halted. Oldest escalation first.
     */
    public static List<PlatformStatus> escalated(List<PlatformProfile> profiles, Map<String, PlatformStatus> states) {
        return profiles.stream().map(p -> states.get(p.name()))
                .filter(s -> s != null && s.escalation() != null && (s.escalation().level() == Escalation.Level.ROLLBACK
                        || !Boolean.TRUE.equals(s.halted())))
                .sorted(java.util.Comparator.comparing(s -> s.escalation().since()))
                .toList();
    }

    /** {@code ESCALATION: pn since 14:02 UTC: 1 failed health check in a row on production: consider the kill switch}. */
    public static String escalationText(List<PlatformStatus> escalated) {
        String text = escalated.stream().map(s -> s.name() + (s.escalation().since() == null ? ""
                        : " since " + TimeFormat.utcTime(s.escalation().since())) + ": " + s.escalation().why())
                .collect(Collectors.joining(" · "));
        return text.isEmpty() ? "" : "ESCALATION: " + text;
    }

    static String one(PlatformProfile p, PlatformStatus s, Instant now) {
        if (s.offline()) {
            return p.name() + " ○ offline since " + TimeFormat.utcTime(s.offlineSince());
        }
        if (s.healthAt() == null) {
            return p.name() + (s.lastError() == null ? " ○ connecting…" : " ○ not answering yet, retrying");
        }
        String state = Boolean.TRUE.equals(s.halted()) ? "HALTED" : s.health() == null ? "reached" : s.health();
        boolean stale = s.staleAt(now, p.healthEvery().multipliedBy(2));
        return p.name() + " ● " + state + ", checked " + ago(Duration.between(s.healthAt(), now)) + " ago"
                + (stale ? " (old)" : "");
    }

    /** How long ago, spelled so it cannot be read as a duration of the state: {@code 12 s}, {@code 3 min}, {@code 2 h}. */
    private static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 48 * 3600) {
            return s / 3600 + " h";
        }
        return s / 86400 + " d";
    }
}
