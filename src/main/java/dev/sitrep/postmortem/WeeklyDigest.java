package dev.sitrep.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.incident.IncidentService;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the weekly review looks at (BRIEF: open P0/P1 incidents and overdue follow-ups are reviewed
 * weekly; a weekly digest counts recurrences per service), for one ISO week: the incidents declared
 * that week per severity and per service, the services that keep having incidents, the incidents
 * still open in the scale's two highest levels whenever they were declared, and the overdue
 * follow-ups. Drills are left out of every count and list; the drills declared that week are
 * counted apart. {@link WeeklyDigestMarkdown} writes it out.
 *
 * @param incidents        how many incidents (drills left out) were declared in the week
 * @param bySeverity       every level of the workspace scale, highest first, zeros included; then any
 *                         other code an incident still carries (from an earlier scale), by name
 * @param byService        most incidents first, then by name; {@link #NO_SERVICE} for those declared without one
 * @param recurrences      services with an incident this week and 2 or more over this week and the
 *                         {@link #LOOKBACK_WEEKS} weeks before it, most incidents first
 * @param highSeverity     the level codes counted as high: the top two of the workspace scale
 * @param openHighSeverity incidents at those levels that are not closed, declined or merged, from any
 *                         week, most severe first, then oldest first
 * @param overdue          follow-ups past their due day and not finished, oldest due first
 * @param overdueAsOf      the operator's day that decides what is overdue
 * @param drillsLeftOut    drills declared in the week
 */
public record WeeklyDigest(IsoWeek week, int incidents, Map<String, Integer> bySeverity, Map<String, Integer> byService,
                           List<Recurrence> recurrences, List<String> highSeverity, List<Incident> openHighSeverity,
                           List<ActionItem> overdue, LocalDate overdueAsOf, int drillsLeftOut) {

    /** How many weeks before the digest's week count towards a recurrence. */
    public static final int LOOKBACK_WEEKS = 4;
    /** How many of the scale's highest levels count as high severity. */
    private static final int HIGH_LEVELS = 2;
    public static final String NO_SERVICE = "(no service)";

    /**
     * A service that keeps having incidents.
     *
     * @param inWindow incidents this week and in the {@link #LOOKBACK_WEEKS} weeks before it
     */
    public record Recurrence(String service, int thisWeek, int inWindow) {
    }

    public WeeklyDigest {
        bySeverity = Collections.unmodifiableMap(new LinkedHashMap<>(bySeverity));
        byService = Collections.unmodifiableMap(new LinkedHashMap<>(byService));
        recurrences = List.copyOf(recurrences);
        highSeverity = List.copyOf(highSeverity);
        openHighSeverity = List.copyOf(openHighSeverity);
        overdue = List.copyOf(overdue);
    }

    /** Reads the week's digest from the store as it is now. */
    public static WeeklyDigest compile(IsoWeek week, IncidentService incidents, ActionItems actionItems) {
        SeverityScale scale = incidents.scale();
        List<Incident> declared = incidents.declaredBetween(week.minusWeeks(LOOKBACK_WEEKS).start(), week.end());
        List<Incident> window = declared.stream().filter(i -> !i.drill()).toList();
        List<Incident> thisWeek = window.stream().filter(i -> !i.declaredAt().isBefore(week.start())).toList();
        int drills = (int) declared.stream()
                .filter(i -> i.drill() && !i.declaredAt().isBefore(week.start())).count();

        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        scale.levels().forEach(l -> bySeverity.put(l.code(), 0));
        thisWeek.stream().map(Incident::severity).sorted().forEach(code -> bySeverity.merge(code, 1, Integer::sum));

        Map<String, Integer> byService = sortedByCount(count(thisWeek, i -> i.service() == null ? NO_SERVICE
                : i.service()));
        Map<String, Integer> weekCounts = count(thisWeek.stream().filter(i -> i.service() != null).toList(),
                Incident::service);
        Map<String, Integer> windowCounts = count(window.stream().filter(i -> i.service() != null).toList(),
                Incident::service);
        List<Recurrence> recurrences = weekCounts.keySet().stream()
                .map(s -> new Recurrence(s, weekCounts.get(s), windowCounts.get(s)))
                .filter(r -> r.inWindow() >= 2)
                .sorted(Comparator.comparingInt(Recurrence::inWindow).reversed()
                        .thenComparing(Comparator.comparingInt(Recurrence::thisWeek).reversed())
                        .thenComparing(Recurrence::service))
                .toList();

        List<String> high = scale.levels().stream().limit(HIGH_LEVELS).map(SeverityLevel::code).toList();
        List<Incident> open = incidents.list(IncidentService.UNFINISHED).stream()
                .filter(i -> !i.drill() && scale.find(i.severity()).map(l -> high.contains(l.code())).orElse(false))
                .sorted(Comparator.comparingInt((Incident i) -> scale.rank(i.severity()))
                        .thenComparing(Incident::declaredAt))
                .toList();

        return new WeeklyDigest(week, thisWeek.size(), bySeverity, byService, recurrences, high, open,
                actionItems.followUps(true), actionItems.today(), drills);
    }

    private static Map<String, Integer> count(List<Incident> incidents, Function<Incident, String> key) {
        return incidents.stream().collect(Collectors.toMap(key, i -> 1, Integer::sum, TreeMap::new));
    }

    private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
