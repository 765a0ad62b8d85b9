package dev.sitrep.platform.cullis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.NamedConnector;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.platform.http.JsonValues;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Cullis, the agent trust broker, spoken as its FastAPI does. It has no halt: containment is
 * revoking an organisation's agent certificates with {@code POST /v1/admin/certs/revoke} (header
 * {@code x-admin-secret}), and {@code GET /v1/admin/certs/revoked?org_id=} lists what is revoked.
 * Health is {@code /health} (alive) plus {@code /readyz} (database, redis, kms; 503 while not
 * ready or draining). Errors are {@code {"detail": ...}}. The admin secret is sent only in its
 * header and never appears in a message, even when the broker quotes it back.
 */
public final class CullisConnector extends NamedConnector {

    static final String HEALTH = "/health";
    static final String READY = "/readyz";
    static final String REVOKE = "/v1/admin/certs/revoke";
    static final String REVOKED = "/v1/admin/certs/revoked";
    static final String SECRET_HEADER = "x-admin-secret";
    /** Cullis keeps serials in a 64-character column and organisation ids in a 128-character one. */
    private static final Pattern SERIAL = Pattern.compile("[0-9a-fA-F]{1,64}");
    private static final Pattern ORG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    /** Status calls without credentials, kept as evidence by an endpoint snapshot. */
    public static final java.util.List<String> STATUS_PATHS = java.util.List.of(HEALTH, READY);
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.HEALTH, Capability.CONTAINMENT);

    private final JsonHttp http;
    private final Supplier<String> adminSecret;
    private final Clock clock;

    public CullisConnector(String name, JsonHttp http, Supplier<String> adminSecret, Clock clock) {
        super(name, PlatformKind.CULLIS, CAPABILITIES);
        this.http = http;
        this.adminSecret = adminSecret;
        this.clock = clock;
    }

    /**
     * FastAPI's error body: {@code {"detail": "text"}}, or for validation errors a list of
     * {@code {loc, msg}} objects, given here as "field: msg; field: msg".
     */
    public static String errorMessage(JsonNode body) {
        JsonNode detail = body.path("detail");
        if (detail.isTextual()) {
            return detail.asText();
        }
        if (detail.isArray()) {
            List<String> parts = new ArrayList<>();
            detail.forEach(d -> {
                String msg = d.path("msg").asText(d.isTextual() ? d.asText() : "");
                JsonNode loc = d.path("loc");
                String field = loc.isArray() && !loc.isEmpty() ? loc.get(loc.size() - 1).asText() : "";
                if (!msg.isEmpty()) {
                    parts.add(field.isEmpty() ? msg : field + ": " + msg);
                }
            });
            return String.join("; ", parts);
        }
        if (detail.isObject()) {
            return detail.path("message").asText(detail.path("msg").asText(detail.toString()));
        }
        return "";
    }

    /**
     * Alive from {@code /health}, ready from {@code /readyz}: a 503 there is UNHEALTHY with the
     * reason (not ready, or draining because the broker is shutting down) and the checks it gave.
     */
    @Override
    public Health health() {
        JsonHttp.Answer alive = http.get(HEALTH, Map.of());
        if (!alive.ok()) {
            throw http.failure(alive);
        }
        String version = JsonValues.text(alive.json().path("version"));
        JsonHttp.Answer ready = http.get(READY, Map.of());
        if (!ready.ok() && ready.status() != 503) {
            throw http.failure(ready);
        }
        JsonNode body = ready.json().path("detail").isObject() ? ready.json().path("detail") : ready.json();
        Map<String, String> checks = checks(body.path("checks"));
        String status = body.path("status").asText("");
        if (ready.ok() && status.equals("ready")) {
            return new Health(Health.Status.HEALTHY, version, checks, clock.instant(), null);
        }
        if (ready.ok()) {
            return new Health(Health.Status.DEGRADED, version, checks, clock.instant(),
                    "readyz answered status '" + status + "' instead of 'ready'" + failing(checks));
        }
        String detail = switch (status) {
            case "draining" -> "draining: the broker is shutting down and takes no new work" + failing(checks);
            case "not_ready" -> "not ready" + failing(checks);
            default -> "not ready (readyz answered HTTP 503" + (status.isEmpty() ? "" : " '" + status + "'") + ")"
                    + failing(checks);
        };
        return new Health(Health.Status.UNHEALTHY, version, checks, clock.instant(), detail);
    }

    /**
     * Revokes one agent certificate of {@code orgId}. A serial Cullis already revoked is not an
     * error: the existing revocation is read back and answered.
     *
     * @param serialHex the certificate serial in hex digits, without colons
     * @param reason    optional; Cullis keeps it with the revocation
     * @param revokedBy who revokes (Cullis requires it)
     */
    public Revocation revoke(String serialHex, String orgId, String reason, String revokedBy) {
        String serial = serial(serialHex);
        String org = org(orgId);
        if (revokedBy == null || revokedBy.isBlank()) {
            throw SitrepException.invalid("Cullis records who revoked a certificate; give the actor (" + SitrepException.input("actor")
                    + " NAME or SITREP_ACTOR).");
        }
        String secret = secret();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("serial_hex", serial);
        body.put("org_id", org);
        body.put("reason", reason == null || reason.isBlank() ? null : reason.strip());
        body.put("revoked_by", revokedBy.strip());
        JsonHttp.Answer answer = guarded(secret, () -> http.send("POST", REVOKE, body, Map.of(SECRET_HEADER, secret)));
        if (answer.status() == 409 && http.platformSays(answer.json()).toLowerCase(Locale.ROOT).contains("already")) {
            return revocations(org).stream().filter(r -> serial.equalsIgnoreCase(r.serialHex())).findFirst()
                    .orElseThrow(() -> failure(answer, secret));
        }
        if (!answer.ok()) {
            throw failure(answer, secret);
        }
        JsonNode r = answer.json();
        return new Revocation(r.path("serial_hex").asText(serial), r.path("org_id").asText(org),
                JsonValues.instant(r.path("revoked_at")), revokedBy.strip(), JsonValues.text(r.path("reason")), JsonValues.text(r.path("agent_id")),
                JsonValues.text(r.path("message")));
    }

    /** The certificates Cullis lists as revoked for {@code orgId}. */
    public List<Revocation> revocations(String orgId) {
        String org = org(orgId);
        String secret = secret();
        JsonHttp.Answer answer = guarded(secret, () -> http.get(REVOKED + "?org_id="
                + URLEncoder.encode(org, StandardCharsets.UTF_8), Map.of(SECRET_HEADER, secret)));
        if (!answer.ok()) {
            throw failure(answer, secret);
        }
        if (!answer.json().isArray()) {
            throw PlatformException.unreachable(name(), answer.status(), "the list of revoked certificates is not a JSON "
                    + "array; is the URL the broker's API?");
        }
        List<Revocation> out = new ArrayList<>();
        answer.json().forEach(r -> out.add(new Revocation(r.path("serial_hex").asText(), r.path("org_id").asText(org),
                JsonValues.instant(r.path("revoked_at")), JsonValues.text(r.path("revoked_by")), JsonValues.text(r.path("reason")),
                JsonValues.text(r.path("agent_id")), null)));
        return out;
    }

    /** A certificate serial as Cullis keeps it: 1 to 64 hex digits; refused (before anything is sent) otherwise. */
    public static String serial(String serialHex) {
        String s = serialHex == null ? "" : serialHex.strip();
        if (!SERIAL.matcher(s).matches()) {
            throw SitrepException.invalid(Limits.quote(serialHex) + " is not a certificate serial Cullis knows: give 1 "
                    + "to 64 hex digits without colons or spaces (openssl x509 -noout -serial prints it after 'serial=').");
        }
        return s;
    }

    /** An organisation id as Cullis keeps it: at most 128 characters; refused (before anything is sent) otherwise. */
    public static String org(String orgId) {
        String o = orgId == null ? "" : orgId.strip();
        if (!ORG.matcher(o).matches()) {
            throw SitrepException.invalid(Limits.quote(orgId) + " is not a Cullis organisation id: give the org_id as "
                    + "the broker shows it (letters, digits, '.', '_', ':', '@', '-'; at most 128 characters).");
        }
        return o;
    }

    private String secret() {
        String secret = adminSecret.get();
        if (secret == null || secret.isBlank()) {
            throw SitrepException.invalid("No admin secret for the Cullis profile " + name() + "; store the broker's "
                    + "admin secret on the profile (it is sent only in the x-admin-secret header).");
        }
        return secret;
    }

    /** Keeps the secret out of any message the HTTP layer builds (an echo in a non-JSON page, say). */
    private JsonHttp.Answer guarded(String secret, Supplier<JsonHttp.Answer> call) {
        try {
            return call.get();
        } catch (PlatformException e) {
            if (!leaks(e.getMessage(), secret)) {
                throw e;
            }
            throw PlatformException.unreachable(name(), "the broker's answer quoted the admin secret back, so Sitrep "
                    + "does not show it; check the broker's logs", null);
        }
    }

    /** True when {@code message} holds the secret or eight characters of it (a preview may cut it short). */
    static boolean leaks(String message, String secret) {
        if (message == null) {
            return false;
        }
        int window = Math.min(secret.length(), 8);
        for (int i = 0; i + window <= secret.length(); i++) {
            if (message.contains(secret.substring(i, i + window))) {
                return true;
            }
        }
        return false;
    }

    /** The platform's words as a refusal, with the secret cut out should the broker quote it. */
    private PlatformException failure(JsonHttp.Answer answer, String secret) {
        if (!answer.json().toString().contains(secret)) {
            return http.failure(answer);
        }
        String redacted = answer.json().toString().replace(secret, "[admin secret]");
        try {
            return http.failure(new JsonHttp.Answer(answer.status(), dev.sitrep.core.Json.MAPPER.readTree(redacted),
                    answer.headers()));
        } catch (java.io.IOException e) {
            return http.failure(new JsonHttp.Answer(answer.status(), dev.sitrep.core.Json.MAPPER.nullNode(),
                    answer.headers()));
        }
    }

    private static Map<String, String> checks(JsonNode checks) {
        Map<String, String> out = new LinkedHashMap<>();
        checks.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                : e.getValue().path("status").asText(e.getValue().toString())));
        return out;
    }

    private static String failing(Map<String, String> checks) {
        Set<String> good = Set.of("ok", "true", "ready", "healthy", "up");
        List<String> bad = checks.entrySet().stream()
                .filter(e -> !good.contains(e.getValue().toLowerCase(Locale.ROOT)))
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        return bad.isEmpty() ? "" : " (" + String.join(", ", bad) + ")";
    }



    @Override
    public void close() {
        http.close();
    }
}
