package dev.sitrep.killswitch;

import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The gate before a resume: the checklist ticked, a remediation summary, and the approver named.
 *
 * @param mode the platform's resume mode (powernode: full restores the pre-halt snapshot, minimal does not)
 */
public record ResumeRequest(boolean rootCauseIdentified, boolean fixVerified, boolean reviewDone, String approver,
                            String summary, String mode) {

    /** The longest remediation summary: it goes whole onto the audit trail and the timelines. */
    public static final int SUMMARY_MAX = Limits.REASON_MAX;
    /** The longest resume mode (a word such as full or minimal). */
    public static final int MODE_MAX = 40;
    private static final Pattern MODE = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * Refuses a resume whose gate is not passed, naming everything still missing, or whose values
     * are longer than the audit trail keeps (before anything is sent).
     */
    void check() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw SitrepException.invalid("Not resumed: it needs " + String.join(", ", missing)
                    + ". Resume only once the cause is understood and the fix is in place.");
        }
        Limits.bounded("remediation summary", summary.strip(), SUMMARY_MAX);
        String who = approver.strip();
        Limits.bounded("approver", who, Limits.NAME_MAX);
        if (who.indexOf('\n') >= 0 || who.indexOf('\r') >= 0) {
            throw SitrepException.invalid("The approver has a line break; give one name.");
        }
        if (mode != null && (mode.length() > MODE_MAX || !MODE.matcher(mode).matches())) {
            throw SitrepException.invalid("The mode " + Limits.quote(mode) + " is not a resume mode: give a word such as "
                    + "full or minimal (letters, digits, '-' or '_'; at most " + MODE_MAX + " characters).");
        }
    }

    /** What the gate still needs, in words ("the fix verified", "an approver named"); empty once it is passed. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!rootCauseIdentified) {
            missing.add("the root cause identified");
        }
        if (!fixVerified) {
            missing.add("the fix verified");
        }
        if (!reviewDone) {
            missing.add("the review done");
        }
        if (approver == null || approver.isBlank()) {
            missing.add("an approver named");
        }
        if (summary == null || summary.isBlank()) {
            missing.add("a remediation summary");
        }
        return missing;
    }
}
