package dev.sitrep.runbook.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandDetectorTest {

    @Test
    void toolsPeopleRunInAnIncidentAreCommands() {
        assertThat(CommandDetector.command("curl -sS https://x.example/health")).isEqualTo("curl -sS https://x.example/health");
        assertThat(CommandDetector.isCommand("sudo systemctl restart broker")).isTrue();
        assertThat(CommandDetector.isCommand("psql -h db -c 'SELECT 1'")).isTrue();
        assertThat(CommandDetector.isCommand("docker logs --tail 200 broker")).isTrue();
        assertThat(CommandDetector.isCommand("kubectl -n checkout get pods")).isTrue();
        assertThat(CommandDetector.isCommand("sqlite3 state/orchestrator.db \"SELECT 1;\"")).isTrue();
        assertThat(CommandDetector.isCommand("redis-cli -h \"$REDIS_HOST\" ping")).isTrue();
        assertThat(CommandDetector.isCommand("./scripts/failover.sh --region eu")).isTrue();
    }

    @Test
    void promptsAndVariablesInFrontAreNotPartOfTheCommand() {
        assertThat(CommandDetector.command("$ docker ps")).isEqualTo("docker ps");
        assertThat(CommandDetector.command("root@broker-1:~# systemctl status broker")).isEqualTo("systemctl status broker");
        assertThat(CommandDetector.command("PGPASSWORD=x psql -h db")).isEqualTo("PGPASSWORD=x psql -h db");
    }

    @Test
    void proseThatStartsWithAToolsNameIsNoCommand() {
        assertThat(CommandDetector.isCommand("curl the health endpoint and read the answer")).isFalse();
        assertThat(CommandDetector.isCommand("docker is what we run the broker in.")).isFalse();
        assertThat(CommandDetector.isCommand("kill switch: flip it first")).isFalse();
        assertThat(CommandDetector.isCommand("tail the logs")).isFalse();
        assertThat(CommandDetector.isCommand("Restart the broker")).isFalse();
    }

    @Test
    void englishWordToolsNeedASignOfAShell() {
        assertThat(CommandDetector.isCommand("kill -9 4242")).isTrue();
        assertThat(CommandDetector.isCommand("tail -f /var/log/broker.log")).isTrue();
        assertThat(CommandDetector.isCommand("cat /etc/hosts")).isTrue();
        assertThat(CommandDetector.isCommand("watch closely")).isFalse();
    }

    @Test
    void sqlNeedsTheShapeOfAStatement() {
        assertThat(CommandDetector.isSql("SELECT count(*) FROM pg_stat_activity")).isTrue();
        assertThat(CommandDetector.isSql("UPDATE settings SET val = '0' WHERE key = 'DISABLE_NEW';")).isTrue();
        assertThat(CommandDetector.isSql("DELETE FROM sessions WHERE expired")).isTrue();
        assertThat(CommandDetector.isSql("UPDATE the status page")).isFalse();
        assertThat(CommandDetector.isSql("Select the level that fits")).isFalse();
        assertThat(CommandDetector.continues("SELECT key, val", "FROM settings")).isTrue();
        assertThat(CommandDetector.continues("SELECT key FROM settings;", "WHERE x")).isFalse();
        assertThat(CommandDetector.continues("docker run \\", "  --rm broker")).isTrue();
    }

    @Test
    void aStepsTextIsSplitFromTheCommandItCarries() {
        assertThat(CommandDetector.split("Start it again: docker start broker"))
                .isEqualTo(new CommandDetector.Split("Start it again", "docker start broker"));
        assertThat(CommandDetector.split("Check health: `curl -sS x.example/health`"))
                .isEqualTo(new CommandDetector.Split("Check health:", "curl -sS x.example/health"));
        assertThat(CommandDetector.split("Check the disk with `df -h /data`; above 85% is a problem."))
                .isEqualTo(new CommandDetector.Split("Check the disk with df -h /data; above 85% is a problem.", "df -h /data"));
        assertThat(CommandDetector.split("Note: nothing to run here")).isNull();
    }
}
