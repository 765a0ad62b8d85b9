package dev.sitrep.platform;

import dev.sitrep.core.PlatformProfile;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.platform.http.PlatformUrl;
import dev.sitrep.platform.cullis.CullisConnector;
import dev.sitrep.platform.powernode.PowernodeConnector;
import dev.sitrep.platform.sitrep.SitrepConnector;
import dev.sitrep.platform.so1.So1Connector;
import dev.sitrep.platform.weathervane.WeathervaneConnector;

import java.time.Clock;
import java.time.Duration;

/** Makes the connector a profile describes. Secrets are fetched only when a call needs them. */
public final class Connectors {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private Connectors() {
    }

    public static PlatformConnector open(PlatformProfile profile, Secrets secrets, Clock clock) {
        String name = profile.name();
        return switch (profile.kind()) {
            case POWERNODE -> new PowernodeConnector(name, http(profile, PowernodeConnector::errorMessage),
                    profile.email(), () -> secrets.secretFor(name), clock);
            case CULLIS -> new CullisConnector(name, http(profile, CullisConnector::errorMessage),
                    () -> secrets.secretFor(name), clock);
            case SO1 -> new So1Connector(name, http(profile, So1Connector::errorMessage), () -> secrets.secretFor(name),
                    profile.flags(), clock);
            case WEATHERVANE -> new WeathervaneConnector(name, profile.path(), clock);
            case SITREP -> new SitrepConnector(name, http(profile, SitrepConnector::errorMessage,
                    SitrepConnector.MAX_ANSWER), () -> secrets.secretFor(name), clock);
        };
    }

    /**
     * The GET calls of a kind that need no secret and tell how it is (health, readiness), first
     * the one an endpoint snapshot takes by default; none for weathervane, which is a file.
     */
    public static java.util.List<String> statusPaths(dev.sitrep.core.PlatformKind kind) {
        return switch (kind) {
            case POWERNODE -> PowernodeConnector.STATUS_PATHS;
            case CULLIS -> CullisConnector.STATUS_PATHS;
            case SO1 -> So1Connector.STATUS_PATHS;
            case SITREP -> SitrepConnector.STATUS_PATHS;
            case WEATHERVANE -> java.util.List.of();
        };
    }

    /** A snapshot of one status call of the profile's platform (a GET without credentials). */
    public static dev.sitrep.platform.http.EndpointSnapshot snapshot(PlatformProfile profile, String path, Clock clock) {
        if (!profile.kind().usesUrl()) {
            throw dev.sitrep.core.SitrepException.invalid(profile.name() + " is a " + profile.kind().key()
                    + " platform, reached through a file, not HTTP: add its file as evidence instead.");
        }
        okhttp3.OkHttpClient client = JsonHttp.client(profile.caCert(), CALL_TIMEOUT);
        try {
            return dev.sitrep.platform.http.EndpointSnapshot.take(profile.name(), PlatformUrl.parse(profile.url()), path,
                    client, clock.instant());
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static JsonHttp http(PlatformProfile profile, java.util.function.Function<com.fasterxml.jackson.databind.JsonNode,
            String> dialect) {
        return http(profile, dialect, JsonHttp.MAX_BODY);
    }

    private static JsonHttp http(PlatformProfile profile, java.util.function.Function<com.fasterxml.jackson.databind.JsonNode,
            String> dialect, long maxAnswer) {
        return new JsonHttp(profile.name(), PlatformUrl.parse(profile.url()), JsonHttp.client(profile.caCert(), CALL_TIMEOUT),
                dialect, maxAnswer);
    }
}
