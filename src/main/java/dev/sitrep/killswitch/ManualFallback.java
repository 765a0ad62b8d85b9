package dev.sitrep.killswitch;

import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.platform.Secrets;
import dev.sitrep.platform.weathervane.WeathervaneConnector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * What a commander can run by hand when Sitrep cannot reach a platform: the exact request or
 * SQL, ready to copy into a POSIX shell. Every value typed into Sitrep or kept on a profile is
 * shell-quoted (quotes, spaces, $() and backticks stay text). Secrets are never filled in: they
 * stay variables to set.
 */
public final class ManualFallback {

    private ManualFallback() {
    }

    public static String halt(PlatformProfile p, String reason) {
        return halt(p, reason, p.flags());
    }

    /** As {@link #halt(PlatformProfile, String)}, for so1 disabling only {@code flags} (those a partial halt left enabled). */
    public static String halt(PlatformProfile p, String reason, List<String> flags) {
        return switch (p.kind()) {
            case POWERNODE -> powernodeLogin(p) + "\ncurl -sS -X POST " + url(p, "/api/v1/ai/kill_switch/halt")
                    + " -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d "
                    + body("reason", reason);
            case SO1 -> so1(p, flags, false);
            case WEATHERVANE -> "sqlite3 " + quote(String.valueOf(p.path())) + " \"" + WeathervaneConnector.manualSql(true)
                    + "\"";
            case CULLIS -> "Cullis has no halt; contain instead by revoking the organisation's certificates "
                    + "(sitrep contain revoke-cert).";
            case SITREP -> "curl -sS -X POST " + url(p, "/sitrep/v1/kill-switch/halt") + " -H \"Authorization: Bearer $"
                    + Secrets.variableFor(p.name()) + "\" -H 'Content-Type: application/json' -d " + body("reason", reason);
        };
    }

    public static String resume(PlatformProfile p, String mode) {
        return resume(p, mode, p.flags());
    }

    /** As {@link #resume(PlatformProfile, String)}, for so1 enabling only {@code flags} (those a partial resume left disabled). */
    public static String resume(PlatformProfile p, String mode, List<String> flags) {
        String full = mode == null ? "full" : mode;
        return switch (p.kind()) {
            case POWERNODE -> powernodeLogin(p) + "\ncurl -sS -X POST " + url(p, "/api/v1/ai/kill_switch/resume")
                    + " -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d " + body("mode", full);
            case SO1 -> so1(p, flags, true);
            case WEATHERVANE -> "sqlite3 " + quote(String.valueOf(p.path())) + " \"" + WeathervaneConnector.manualSql(false)
                    + "\"";
            case CULLIS -> "Cullis has no halt to resume.";
            case SITREP -> "curl -sS -X POST " + url(p, "/sitrep/v1/kill-switch/resume") + " -H \"Authorization: Bearer $"
                    + Secrets.variableFor(p.name()) + "\" -H 'Content-Type: application/json' -d " + body("mode", full);
        };
    }

    public static String revoke(PlatformProfile p, String org, String serial, String reason, String actor) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("serial_hex", serial);
        body.put("org_id", org);
        body.put("reason", reason);
        body.put("revoked_by", actor);
        return "curl -sS -X POST " + url(p, "/v1/admin/certs/revoke") + " -H \"x-admin-secret: $"
                + Secrets.variableFor(p.name()) + "\" -H 'Content-Type: application/json' -d " + quote(Json.write(body));
    }

    private static String so1(PlatformProfile p, List<String> flags, boolean enabled) {
        return String.join("\n", flags.stream().map(flag -> "curl -sS -X PATCH " + url(p, "/v1/feature-flags/" + flag)
                + " -H \"Authorization: Bearer $" + Secrets.variableFor(p.name()) + "\" -H 'Content-Type: application/json' "
                + "-d '{\"enabled\":" + enabled + "}'").toList());
    }

    private static String powernodeLogin(PlatformProfile p) {
        String email = Json.write(String.valueOf(p.email()));
        return "TOKEN=$(curl -sS -X POST " + url(p, "/api/v1/auth/login") + " -H 'Content-Type: application/json' "
                + "-d " + quote("{\"email\":" + email + ",\"password\":\"") + "\"$" + Secrets.variableFor(p.name()) + "\""
                + quote("\"}") + " | sed -n 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/p')";
    }

    private static String url(PlatformProfile p, String path) {
        String base = p.url().endsWith("/") ? p.url().substring(0, p.url().length() - 1) : p.url();
        return quote(base + path);
    }

    /** {@code {"key": value}} as a shell word. */
    private static String body(String key, String value) {
        return quote(Json.write(Map.of(key, value)));
    }

    /** {@code value} as one POSIX shell word: single-quoted, each single quote written as '\''. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
