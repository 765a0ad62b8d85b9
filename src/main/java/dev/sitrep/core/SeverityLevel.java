package dev.sitrep.core;

import java.time.Duration;
import java.util.Optional;

/**
 * One level of a severity scale.
 *
 * @param code          what commanders say and type ("SEV1", "P0")
 * @param ramp          position on the shared five-step colour ramp, 0 (everything stops) to 4
 * @param criteria      when this level applies
 * @param respondWithin acknowledgement target; {@code null} when best effort
 * @param respondText   the target in words ("5 min, all hands")
 * @param updateEvery   status-update cadence; {@code null} when updates are not scheduled
 * @param commander     who commands at this level
 */
public record SeverityLevel(String code, int ramp, String criteria, Duration respondWithin,
                            String respondText, Duration updateEvery, String commander) {

    public SeverityLevel {
        if (ramp < 0 || ramp > 4) {
            throw new IllegalArgumentException("ramp must be 0..4: " + ramp);
        }
    }

    public Optional<Duration> acknowledgeTarget() {
        return Optional.ofNullable(respondWithin);
    }

    public Optional<Duration> updateCadence() {
        return Optional.ofNullable(updateEvery);
    }

    /** {@code SEV1: A major feature is down; many users are hit. Respond 5 min, update every 15 min.} */
    public String definition() {
        return code + ": " + criteria + ". Respond " + respondText
                + updateCadence().map(d -> ", update every " + d.toMinutes() + " min").orElse("") + ".";
    }
}
