package dev.sitrep.wall.web;

import dev.sitrep.core.Incident;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestServices;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** A real store in a temp dir, the wall's model and feed on it, and the browser wall on 127.0.0.1. */
final class WallWebFixture implements AutoCloseable {

    final Store store;
    private final Services services;
    final IncidentService incidents;
    final WallServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WallWebFixture(Path dir, WallAccess access) throws IOException {
        this(dir, access, Clock.systemUTC());
    }

    WallWebFixture(Path dir, WallAccess access, Clock clock) throws IOException {
        store = Store.open(dir);
        services = TestServices.on(store, "maria").clock(clock).build();
        incidents = services.incidents();
        server = WallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new WallFeed(services.wall(ZoneId.of("Europe/Berlin")), services.changes()), access);
    }

    Incident declare(String title, String severity) {
        return incidents.declare(new Declaration(title, severity, null, List.of(), null, false, null));
    }

    /** {@code path} on this server, with the token when the server requires one. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path
                + server.access().token().map(t -> (path.contains("?") ? "&" : "?") + "token=" + t).orElse(""));
    }

    URI bare(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + pathAndQuery);
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    long changeSeq() {
        return services.changes().latest();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
