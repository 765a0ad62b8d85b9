package dev.sitrep.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.core.TeamLimits;
import dev.sitrep.store.OutboxRepository;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The next push to a team platform out of the oldest waiting changes: in order, as many as one
 * push request holds ({@link TeamLimits#PUSH_MAX_BYTES}, and always at least one). A change over
 * the contract's limits (queued by an older version, or by the first sync's backfill) is not sent
 * but listed with the reason, for the caller to set aside: it can never be taken as it is.
 */
record PushBatch(List<Outgoing> send, Map<OutboxRepository.Row, String> aside) {

    /** The most a change adds to a request beside its body (key, kind, id, base), and the request's own frame. */
    private static final int CHANGE_BYTES = 256;
    private static final int FRAME_BYTES = 1024;

    /** A change to send, its body read. */
    record Outgoing(OutboxRepository.Row row, JsonNode body) {
    }

    static PushBatch of(List<OutboxRepository.Row> rows) {
        List<Outgoing> send = new ArrayList<>();
        Map<OutboxRepository.Row, String> aside = new LinkedHashMap<>();
        long bytes = FRAME_BYTES;
        for (OutboxRepository.Row row : rows) {
            JsonNode body = Json.tree(row.body());
            String problem = TeamLimits.problem(row.entity(), row.entityId(), body);
            if (problem != null) {
                aside.put(row, "not sent, over the team contract's limits: " + problem);
                continue;
            }
            long size = row.body().getBytes(StandardCharsets.UTF_8).length + CHANGE_BYTES;
            if (!send.isEmpty() && bytes + size > TeamLimits.PUSH_MAX_BYTES) {
                break;
            }
            send.add(new Outgoing(row, body));
            bytes += size;
        }
        return new PushBatch(send, aside);
    }
}
