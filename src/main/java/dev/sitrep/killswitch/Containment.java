package dev.sitrep.killswitch;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.killswitch.KillSwitchService.Outcome;
import dev.sitrep.killswitch.KillSwitchService.Result;
import dev.sitrep.platform.cullis.CullisConnector;
import dev.sitrep.platform.cullis.Revocation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Containment that is not a halt: revoking an organisation's agent certificate on a Cullis
 * broker, recorded as halts are (one audit entry, one timeline line per incident). When the
 * failure leaves open whether the broker revoked it, the broker's list of revoked certificates is
 * read back, now, in the background and at each pull, and what it shows is recorded, naming the
 * attempt's UNKNOWN entry.
 */
final class Containment {

    private static final String REVOKE = "revoke";

    /** One revocation as sent. */
    record Revoke(String platform, String org, String serial, String why, String who, IncidentId incident) {
        String what() {
            return "certificate " + serial + " of " + org;
        }
    }

    private final AuditLog audit;
    private final KillSwitchRecord record;
    private final ReadBack readBack;
    private final Clock clock;
    private final Function<String, CullisConnector> open;

    /** @param open a connector to the named Cullis profile, for the reads made later */
    Containment(AuditLog audit, KillSwitchRecord record, ReadBack readBack, Function<String, CullisConnector> open) {
        this.audit = audit;
        this.record = record;
        this.readBack = readBack;
        this.clock = readBack.clock();
        this.open = open;
    }

    Result revoke(CullisConnector cullis, PlatformProfile profile, Revoke r) {
        String fallback = ManualFallback.revoke(profile, r.org(), r.serial(), r.why(), r.who());
        try {
            Revocation done = cullis.revoke(r.serial(), r.org(), r.why(), r.who());
            return revoked(r, done, "confirmed by the platform", null);
        } catch (SitrepException e) {
            if (!ReadBack.needed(e)) {
                return failed(r, e, "FAILED, nothing was revoked: " + e.getMessage(), e.getMessage(), fallback);
            }
            boolean lost = ReadBack.answerLost(e);
            ReadBack.Read<Optional<Revocation>> read = readBack.now(() -> listed(cullis, r),
                    found -> !lost || found.isPresent());
            if (read.value() != null && read.value().isPresent()) {
                return revoked(r, read.value().get(), "confirmed by read-back after: " + e.getMessage(), null);
            }
            if (read.value() != null && !lost) {
                return failed(r, e, "FAILED: " + e.getMessage() + "; read back: not revoked", e.getMessage()
                        + "; read back: not revoked", fallback);
            }
            return unknown(r, e, read, lost, fallback);
        }
    }

    /** What a pull of the platform calls: resolves its revocations whose outcome is unknown, reading the broker's list. */
    void pulled(String platform) {
        for (AuditEntry u : pending(platform)) {
            try (CullisConnector c = open.apply(platform)) {
                Revoke r = revoke(u);
                resolve(u, r, listed(c, r));
            }
        }
    }

    private Result revoked(Revoke r, Revocation done, String how, AuditEntry resolves) {
        String what = "revoked " + r.what() + " (" + how + ")";
        AuditEntry entry = write(AuditEntry.CONTAINED, r, what + (done.revokedAt() == null ? ""
                : "; the broker's time " + done.revokedAt()), resolves);
        if (entry != null) {
            record.onTimelines(r.platform(), r.incident(), "Contained on " + r.platform() + ": " + what + ": " + r.why(),
                    entry);
        }
        return new Result(r.platform(), Outcome.DONE, null, null, null, what);
    }

    private Result failed(Revoke r, SitrepException e, String said, String detail, String fallback) {
        AuditEntry entry = write(AuditEntry.FAILED, r, REVOKE + " " + r.what() + ": " + detail, null);
        record.onTimelines(r.platform(), r.incident(), "Containment on " + r.platform() + " " + said, entry);
        return new Result(r.platform(), Outcome.FAILED, null, e, fallback, said);
    }

