package dev.sitrep.testing;

import dev.sitrep.platform.Secrets;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;

/**
 * The services a test works with, built the one way the product builds them ({@link Services}),
 * over the test's store. Chain what the test needs ({@code .clock(..)}, {@code .random(..)} for
 * seeded incident ids, {@code .variables(..)} for secrets, {@code .connectors(..)} for fakes, ...)
 * and {@code build()}.
 */
public final class TestServices {

    private TestServices() {
    }

    /** Services on {@code store}, acting as {@code operator}; the machine's OS keychain is never asked. */
    public static Services.Builder on(Store store, String operator) {
        return Services.on(store).operator(operator).keychain(Secrets.Keychain.NONE);
    }
}
