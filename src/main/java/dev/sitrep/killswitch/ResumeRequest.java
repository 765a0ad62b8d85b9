package dev.sitrep.killswitch;

import dev.sitrep.core.SitrepException;

import java.util.ArrayList;
import java.util.List;

/**
 * The gate before a resume: the checklist ticked, a remediation summary, and the approver named.
 *
 * @param mode the platform's resume mode (powernode: full restores the pre-halt snapshot, minimal does not)
 */
public record ResumeRequest(boolean rootCauseIdentified, boolean fixVerified, boolean reviewDone, String approver,
                            String summary, String mode) {

    /** Refuses a resume whose gate is not passed, naming everything still missing. */
    void check() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw SitrepException.invalid("Not resumed: it needs " + String.join(", ", missing)
                    + ". Resume only once the cause is understood and the fix is in place.");
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
