package dev.sitrep.store;

import java.nio.file.Path;

/** Child process that opens the store (becoming its AUTO_SERVER host), says READY and waits to be killed. */
public final class Holder {

    private Holder() {
    }

    public static void main(String[] args) throws InterruptedException {
        Store store = Store.open(Path.of(args[0]));
        System.out.println("READY " + store.databaseFile());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
