package dev.sitrep.cli;

import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.sync.PlatformStates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "The last state pulled from each platform (health, kill switch), with its age. Works offline.")
final class PlatformStatusCommand extends StoreCommand {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "One platform (default: all).")
    String name;

    @Option(names = "--refresh", description = "Pull from the platforms first (needs the network).")
    boolean refresh;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    int run(Context c) {
        List<PlatformProfile> profiles = name == null ? c.services().profiles().list() : List.of(c.services().profiles().get(name));
        if (refresh) {
            profiles.forEach(c.services().pullLoop()::pullOnce);
        }
        PlatformStates states = c.services().platformStates();
        Instant now = c.environment().clock().instant();
        if (json) {
            c.out().println(Json.write(profiles.stream().map(p -> asJson(states.get(p.name()))).toList()));
            return 0;
        }
        if (profiles.isEmpty()) {
            c.out().println("No platforms. Add one with: sitrep platform add NAME --kind ...");
            return 0;
        }
        c.out().printf(Locale.ROOT, "%-16s  %-11s  %-10s  %-30s  %s%n", "NAME", "KIND", "HEALTH", "KILL SWITCH", "AS OF");
        for (PlatformProfile p : profiles) {
            PlatformStatus s = states.get(p.name());
            c.out().printf(Locale.ROOT, "%-16s  %-11s  %-10s  %-30s  %s%n", p.name(), p.kind().key(),
                    s.health() == null ? "-" : s.health(), killSwitch(s), asOf(s, p, now));
            if (s.escalation() != null) {
                c.out().println("  ESCALATION since " + TimeFormat.utcTime(s.escalation().since()) + ": "
                        + s.escalation().why() + (p.autoHalt() ? " (this profile halts by itself)" : ""));
            }
        }
        return 0;
    }

    private static String killSwitch(PlatformStatus s) {
        if (s.halted() == null) {
            return "-";
        }
        if (!s.halted()) {
            return "running";
        }
        return "HALTED" + (s.haltedSince() == null ? "" : " since " + TimeFormat.utcTime(s.haltedSince()));
    }

    private static String asOf(PlatformStatus s, PlatformProfile p, Instant now) {
        if (s.healthAt() == null && s.killSwitchAt() == null) {
            return s.offline() ? "never reached: " + s.lastError() : "never pulled";
        }
        Instant at = s.healthAt() != null ? s.healthAt() : s.killSwitchAt();
        String age = TimeFormat.elapsed(Duration.between(at, now)) + " ago";
        if (s.offline()) {
            return age + ", OFFLINE since " + TimeFormat.utcTime(s.offlineSince())
                    + ": " + s.lastError();
        }
        return s.staleAt(now, p.healthEvery().multipliedBy(2)) ? age + " (stale)" : age;
    }

    private static Map<String, Object> asJson(PlatformStatus s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("platform", s.name());
        out.put("halted", s.halted());
        out.put("since", s.haltedSince() == null ? null : s.haltedSince().toString());
        out.put("by", s.haltedBy());
        out.put("reason", s.haltedReason());
        out.put("health", s.health());
        out.put("checkedAt", s.healthAt() == null ? null : s.healthAt().toString());
        out.put("offlineSince", s.offlineSince() == null ? null : s.offlineSince().toString());
        out.put("lastError", s.lastError());
        out.put("escalation", s.escalation() == null ? null : Map.of("level", s.escalation().level().key(),
                "why", s.escalation().why(), "since", String.valueOf(s.escalation().since())));
        out.put("resumedAt", s.resumedAt() == null ? null : s.resumedAt().toString());
        return out;
    }
}
