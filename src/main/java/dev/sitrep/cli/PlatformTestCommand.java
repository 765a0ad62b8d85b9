package dev.sitrep.cli;

import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.PlatformConnector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.stream.Collectors;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Reach a platform, log in, and print its capabilities, health and kill-switch state.")
final class PlatformTestCommand extends StoreCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int run(Context c) {
        PlatformProfile profile = c.services().profiles().get(name);
        try (PlatformConnector connector = c.services().connect(profile)) {
            c.out().println(profile.name() + "  " + profile.kind().key() + "  " + profile.address() + "  ("
                    + profile.environment().key() + ")");
            c.out().println("Capabilities: " + connector.capabilities().stream().map(Capability::label)
                    .collect(Collectors.joining(", ")));
            if (connector.can(Capability.HEALTH)) {
                Health h = connector.health();
                c.out().println("Health: " + h.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (h.version() == null ? "" : " (version " + h.version() + ")")
                        + (h.checks().isEmpty() ? "" : "  " + h.checks().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")))
                        + (h.detail() == null ? "" : "  " + h.detail()));
            }
            if (connector.can(Capability.KILL_SWITCH_STATUS)) {
                KillSwitchState s = connector.killSwitchStatus();
                c.out().println("Kill switch: " + (s.halted() ? "HALTED" + (s.since() == null ? ""
                        : " since " + TimeFormat.stamp(s.since(), c.environment().zone()))
                        + " by " + (s.by() == null ? "(not recorded by the platform)" : s.by())
                        + (s.reason() == null ? "" : ": " + s.reason()) : "running"));
            }
            c.out().println("Halting it: " + profile.kind().haltMeans());
        }
        return 0;
    }
}
