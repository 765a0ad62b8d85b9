package dev.sitrep.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU used by processes of this machine, from /proc (user + system, in clock ticks of 1/100 s):
 * one process, or PostgreSQL's processes together (the server and its backends).
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every process of the user postgres (the server and its backends) together; a backend that ended is not counted. */
    static long postgresTicks() {
        return ProcessHandle.allProcesses().filter(p -> p.info().user().map("postgres"::equals).orElse(false))
                .mapToLong(p -> ticks(p.pid())).sum();
    }

    static long self() {
        return ticks(ProcessHandle.current().pid());
    }

    /** {@code ticks} over {@code seconds} as a percentage of one core. */
    static double percent(long ticks, double seconds) {
        return ticks / 100.0 / seconds * 100;
    }
}
