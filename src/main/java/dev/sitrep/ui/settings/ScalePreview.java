package dev.sitrep.ui.settings;

import dev.sitrep.incident.ScaleSwitch;
import dev.sitrep.runbook.LevelMentions;

import java.util.List;
import java.util.stream.Collectors;

/** What Settings shows before a scale switch is confirmed: the level mapping and the runbooks naming old levels. */
record ScalePreview(ScaleSwitch change, List<LevelMentions.Mention> runbooks) {

    ScalePreview {
        runbooks = List.copyOf(runbooks);
    }

    /** The confirmation: how many incidents, each level's new level, the runbooks to update. */
    String warning() {
        StringBuilder out = new StringBuilder(change.unfinished() + " unfinished incident(s) use the "
                + change.from().name() + " scale. Switching re-expresses them on " + change.to().name()
                + " by what each level means, with an entry on each timeline:");
        change.moves().forEach(move -> out.append("\n  ").append(move.describe()));
        if (!runbooks.isEmpty()) {
            out.append("\nThese runbooks name ").append(change.from().name()).append(" levels; update them after the switch:");
            runbooks.forEach(mention -> out.append("\n  ").append(mention.describe()));
        }
        return out.append("\nPress Switch again to confirm.").toString();
    }

    /** After the switch: which runbooks still name the old levels, or nothing. */
    String runbookAdvice() {
        return runbooks.isEmpty() ? "" : " Runbooks that name " + change.from().name() + " levels: "
                + runbooks.stream().map(LevelMentions.Mention::title).collect(Collectors.joining(", ")) + ".";
    }
}
