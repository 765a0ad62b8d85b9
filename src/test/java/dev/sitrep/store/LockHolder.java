package dev.sitrep.store;

import java.nio.file.Files;
import java.nio.file.Path;

/** Child process that takes a data directory's lock (as a Sitrep process opening it would), says READY and waits to be killed. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        DirectoryLock.Held held = DirectoryLock.acquire(dir, "lock holder", System.nanoTime());
        System.out.println(held == null ? "TAKEN" : "READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
