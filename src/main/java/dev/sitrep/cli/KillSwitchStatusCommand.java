package dev.sitrep.cli;

import dev.sitrep.core.Json;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.platform.KillSwitchState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Read the kill-switch state from the platform now.")
final class KillSwitchStatusCommand extends StoreCommand {

    @Option(names = "--platform", required = true, paramLabel = "NAME")
    String platform;

    @Option(names = "--json", description = "{\"platform\", \"halted\", \"since\", \"by\", \"reason\"}")
    boolean json;

    @Override
    int run(Context c) {
        KillSwitchState s = c.services().killSwitch().status(platform);
        if (json) {
            c.out().println(Json.write(asJson(s)));
        } else {
            c.out().println(describe(s, c));
        }
        return 0;
    }

    static Map<String, Object> asJson(KillSwitchState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("platform", s.platform());
        out.put("halted", s.halted());
        out.put("since", s.since() == null ? null : s.since().toString());
        out.put("by", s.by());
        out.put("reason", s.reason());
        return out;
    }

    static String describe(KillSwitchState s, Context c) {
        if (!s.halted()) {
            return s.platform() + ": running (not halted)";
        }
        return s.platform() + ": HALTED" + (s.since() == null ? "" : " since " + TimeFormat.stamp(s.since(),
                c.environment().zone())) + " by " + (s.by() == null ? "(not recorded)" : s.by())
                + (s.reason() == null ? "" : ": " + s.reason());
    }
}
