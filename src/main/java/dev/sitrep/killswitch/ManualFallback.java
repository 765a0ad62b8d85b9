package dev.sitrep.killswitch;

import dev.sitrep.core.PlatformProfile;
import dev.sitrep.platform.Secrets;
import dev.sitrep.platform.weathervane.WeathervaneConnector;


/**
 * What a commander can run by hand when Sitrep cannot reach a platform: the exact request or
 * SQL, ready to copy. Secrets are never filled in: they stay variables to set.
 */
public final class ManualFallback {

    private ManualFallback() {
    }

    public static String halt(PlatformProfile p, String reason) {
        return switch (p.kind()) {
            case POWERNODE -> powernodeLogin(p) + "\ncurl -sS -X POST '" + base(p) + "/api/v1/ai/kill_switch/halt' "
                    + "-H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '{\"reason\":"
                    + json(reason) + "}'";
            case SO1 -> String.join("\n", p.flags().stream().map(flag -> "curl -sS -X PATCH '" + base(p)
                    + "/v1/feature-flags/" + flag + "' -H \"Authorization: Bearer $" + Secrets.variableFor(p.name())
                    + "\" -H 'Content-Type: application/json' -d '{\"enabled\":false}'").toList());
            case WEATHERVANE -> "sqlite3 '" + p.path() + "' \"" + WeathervaneConnector.manualSql(true) + "\"";
            case CULLIS -> "Cullis has no halt; contain instead by revoking the organisation's certificates "
                    + "(sitrep contain revoke-cert).";
            case SITREP -> "curl -sS -X POST '" + base(p) + "/sitrep/v1/kill-switch/halt' -H \"Authorization: Bearer $"
                    + Secrets.variableFor(p.name()) + "\" -H 'Content-Type: application/json' -d '{\"reason\":"
                    + json(reason) + "}'";
        };
    }

    public static String resume(PlatformProfile p, String mode) {
        return switch (p.kind()) {
            case POWERNODE -> powernodeLogin(p) + "\ncurl -sS -X POST '" + base(p) + "/api/v1/ai/kill_switch/resume' "
                    + "-H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '{\"mode\":\""
                    + (mode == null ? "full" : mode) + "\"}'";
            case SO1 -> String.join("\n", p.flags().stream().map(flag -> "curl -sS -X PATCH '" + base(p)
                    + "/v1/feature-flags/" + flag + "' -H \"Authorization: Bearer $" + Secrets.variableFor(p.name())
                    + "\" -H 'Content-Type: application/json' -d '{\"enabled\":true}'").toList());
            case WEATHERVANE -> "sqlite3 '" + p.path() + "' \"" + WeathervaneConnector.manualSql(false) + "\"";
            case CULLIS -> "Cullis has no halt to resume.";
            case SITREP -> "curl -sS -X POST '" + base(p) + "/sitrep/v1/kill-switch/resume' -H \"Authorization: Bearer $"
                    + Secrets.variableFor(p.name()) + "\" -H 'Content-Type: application/json' -d '{\"mode\":\""
                    + (mode == null ? "full" : mode) + "\"}'";
        };
    }

    public static String revoke(PlatformProfile p, String org, String serial, String reason, String actor) {
        return "curl -sS -X POST '" + base(p) + "/v1/admin/certs/revoke' -H \"x-admin-secret: $"
                + Secrets.variableFor(p.name()) + "\" -H 'Content-Type: application/json' -d '{\"serial_hex\":"
                + json(serial) + ",\"org_id\":" + json(org) + ",\"reason\":" + json(reason) + ",\"revoked_by\":"
                + json(actor) + "}'";
    }

    private static String powernodeLogin(PlatformProfile p) {
        return "TOKEN=$(curl -sS -X POST '" + base(p) + "/api/v1/auth/login' -H 'Content-Type: application/json' "
                + "-d '{\"email\":\"" + p.email() + "\",\"password\":\"'\"$" + Secrets.variableFor(p.name()) + "\"'\"}' "
                + "| sed -n 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/p')";
    }

    private static String base(PlatformProfile p) {
        return p.url().endsWith("/") ? p.url().substring(0, p.url().length() - 1) : p.url();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "'\\''") + "\"";
    }
}
