package dev.sitrep.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A URL kept from before credentials in URLs were refused is shown without them. */
class PlatformProfileShownUrlTest {

    private static PlatformProfile at(String url) {
        return new PlatformProfile("pn", PlatformKind.POWERNODE, url, null, "ops@example.com",
                PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(15));
    }

    @Test
    void theUserAndPasswordNeverShow() {
        assertThat(at("https://ops:hunter2@pn.example.com:8443/api").address()).isEqualTo("https://pn.example.com:8443/api");
        assertThat(at("https://token@pn.example.com").shownUrl()).isEqualTo("https://pn.example.com");
        assertThat(at("https://pn.example.com/api").shownUrl()).isEqualTo("https://pn.example.com/api");
    }
}
