package dev.sitrep.cli;

import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the platform profiles.")
final class PlatformListCommand extends StoreCommand {

    @Option(names = "--json", description = "Print a JSON array of profiles.")
    boolean json;

    @Override
    int run(Context c) {
        List<PlatformProfile> profiles = c.services().profiles().list();
        if (json) {
            c.out().println(Json.write(profiles.stream().map(PlatformListCommand::asJson).toList()));
            return 0;
        }
        if (profiles.isEmpty()) {
            c.out().println("No platforms. Add one with: sitrep platform add NAME --kind powernode --url https://... --email ...");
            return 0;
        }
        c.out().printf(Locale.ROOT, "%-16s  %-11s  %-11s  %-9s  %s%n", "NAME", "KIND", "ENVIRONMENT", "ON ALARM",
                "ADDRESS");
        for (PlatformProfile p : profiles) {
            c.out().printf(Locale.ROOT, "%-16s  %-11s  %-11s  %-9s  %s%n", p.name(), p.kind().key(), p.environment().key(),
                    p.autoHalt() ? "halts" : "proposes", p.address());
        }
        return 0;
    }

    private static Map<String, Object> asJson(PlatformProfile p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", p.name());
        out.put("kind", p.kind().key());
        out.put("url", p.shownUrl());
        out.put("path", p.path() == null ? null : p.path().toString());
        out.put("email", p.email());
        out.put("environment", p.environment().key());
        out.put("caCert", p.caCert() == null ? null : p.caCert().toString());
        out.put("flags", p.flags());
        out.put("healthEverySeconds", p.healthEvery().toSeconds());
        out.put("autoHalt", p.autoHalt());
        return out;
    }
}
