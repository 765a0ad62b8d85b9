package dev.sitrep.platform;

import dev.sitrep.core.DaemonThreads;
import com.github.javakeyring.Keyring;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operating system's keychain (macOS Keychain, Windows Credential Manager, the Linux Secret
 * Service) under service name {@code sitrep}, account = the profile name. A keychain may be
 * absent, locked behind an unlock prompt, or without a session bus (CI): every call gives up
 * after a short wait, and after the first failure the keychain is left alone for the session.
 */
public final class OsKeychain implements Secrets.Keychain {

    static final String SERVICE = "sitrep";
    private static final Logger LOG = Logger.getLogger(OsKeychain.class.getName());

    /** The raw keychain calls, behind an interface so the waiting can be tested with a slow fake. */
    interface Backend {
        String get(String account) throws Exception;

        void set(String account, String secret) throws Exception;
    }

    private final Backend backend;
    private final Duration wait;
    private final ExecutorService caller;
    private volatile boolean gaveUp;

    public OsKeychain() {
        this(new JavaKeyring(), Duration.ofSeconds(2));
    }

    OsKeychain(Backend backend, Duration wait) {
        this.backend = backend;
        this.wait = wait;
        this.caller = Executors.newSingleThreadExecutor(DaemonThreads.named("sitrep-keychain"));
    }

    @Override
    public Optional<String> lookup(String profile) {
        if (gaveUp) {
            return Optional.empty();
        }
        try {
            String secret = within(caller.submit(() -> backend.get(profile)));
            return Optional.ofNullable(secret).filter(s -> !s.isEmpty());
        } catch (Exception e) {
            giveUp(e);
            return Optional.empty();
        }
    }

    /** Stores a secret; answers false (and says why in the log) when the keychain does not answer. */
    public boolean store(String profile, String secret) {
        try {
            within(caller.submit(() -> {
                backend.set(profile, secret);
                return null;
            }));
            return true;
        } catch (Exception e) {
            giveUp(e);
            return false;
        }
    }

    private <T> T within(Future<T> call) throws Exception {
        try {
            return call.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void giveUp(Exception e) {
        gaveUp = true;
        LOG.log(Level.INFO, "the OS keychain did not answer (" + e + "); using environment variables and asking instead");
    }

    /** java-keyring: one API over the three operating systems' keychains. */
    private static final class JavaKeyring implements Backend {
        @Override
        public String get(String account) throws Exception {
            try (Keyring keyring = Keyring.create()) {
                return keyring.getPassword(SERVICE, account);
            }
        }

        @Override
        public void set(String account, String secret) throws Exception {
            try (Keyring keyring = Keyring.create()) {
                keyring.setPassword(SERVICE, account, secret);
            }
        }
    }
}