    private Result unknown(Revoke r, SitrepException e, ReadBack.Read<Optional<Revocation>> read, boolean lost,
                           String fallback) {
        String back = read.value() == null ? read.failure().getMessage() : "at " + TimeFormat.utcTime(clock.instant())
                + ": not revoked yet";
        String said = "UNKNOWN, checking: " + e.getMessage() + "; " + (read.value() == null
                ? "reading the revoked certificates back failed too: " + back
                : "read back " + back + ", and the broker may still be at it");
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("attempt", REVOKE);
        detail.put("org", r.org());
        detail.put("serial", r.serial());
        detail.put("error", e.getMessage());
        detail.put("readBack", back);
        if (lost) {
            detail.put("answer", KillSwitchRecord.LOST);
        }
        AuditEntry u = write(AuditEntry.UNKNOWN, r, Json.write(detail), null);
        record.onTimelines(r.platform(), r.incident(), "Containment on " + r.platform() + " " + said, u);
        readBack.later(() -> {
            try (CullisConnector again = open.apply(r.platform())) {
                return listed(again, r);
            }
        }, found -> resolve(u, r, found), last -> stillUnknown(u, r, last));
        return new Result(r.platform(), Outcome.UNKNOWN, null, e, fallback, said);
    }

    /**
     * Records what the broker's list shows of the unknown revocation {@code u}: revoked, or (once a
     * lost answer has had {@link ReadBack#LATER_CAP}) not. Answers whether that settles it.
     */
    private synchronized boolean resolve(AuditEntry u, Revoke r, Optional<Revocation> found) {
        if (settled(audit.forPlatform(r.platform()), u)) {
            return true;
        }
        String at = "read back at " + TimeFormat.utcTime(clock.instant());
        if (found.isPresent()) {
            revoked(r, found.get(), "confirmed by read-back at " + TimeFormat.utcTime(clock.instant()) + "; "
                    + KillSwitchRecord.link(u), u);
            return true;
        }
        boolean lost = KillSwitchRecord.LOST.equals(Json.stringMap(u.detail()).get("answer"));
        if (lost && clock.instant().isBefore(u.at().plus(ReadBack.LATER_CAP))) {
            return false;
        }
        String said = "FAILED: " + KillSwitchRecord.link(u) + "; " + at + ": not revoked";
        AuditEntry entry = write(AuditEntry.FAILED, r, REVOKE + " " + r.what() + ": " + KillSwitchRecord.link(u) + "; "
                + at + ": not revoked", u);
        if (entry != null) {
            record.onTimelines(r.platform(), r.incident(), "Containment on " + r.platform() + " " + said, entry);
        }
        return true;
    }

    private void stillUnknown(AuditEntry u, Revoke r, SitrepException last) {
        if (!settled(audit.forPlatform(r.platform()), u)) {
            record.onTimelines(r.platform(), r.incident(), "Containment on " + r.platform() + " still UNKNOWN after "
                    + "reading the revoked certificates back for " + ReadBack.LATER_CAP.toMinutes() + " minutes ("
                    + (last == null ? "not revoked yet" : last.getMessage()) + "). 'sitrep platform status --refresh' "
                    + "reads them again and records what it finds.", clock.instant(), u);
        }
    }

    /** The platform's revocations whose outcome is unknown and not yet settled, oldest first. */
    private List<AuditEntry> pending(String platform) {
        List<AuditEntry> entries = audit.forPlatform(platform);
        return entries.stream().filter(e -> AuditEntry.UNKNOWN.equals(e.action()))
                .filter(e -> REVOKE.equals(Json.stringMap(e.detail()).get("attempt")))
                .filter(u -> !settled(entries, u)).sorted((x, y) -> Long.compare(x.seq(), y.seq())).toList();
    }

    /** Whether a later entry names {@code u}'s id (its resolution). */
    private static boolean settled(List<AuditEntry> entries, AuditEntry u) {
        return entries.stream().anyMatch(e -> e.seq() > u.seq() && e.detail() != null && e.detail().contains(u.id()));
    }

    private static Revoke revoke(AuditEntry u) {
        Map<String, String> d = Json.stringMap(u.detail());
        return new Revoke(u.platform(), d.get("org"), d.get("serial"), u.reason(), u.actor(), KillSwitchRecord.incident(u));
    }

    private static Optional<Revocation> listed(CullisConnector cullis, Revoke r) {
        return cullis.revocations(r.org()).stream().filter(x -> r.serial().equalsIgnoreCase(x.serialHex())).findFirst();
    }

    /** The attempt's entry; when it {@code resolves} an UNKNOWN one, written only while nothing else has. */
    private AuditEntry write(String action, Revoke r, String detail, AuditEntry resolves) {
        String incident = KillSwitchRecord.id(r.incident());
        if (resolves == null) {
            return audit.append(action, r.platform(), r.who(), r.why(), null, detail, incident);
        }
        return audit.appendIf(entries -> !settled(entries, resolves), action, r.platform(), r.who(), r.why(), null,
                detail, incident);
    }
}
