package dev.sitrep.platform.so1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.NamedConnector;
import dev.sitrep.platform.PlatformEvent;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.platform.http.JsonValues;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An SO1-style control plane: a generic platform with bearer-token auth. Its kill switch is the
 * feature flags the profile lists: halting disables every one ({@code PATCH
 * /v1/feature-flags/{flag}} with {@code {enabled:false}}) and reads them back; it is halted only
 * when all of them are disabled. When only some are, the state is not halted and its reason starts
 * with {@link #PARTIAL} and names the flags still enabled; a halt or resume that ends that way
 * fails, naming them, so it never passes for done. SO1 does not record a reason, so a full halt's
 * reason is {@code null}; its {@code by} and {@code since} come from the flag changed last.
 * Resuming enables every listed flag, including one that was already off before the halt (SO1
 * keeps no snapshot): list only flags that are on in normal operation.
 */
public final class So1Connector extends NamedConnector {

    static final String FLAGS = "/v1/feature-flags/";
    static final String HEALTH = "/v1/health";
    static final String DEPLOYMENTS = "/v1/deployments";
    static final String INCIDENTS = "/v1/incidents/";
    /** How the reason of a partly halted state begins. */
    public static final String PARTIAL = "Partly halted";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    /** Status calls without credentials, kept as evidence by an endpoint snapshot. */
    public static final java.util.List<String> STATUS_PATHS = java.util.List.of(HEALTH);
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.HEALTH, Capability.KILL_SWITCH_STATUS,
            Capability.KILL_SWITCH_HALT, Capability.KILL_SWITCH_RESUME, Capability.PLATFORM_EVENTS,
            Capability.INCIDENT_RECORDS);

    private final JsonHttp http;
    private final Supplier<String> token;
    private final List<String> flags;
    private final Clock clock;

    /**
     * @param flags the feature flags that together are this platform's kill switch; at least one
     */
    public So1Connector(String name, JsonHttp http, Supplier<String> token, List<String> flags, Clock clock) {
        super(name, PlatformKind.SO1, CAPABILITIES);
        if (flags == null || flags.stream().allMatch(f -> f == null || f.isBlank())) {
            throw SitrepException.invalid("The SO1 profile " + name() + " lists no feature flags; its kill switch is "
                    + "disabling them, so list the flags to disable on the profile.");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String f : flags) {
            if (f != null && !f.isBlank()) {
                unique.add(flag(f.strip(), name));
            }
        }
        this.http = http;
        this.token = token;
        this.flags = List.copyOf(unique);
        this.clock = clock;
    }

    /** SO1's error body: {@code error}, else {@code message}, else {@code detail} (text or an object with one). */
    public static String errorMessage(JsonNode body) {
        for (String field : List.of("error", "message", "detail")) {
            JsonNode n = body.path(field);
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
            if (n.isObject()) {
                return n.path("message").asText(n.toString());
            }
            if (n.isArray() && !n.isEmpty()) {
                return n.toString();
            }
        }
        return "";
    }

    /** The flags that make up this profile's kill switch, in the profile's order. */
    public List<String> flags() {
        return flags;
    }

    /** {@code ok}/{@code healthy} is HEALTHY, {@code degraded} DEGRADED, anything else or a 503 UNHEALTHY. */
    @Override
    public Health health() {
        JsonHttp.Answer answer = http.get(HEALTH, auth());
        if (!answer.ok() && answer.status() != 503) {
            throw http.failure(answer);
        }
        JsonNode body = answer.json();
        String status = body.path("status").asText("");
        Map<String, String> checks = new LinkedHashMap<>();
        body.path("checks").fields().forEachRemaining(e -> checks.put(e.getKey(), e.getValue().isValueNode()
                ? e.getValue().asText() : e.getValue().path("status").asText(e.getValue().toString())));
        String version = body.path("version").isValueNode() ? body.path("version").asText() : null;
        if (answer.status() == 503) {
            String said = http.platformSays(body);
            return new Health(Health.Status.UNHEALTHY, version, checks, clock.instant(), "unavailable (HTTP 503"
                    + (status.isEmpty() ? "" : ", status '" + status + "'") + ")"
                    + (said.isEmpty() ? "" : ": " + said));
        }
        return switch (status) {
            case "ok", "healthy" -> new Health(Health.Status.HEALTHY, version, checks, clock.instant(), null);
            case "degraded" -> new Health(Health.Status.DEGRADED, version, checks, clock.instant(), "degraded");
            default -> new Health(Health.Status.UNHEALTHY, version, checks, clock.instant(),
                    "status '" + status + "'");
        };
    }

    /** Every listed flag as SO1 answers it now. */
    public List<FlagState> flagStates() {
        List<FlagState> out = new ArrayList<>();
        for (String flag : flags) {
            out.add(flag(call("GET", FLAGS + flag, null), flag));
        }
        return out;
    }

    @Override
    public KillSwitchState killSwitchStatus() {
        return state(flagStates());
    }

    /** Disables every listed flag, then reads them back; fails, naming the flags, unless all are off. */
    @Override
    public KillSwitchState halt(String reason, String actor) {
        return set(false);
    }

    /** Enables every listed flag ({@code mode} does not apply: SO1 has one way back), then reads them back. */
    @Override
    public KillSwitchState resume(String mode, String actor) {
        return set(true);
    }

    /** SO1's platform events are its deployments. */
    @Override
    public List<PlatformEvent> platformEvents(int limit) {
        return recentDeployments(limit);
    }

    /** The latest deployments, newest first as SO1 lists them; {@code limit} is kept within 1..100. */
    public List<PlatformEvent> recentDeployments(int limit) {
        int n = Math.max(1, Math.min(100, limit));
        JsonNode body = call("GET", DEPLOYMENTS + "?limit=" + n, null);
        JsonNode list = body.isArray() ? body : body.path("deployments");
        if (!list.isArray()) {
            throw PlatformException.unreachable(name(), "the deployments answer is not a JSON array; is the URL the "
                    + "control plane's API?", null);
        }
        List<PlatformEvent> out = new ArrayList<>();
        list.forEach(d -> out.add(deployment(d)));
        return out;
    }

    /**
     * Updates an incident record. Fields given as {@code null} are left out of the PATCH, so SO1
     * keeps what it has for them.
     */
    public void updateIncident(String id, String status, String resolutionSummary, Instant resolvedAt) {
        String incident = checked(id == null ? "" : id.strip(), "incident id", name());
        if (status == null || status.isBlank()) {
            throw SitrepException.invalid("Give the incident status to set on " + name() + " (e.g. resolved).");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.strip());
        if (resolutionSummary != null) {
            body.put("resolution_summary", resolutionSummary);
        }
        if (resolvedAt != null) {
            body.put("resolved_at", resolvedAt.toString());
        }
        call("PATCH", INCIDENTS + incident, body);
    }

    private KillSwitchState set(boolean enabled) {
        String verb = enabled ? "resume" : "halt";
        Map<String, PlatformException> failed = new LinkedHashMap<>();
        for (String flag : flags) {
            try {
                call("PATCH", FLAGS + flag, Map.of("enabled", enabled));
            } catch (PlatformException e) {
                failed.put(flag, e); // go on: every other flag disabled is still worth having
            }
        }
        List<FlagState> now;
        try {
            now = flagStates();
        } catch (PlatformException e) {
            throw PlatformException.unreachable(name(), "the " + verb + " was sent" + (failed.isEmpty() ? ""
                    : " (refused for " + String.join(", ", failed.keySet()) + ")") + " but the flags could not be read "
                    + "back (" + e.getMessage() + "); read the kill-switch status again before going on", e);
        }
        List<String> wrong = now.stream().filter(f -> f.enabled() != enabled).map(FlagState::name).toList();
        if (wrong.isEmpty()) {
            return state(now);
        }
        List<String> done = now.stream().filter(f -> f.enabled() == enabled).map(FlagState::name).toList();
        String message = verb + " incomplete: " + String.join(", ", wrong) + (wrong.size() == 1 ? " is" : " are")
                + " still " + (enabled ? "disabled" : "enabled") + " (" + done.size() + " of " + flags.size()
                + " flags " + (enabled ? "enabled" : "disabled") + (done.isEmpty() ? "" : ": " + String.join(", ", done))
                + ")";
        PlatformException first = wrong.stream().map(failed::get).filter(Objects::nonNull).findFirst().orElse(null);
        KillSwitchState left = state(now);
        if (first == null) {
            throw PlatformException.refused(name(), message + "; SO1 accepted the change but did not apply it. Try "
                    + "again, or " + (enabled ? "enable" : "disable") + " the flags in SO1 by hand.").leaving(left);
        }
        String because = "; " + first.getMessage();
        if (first.kind() == SitrepException.Kind.PLATFORM_REFUSED) {
            throw PlatformException.refused(name(), message + because).leaving(left);
        }
        throw PlatformException.unreachable(name(), message + because, first).leaving(left);
    }

    private KillSwitchState state(List<FlagState> now) {
        Map<String, Boolean> parts = new LinkedHashMap<>();
        now.forEach(f -> parts.put(f.name(), !f.enabled()));
        List<String> enabled = now.stream().filter(FlagState::enabled).map(FlagState::name).toList();
        if (enabled.size() == now.size()) {
            return new KillSwitchState(name(), false, null, null, null, clock.instant(), parts);
        }
        if (!enabled.isEmpty()) {
            List<String> disabled = now.stream().filter(f -> !f.enabled()).map(FlagState::name).toList();
            return new KillSwitchState(name(), false, null, null, PARTIAL + ": " + String.join(", ", enabled)
                    + (enabled.size() == 1 ? " is" : " are") + " still enabled (disabled: "
                    + String.join(", ", disabled) + "); halt again to disable the rest", clock.instant(), parts);
        }
        FlagState last = now.stream().filter(f -> f.updatedAt() != null).max(Comparator.comparing(FlagState::updatedAt))
                .orElse(null);
        return new KillSwitchState(name(), true, last == null ? null : last.updatedAt(),
                last == null ? null : last.updatedBy(), null, clock.instant(), parts);
    }

    /** True when {@code state} is a partly halted SO1 kill switch. */
    public static boolean isPartial(KillSwitchState state) {
        return !state.halted() && state.reason() != null && state.reason().startsWith(PARTIAL);
    }

    private JsonNode call(String method, String path, Object body) {
        JsonHttp.Answer answer = http.send(method, path, body, auth());
        if (answer.status() == 401) {
            String said = http.platformSays(answer.json());
            throw PlatformException.refused(name(), 401, (said.isEmpty() ? "unauthorized" : said) + "; the profile's API "
                    + "token is wrong or expired: store a current one on the profile");
        }
        if (!answer.ok()) {
            throw http.failure(answer);
        }
        return answer.json();
    }

    private Map<String, String> auth() {
        String t = token.get();
        if (t == null || t.isBlank()) {
            throw SitrepException.invalid("No API token for the SO1 profile " + name() + "; store the token on the "
                    + "profile (it is sent as Authorization: Bearer).");
        }
        return Map.of("Authorization", "Bearer " + t.strip());
    }

    private FlagState flag(JsonNode f, String asked) {
        if (!f.path("enabled").isBoolean()) {
            throw PlatformException.unreachable(name(), "the answer for feature flag " + asked + " has no boolean "
                    + "'enabled'; is the URL the control plane's API?", null);
        }
        return new FlagState(asked, f.path("enabled").asBoolean(),
                JsonValues.instant(f.path("updated_at")), JsonValues.text(f.path("updated_by")));
    }

    private static PlatformEvent deployment(JsonNode d) {
        StringBuilder line = new StringBuilder(d.path("service").asText("?"));
        String version = JsonValues.text(d.path("version"));
        String status = JsonValues.text(d.path("status"));
        String by = JsonValues.text(d.path("deployed_by"));
        if (version != null) {
            line.append(' ').append(version);
        }
        if (status != null) {
            line.append(' ').append(status);
        }
        if (by != null) {
            line.append(", deployed by ").append(by);
        }
        return new PlatformEvent(d.path("id").asText(), "deployment", line.toString(), JsonValues.instant(d.path("deployed_at")));
    }

    /** A feature flag's name as it goes into the URL path: at most 200 characters; refused otherwise. */
    public static String flag(String value, String platform) {
        return checked(value, "feature flag", platform);
    }

    private static String checked(String value, String what, String platform) {
        if (!NAME.matcher(value).matches()) {
            throw SitrepException.invalid(Limits.quote(value) + " is not a usable " + what + " for " + platform + ": use letters, "
                    + "digits, '.', '_', ':' and '-'; at most 200 characters (it goes into the URL path).");
        }
        return value;
    }



    @Override
    public void close() {
        http.close();
    }
}
