package dev.sitrep.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP to a hub, as any console or script would send it. */
final class HubClient {

    /** One answer: its status and its body as JSON. */
    record Answer(int status, JsonNode json) {
        String error() {
            return json.path("error").asText();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HubClient() {
    }

    static Answer call(URI hub, String method, String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        return new Answer(response.statusCode(), text.isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(text));
    }

    static String incident(String key, String id, String declaredBy) {
        return """
                {"key": "%s", "entity": "incident", "id": "%s", "base": 0, "body": {"fields": {"title": "Checkout 5xx",
                 "severity": "SEV2", "status": "investigating", "declaredBy": "%s"}}}""".formatted(key, id, declaredBy);
    }

    static String event(String key, String id, String incident, String actor) {
        return """
                {"key": "%s", "entity": "event", "id": "%s", "base": 0, "body": {"incident": "%s", "type": "note",
                 "text": "pool at 100%%", "actor": "%s", "occurredAt": "2026-11-22T14:35:00Z",
                 "recordedAt": "2026-11-22T14:35:02Z", "supersedes": null, "data": {}}}""".formatted(key, id, incident, actor);
    }

    static String postmortem(String key, String incident, String publishedBy) {
        return """
                {"key": "%s", "entity": "postmortem", "id": "%s", "base": 0, "body": {"doc": {"summary": "pool"},
                 "publishedBy": "%s", "publishedAt": "2026-11-23T10:00:00Z"}}""".formatted(key, incident, publishedBy);
    }

    /** A new incident with the fields the wall shows; the texts are JSON-escaped here. */
    static String incident(String key, String id, String declaredBy, String title, String severity) {
        ObjectNode change = Json.MAPPER.createObjectNode().put("key", key).put("entity", "incident").put("id", id)
                .put("base", 0);
        change.putObject("body").putObject("fields").put("title", title).put("severity", severity)
                .put("status", "investigating").put("declaredBy", declaredBy).put("declaredAt", "2026-11-22T14:32:00Z");
        return change.toString();
    }

    /** Some fields of an incident the hub has at version {@code base}. */
    static String incidentFields(String key, String id, long base, String fieldsJson) {
        return "{\"key\": \"" + key + "\", \"entity\": \"incident\", \"id\": \"" + id + "\", \"base\": " + base
                + ", \"body\": {\"fields\": " + fieldsJson + "}}";
    }

    /** A status update sent for an incident at {@code occurredAt}. */
    static String statusUpdate(String key, String id, String incident, String actor, String occurredAt) {
        return """
                {"key": "%s", "entity": "event", "id": "%s", "base": 0, "body": {"incident": "%s", "type": "status_update",
                 "text": "Update sent", "actor": "%s", "occurredAt": "%s", "recordedAt": "%s", "supersedes": null,
                 "data": {}}}""".formatted(key, id, incident, actor, occurredAt, occurredAt);
    }

    static String push(String origin, String... changes) {
        return "{\"origin\": \"" + origin + "\", \"changes\": [" + String.join(",", changes) + "]}";
    }
}
