package dev.sitrep.killswitch;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.Incident;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.FaultyPlatform;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class KillSwitchServiceTest {

    @TempDir
    Path dir;

    @Test
    void anEscalationIsAuditedBySystemAndProposedOnTheTimelineWithoutHalting() {
        try (Store store = Store.open(dir)) {
            Services services = TestServices.on(store, "maria").random(new Random(1)).connectors(p -> {
                throw new AssertionError("an escalation never contacts the platform");
            }).build();
            IncidentService incidents = services.incidents();
            Incident incident = incidents.declare(new Declaration("Errors", "SEV2", null, List.of("pn"), null, false, null));
            AuditLog audit = services.audit();
            KillSwitchService service = services.killSwitch();

            service.escalated("pn", "2 failed health checks in a row on staging: consider the kill switch");

            assertThat(audit.all()).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo(AuditEntry.ESCALATED);
                assertThat(e.actor()).isEqualTo("system");
            });
            assertThat(incidents.show(incident.id()).timeline()).extracting(TimelineEvent::text)
                    .anyMatch(t -> t.startsWith("ESCALATION on pn: 2 failed health checks") && t.contains("has not halted"));
        }
    }

    @Test
    void sitrepsActorIsNamedForTheHaltInForceOnlyWhenSitrepMadeIt() throws Exception {
        try (Store store = Store.open(dir); FaultyPlatform platform = FaultyPlatform.start()) {
            Services services = TestServices.on(store, "root").connectors(platform::connector).build();
            services.profiles().add(platform.profile("pn"));
            KillSwitchService service = services.killSwitch();
            service.halt("pn", "agents looping", null);
            assertThat(service.haltedVia(services.platformStates().all())).containsExactly(Map.entry("pn", "root"));
            assertThat(services.platformStates().get("pn").haltedBy()).as("the platform's own account")
                    .isEqualTo("Drill Commander");

            service.resume("pn", new ResumeRequest(true, true, true, "sam", "retry key added", null), null);
            platform.sandbox().haltBySystem("automatic safety");
            service.status("pn");
            assertThat(services.platformStates().get("pn").halted()).isTrue();
            assertThat(service.haltedVia(services.platformStates().all())).as("halted by the platform itself").isEmpty();
        }
    }
}
