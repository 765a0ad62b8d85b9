package dev.sitrep.platform;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OsKeychainTest {

    /** A keychain that answers from a map. */
    private static final class MapBackend implements OsKeychain.Backend {
        final Map<String, String> entries = new HashMap<>();

        @Override
        public String get(String account) {
            return entries.get(account);
        }

        @Override
        public void set(String account, String secret) {
            entries.put(account, secret);
        }
    }

    /** A keychain stuck behind an unlock prompt. */
    private static final class StuckBackend implements OsKeychain.Backend {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String get(String account) throws Exception {
            calls.incrementAndGet();
            Thread.sleep(60_000);
            return "never";
        }

        @Override
        public void set(String account, String secret) throws Exception {
            get(account);
        }
    }

    @Test
    void aStoredSecretIsFound() {
        OsKeychain keychain = new OsKeychain(new MapBackend(), Duration.ofSeconds(2));
        assertThat(keychain.store("pn-prod", "s3cret")).isTrue();
        assertThat(keychain.lookup("pn-prod")).contains("s3cret");
        assertThat(keychain.lookup("other")).isEmpty();
    }

    @Test
    void aKeychainStuckOnAPromptIsGivenUpQuicklyAndNotAskedAgain() {
        StuckBackend stuck = new StuckBackend();
        OsKeychain keychain = new OsKeychain(stuck, Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(keychain.lookup("pn")).isEmpty();
        assertThat(keychain.lookup("pn")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(stuck.calls.get()).isEqualTo(1);
    }

    @Test
    void aKeychainThatFailsFallsBackToTheOtherSources() {
        OsKeychain.Backend broken = new OsKeychain.Backend() {
            @Override
            public String get(String account) throws Exception {
                throw new IllegalStateException("no session bus");
            }

            @Override
            public void set(String account, String secret) throws Exception {
                throw new IllegalStateException("no session bus");
            }
        };
        OsKeychain keychain = new OsKeychain(broken, Duration.ofSeconds(2));
        assertThat(keychain.store("pn", "x")).isFalse();
        Secrets secrets = new Secrets(Map.of(), keychain, question -> "typed");
        assertThat(secrets.secretFor("pn")).isEqualTo("typed");
    }

    @Test
    void theEnvironmentComesBeforeTheKeychain() {
        MapBackend backend = new MapBackend();
        backend.entries.put("pn", "from-keychain");
        Secrets secrets = new Secrets(Map.of("SITREP_SECRET_PN", "from-env"), new OsKeychain(backend, Duration.ofSeconds(2)),
                null);
        assertThat(secrets.secretFor("pn")).isEqualTo("from-env");
        assertThat(new Secrets(Map.of(), new OsKeychain(backend, Duration.ofSeconds(2)), null).secretFor("pn"))
                .isEqualTo("from-keychain");
    }
}
