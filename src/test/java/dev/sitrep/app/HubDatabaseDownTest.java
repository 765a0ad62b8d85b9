package dev.sitrep.app;

import dev.sitrep.core.Incident;
import dev.sitrep.hub.HubFixture;
import dev.sitrep.hub.Role;
import dev.sitrep.incident.Declaration;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.testing.TcpProxy;
import dev.sitrep.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two consoles on a hub whose PostgreSQL goes away (a real proxy in front of it is cut) and comes
 * back: the consoles keep working on their own stores, their outboxes keep every change, and once
 * the database is back they converge with nothing lost or doubled.
 */
class HubDatabaseDownTest {

    @TempDir
    Path dir;

    /** Syncs as a running console does, every half second here, until the hub answers (at most 20 s). */
    private static void syncOnceBack(TeamConsole console) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                console.sync();
                return;
            } catch (PlatformException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    @Test
    void consolesKeepWorkingWhileTheHubsDatabaseIsDownAndConvergeWhenItIsBack() throws Exception {
        try (TestPostgres postgres = TestPostgres.create(); TcpProxy proxy = TcpProxy.start("127.0.0.1", 5432);
             HubFixture hub = HubFixture.start(postgres.jdbcUrlThrough(proxy.port()), Clock.systemUTC())) {
            String url = hub.url().toString();
            try (TeamConsole ana = new TeamConsole(dir.resolve("ana"), "ana", url, hub.addPerson("ana", Role.RESPONDER));
                 TeamConsole bo = new TeamConsole(dir.resolve("bo"), "bo", url, hub.addPerson("bo", Role.RESPONDER))) {
                Incident incident = ana.workspace.incidents().declare(Declaration.titled("Checkout 5xx"));
                ana.sync();
                bo.sync();

                proxy.cut();
                ana.workspace.incidents().note(incident.id(), "ana: pool at 100%", null);
                bo.workspace.incidents().note(incident.id(), "bo: rolling back 4412", null);
                assertThatThrownBy(ana::sync).isInstanceOf(PlatformException.class).hasMessageContaining("database unavailable");
                assertThatThrownBy(bo::sync).isInstanceOf(PlatformException.class);
                assertThat(ana.workspace.incidents().show(incident.id()).timeline())
                        .as("the console goes on with its own store").anyMatch(e -> e.text().equals("ana: pool at 100%"));
                assertThat(ana.workspace.teamSync().waiting(List.of(ana.workspace.profiles().get(TeamConsole.TEAM)))
                        .get(TeamConsole.TEAM).pending()).as("kept in the outbox").isEqualTo(1);

                proxy.restore();
                syncOnceBack(ana); // as a running console does every 5 s
                syncOnceBack(bo);
                ana.sync();

                for (TeamConsole c : List.of(ana, bo)) {
                    List<String> notes = c.workspace.incidents().show(incident.id()).timeline().stream()
                            .map(e -> e.text()).filter(t -> t.startsWith("ana:") || t.startsWith("bo:")).sorted().toList();
                    assertThat(notes).as(c + " has both notes, once each")
                            .containsExactly("ana: pool at 100%", "bo: rolling back 4412");
                }
                assertThat(hub.store().events(incident.id().value()).values())
                        .filteredOn(e -> e.path("type").asText().equals("note")).hasSize(2);
            }
        }
    }
}
