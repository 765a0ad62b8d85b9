package dev.sitrep.platform.cullis;

import java.time.Instant;

/**
 * One revoked agent certificate, as Cullis recorded it. A revoke answer carries {@code message}
 * but not {@code revoked_by} (that is the name Sitrep sent); a listing carries {@code revoked_by}
 * and no message.
 *
 * @param agentId the agent the certificate belonged to, {@code null} when Cullis does not know
 * @param message Cullis's own confirmation text, {@code null} in a listing
 */
public record Revocation(String serialHex, String orgId, Instant revokedAt, String revokedBy, String reason,
                         String agentId, String message) {
}
