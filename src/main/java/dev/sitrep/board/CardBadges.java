package dev.sitrep.board;

import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.ResumeWatch;
import dev.sitrep.core.TimeFormat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a card says besides its clocks, in words (never colour alone): {@code HALTED pn},
 * {@code pn offline}, {@code pn degraded}, {@code resume watch until 15:02 UTC},
 * {@code postmortem due Fri 27 Nov}, {@code DRILL}. The board and the wall both show these.
 */
public final class CardBadges {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private CardBadges() {
    }

    /**
     * @param platforms the last state pulled from each platform, by name
     * @param watch     the running resume watch on this incident, or {@code null}
     */
    public static List<String> of(Incident i, CardClocks clocks, Map<String, PlatformStatus> platforms, ResumeWatch watch,
                                  Instant now) {
        List<String> out = new ArrayList<>();
        for (String p : i.platforms()) {
            PlatformStatus s = platforms.get(p);
            if (s == null) {
                continue;
            }
            if (Boolean.TRUE.equals(s.halted())) {
                out.add("HALTED " + p);
            } else if (s.offline()) {
                out.add(p + " offline");
            } else if (s.health() != null && !"healthy".equals(s.health())) {
                out.add(p + " " + s.health());
            }
        }
        if (watch != null && watch.until().isAfter(now)) {
            out.add("resume watch until " + TimeFormat.utcTime(watch.until()));
        }
        clocks.postmortemDue().ifPresent(d -> out.add("postmortem due " + d.format(DAY)));
        if (i.drill()) {
            out.add("DRILL");
        }
        return out;
    }
}
