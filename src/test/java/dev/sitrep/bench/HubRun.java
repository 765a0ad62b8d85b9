package dev.sitrep.bench;

import dev.sitrep.hub.HubDatabase;
import dev.sitrep.testing.TestPostgres;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConsoleLoad} against {@code hubs} hub processes ({@link HubProcess}) on one PostgreSQL
 * database, consoles alternating between them: a warm-up in which the consoles join one after
 * another (the hubs' JIT, their pools and PostgreSQL's caches; not counted), then the measured run with each hub's CPU and
 * resident memory, PostgreSQL's CPU and the consoles' own (this JVM), and afterwards the check that
 * every change of both applied exactly once and every console read the whole feed once, in order.
 */
final class HubRun {

    /** CPU over a measured run, in % of one core (the machine's cores together make 100% each). */
    record Cpu(double[] hubs, double postgres, double consoles) {
        String describe() {
            StringBuilder hubsText = new StringBuilder();
            for (double h : hubs) {
                hubsText.append(hubsText.length() == 0 ? "" : " + ").append(String.format("%.0f%%", h));
            }
            return String.format("CPU (%% of one core, %d cores): hub%s %s, PostgreSQL %.0f%%, the simulated consoles %.0f%%",
                    Runtime.getRuntime().availableProcessors(), hubs.length > 1 ? "s" : "", hubsText, postgres, consoles);
        }
    }

    private final ConsoleLoad.Figures figures;
    private final Cpu cpu;
    private final double[] rssMb;
    private final double[] peakRssMb;

    private HubRun(ConsoleLoad.Figures figures, Cpu cpu, double[] rssMb, double[] peakRssMb) {
        this.figures = figures;
        this.cpu = cpu;
        this.rssMb = rssMb;
        this.peakRssMb = peakRssMb;
    }

    static HubRun of(TestPostgres database, int hubs, ConsoleLoad.Shape shape, int consoles, Duration warmUp, Duration length)
            throws Exception {
        List<HubProcess> processes = new ArrayList<>();
        try (HubDatabase admin = HubDatabase.open(database.jdbcUrl(), Map.of(), 2)) {
            for (int h = 0; h < hubs; h++) {
                processes.add(new HubProcess(database.jdbcUrl(), "256m"));
            }
            List<URI> urls = processes.stream().map(HubProcess::url).toList();
            try (HubTarget target = new HubTarget(urls, admin.dataSource(), consoles)) {
                ConsoleLoad.Figures warm = ConsoleLoad.rampUp(target, shape, consoles, warmUp);
                assertThat(warm.failures()).as(warm.firstFailure()).isZero();

                long[] hubTicks = new long[hubs];
                for (int h = 0; h < hubs; h++) {
                    hubTicks[h] = ProcessCpu.ticks(processes.get(h).pid());
                }
                long pgTicks = ProcessCpu.postgresTicks();
                long selfTicks = ProcessCpu.self();
                long t = System.nanoTime();
                ConsoleLoad.Figures figures = ConsoleLoad.run(target, shape, consoles, length);
                double seconds = (System.nanoTime() - t) / 1e9;
                double[] hubCpu = new double[hubs];
                double[] rss = new double[hubs];
                double[] peak = new double[hubs];
                for (int h = 0; h < hubs; h++) {
                    HubProcess p = processes.get(h);
                    hubCpu[h] = ProcessCpu.percent(ProcessCpu.ticks(p.pid()) - hubTicks[h], seconds);
                    rss[h] = p.rssKb() / 1024.0;
                    peak[h] = p.peakRssKb() / 1024.0;
                }
                Cpu cpu = new Cpu(hubCpu, ProcessCpu.percent(ProcessCpu.postgresTicks() - pgTicks, seconds),
                        ProcessCpu.percent(ProcessCpu.self() - selfTicks, seconds));
                assertThat(figures.failures()).as(figures.firstFailure()).isZero();
                assertEachChangeOnce(target, admin, consoles, warm, figures);
                return new HubRun(figures, cpu, rss, peak);
            }
        } finally {
            for (HubProcess p : processes) {
                p.close();
            }
        }
    }

    /**
     * Every acknowledged change applied once and nothing else: the applied keys are exactly the
     * pushed ones plus each console's incident, the feed holds one entry per change plus the
     * incidents (each event once), and every console, pulled to the end, read each entry once in
     * feed order (HubTarget refuses a seq not above the last one read).
     */
    private static void assertEachChangeOnce(HubTarget target, HubDatabase admin, int consoles, ConsoleLoad.Figures warm,
                                             ConsoleLoad.Figures measured) throws Exception {
        for (int c = 0; c < consoles; c++) {
            target.pull(c);
        }
        Set<String> pushed = new HashSet<>(warm.keys());
        pushed.addAll(measured.keys());
        int pushes = warm.changes() + measured.changes();
        assertThat(pushed).as("a key of its own for each change").hasSize(pushes);
        Set<String> applied = new HashSet<>();
        try (Connection con = admin.dataSource().getConnection(); Statement s = con.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT idem_key FROM hub_idempotency_keys WHERE applied")) {
                while (rs.next()) {
                    applied.add(rs.getString(1));
                }
            }
            assertThat(applied).as("keys applied: each change's and each console's incident").hasSize(pushes + consoles)
                    .containsAll(pushed);
            long feed = count(s, "SELECT COUNT(*) FROM hub_feed");
            assertThat(feed).as("feed entries = changes pushed + incidents").isEqualTo(pushes + consoles);
            assertThat(count(s, "SELECT COUNT(DISTINCT id) FROM hub_feed WHERE entity = 'event'"))
                    .as("each event once in the feed").isEqualTo(pushes);
            long lastSeq = count(s, "SELECT MAX(seq) FROM hub_feed");
            for (int c = 0; c < consoles; c++) {
                assertThat(target.lastSeen(c)).as("console %d read the feed to its end", c).isEqualTo(lastSeq);
                assertThat(target.entriesRead(c)).as("console %d read each entry once", c).isEqualTo(feed);
            }
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    ConsoleLoad.Figures figures() {
        return figures;
    }

    Cpu cpu() {
        return cpu;
    }

    double[] rssMb() {
        return rssMb;
    }

    double[] peakRssMb() {
        return peakRssMb;
    }
}
