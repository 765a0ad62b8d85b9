package dev.sitrep.cli;

import dev.sitrep.core.SitrepException;
import dev.sitrep.hub.HubDatabase;
import dev.sitrep.hub.People;
import dev.sitrep.hub.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code sitrep hub person add|list|revoke}: the people a hub knows. It works on the hub's
 * database directly, so it takes effect on every running hub at once.
 */
@Command(name = "person", mixinStandardHelpOptions = true,
        subcommands = {HubPersonCommand.Add.class, HubPersonCommand.ListPeople.class, HubPersonCommand.Revoke.class},
        description = "The people a hub knows: each has a role and a personal token.")
final class HubPersonCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a person; prints their token once, alone on the last line (the hub keeps only its hash).")
    static final class Add implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        HubStorageOptions storage;

        @Parameters(paramLabel = "NAME", description = "Their operator name in Sitrep (what their console records them as).")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "viewer (reads), responder (also writes incidents, timelines, evidence, action items; halts), "
                        + "commander (also publishes postmortems and resumes).")
        String role;

        @Override
        public Integer call() throws Exception {
            Role r = Role.of(role.strip().toLowerCase(java.util.Locale.ROOT));
            if (r == null) {
                throw SitrepException.invalid("--role " + dev.sitrep.core.Limits.quote(role)
                        + " is not a role; give commander, responder or viewer.");
            }
            try (HubDatabase db = storage.open(spec, 2)) {
                String token = new People(db.dataSource()).add(name, r, clock(spec).instant());
                PrintWriter out = spec.commandLine().getOut();
                out.println("Added " + name.strip() + " as " + r.key() + ". Their token, shown only now (give it to them; "
                        + "their console keeps it as the platform's secret):");
                out.println(token);
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the people, their roles and whether revoked.")
    static final class ListPeople implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        HubStorageOptions storage;

        @Override
        public Integer call() throws Exception {
            try (HubDatabase db = storage.open(spec, 2)) {
                List<People.Listed> people = new People(db.dataSource()).list();
                PrintWriter out = spec.commandLine().getOut();
                if (people.isEmpty()) {
                    out.println("No one yet: sitrep hub person add NAME --role commander|responder|viewer");
                }
                for (People.Listed p : people) {
                    out.printf("%-24s %-10s added %s%s%n", p.name(), p.role().key(), p.added(),
                            p.revoked() == null ? "" : "  REVOKED " + p.revoked());
                }
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a person's token at once on every hub; what they wrote stays theirs.")
    static final class Revoke implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        HubStorageOptions storage;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            try (HubDatabase db = storage.open(spec, 2)) {
                if (!new People(db.dataSource()).revoke(name, clock(spec).instant())) {
                    throw SitrepException.notFound("No one called " + dev.sitrep.core.Limits.quote(name)
                            + " holds a token here; see sitrep hub person list.");
                }
                spec.commandLine().getOut().println("Revoked " + name.strip() + "'s token; their console now gets 401 from "
                        + "the hub.");
                return 0;
            }
        }
    }

    private static java.time.Clock clock(CommandSpec spec) {
        return ((RootCommand) spec.root().userObject()).environment().clock();
    }
}
