package dev.sitrep.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.Json;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogTest {

    @TempDir
    Path dir;
    private Store store;
    private AuditLog log;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        log = TestServices.on(store, "maria").build().audit();
        log.append(AuditEntry.ACTIVATED, "pn", "maria", "agents looping", null, null, null);
        log.append(AuditEntry.FAILED, "wv", "maria", "halt", null, "database locked", null);
        log.append(AuditEntry.RESET, "pn", "maria", "fix deployed", "sam", "{\"mode\":\"full\"}", null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Tampering as someone with raw database access would: the append-only trigger dropped first. */
    private void tamper(String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("sitrep") + ";AUTO_SERVER=TRUE", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_entry_append_only");
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Test
    void anEntryTooLongForItsColumnsIsWrittenCutShortAndTheWholeIsAnAttachmentTheChainVouchesFor() throws Exception {
        String reason = "r".repeat(10_240);
        String approver = "a".repeat(300);
        String detail = "{\"summary\":\"" + "d".repeat(5_000) + "\"}";
        AuditEntry e = log.append(AuditEntry.RESET, "pn", "maria", reason, approver, detail, null);
        AuditEntry stored = log.all().get(3);
        assertThat(stored).isEqualTo(e);
        assertThat(stored.reason()).hasSize(2000).startsWith("rrr").endsWith("…");
        assertThat(stored.approver()).hasSize(200).endsWith("…");
        assertThat(stored.detail()).hasSizeLessThanOrEqualTo(4000).startsWith("{\"summary\":\"ddd")
                .contains("[cut to fit the audit trail: reason, approver, detail; whole in attachment sha256:");
        String sha256 = stored.detail().replaceAll("(?s).*sha256:([0-9a-f]{64}).*", "$1");
        Path attachment = dir.resolve("evidence").resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
        JsonNode whole = Json.MAPPER.readTree(Files.readString(attachment));
        assertThat(whole.path("reason").asText()).isEqualTo(reason);
        assertThat(whole.path("approver").asText()).isEqualTo(approver);
        assertThat(whole.path("detail").asText()).isEqualTo(detail);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditLog.Verification v = log.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(3);
        assertThat(log.all()).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(log.all().get(1).prevHash()).isEqualTo(log.all().get(0).hash());
    }

    @Test
    void entriesCannotBeChangedThroughSql() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("sitrep") + ";AUTO_SERVER=TRUE", "sa", "");
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET reason = 'x'")).hasMessageContaining("append-only");
        }
    }

    @Test
    void anEditedEntryIsFound() throws Exception {
        tamper("UPDATE audit_entry SET reason = 'routine maintenance' WHERE seq = 1");
        AuditLog.Verification v = log.verify();
        assertThat(v.brokenAt()).isEqualTo(1L);
        assertThat(v.problem()).contains("changed after it was written");
    }

    @Test
    void aDeletedEntryIsFound() throws Exception {
        tamper("DELETE FROM audit_entry WHERE seq = 2");
        AuditLog.Verification v = log.verify();
        assertThat(v.brokenAt()).isEqualTo(2L);
        assertThat(v.problem()).contains("deleted");
    }

    @Test
    void aDeletedNewestEntryIsFound() throws Exception {
        tamper("DELETE FROM audit_entry WHERE seq = 3");
        assertThat(log.verify().problem()).contains("newest entries were deleted");
    }

    @Test
    void reorderedEntriesAreFound() throws Exception {
        tamper("UPDATE audit_entry SET seq = 99 WHERE seq = 2", "UPDATE audit_entry SET seq = 2 WHERE seq = 3",
                "UPDATE audit_entry SET seq = 3 WHERE seq = 99");
        AuditLog.Verification v = log.verify();
        assertThat(v.brokenAt()).isEqualTo(2L);
        assertThat(v.problem()).contains("does not follow");
    }
}
