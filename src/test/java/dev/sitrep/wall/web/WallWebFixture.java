package dev.sitrep.wall.web;

import dev.sitrep.comms.StatusUpdates;
import dev.sitrep.core.Incident;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.store.ChangeFeed;
import dev.sitrep.store.Store;
import dev.sitrep.wall.WallModel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** A real store in a temp dir, the wall's model and feed on it, and the browser wall on 127.0.0.1. */
final class WallWebFixture implements AutoCloseable {

    final Store store;
    final IncidentService incidents;
    final WallServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WallWebFixture(Path dir, WallAccess access) throws IOException {
        this(dir, access, Clock.systemUTC());
    }

    WallWebFixture(Path dir, WallAccess access, Clock clock) throws IOException {
        store = Store.open(dir);
        incidents = new IncidentService(store, clock, () -> "maria", new SecureRandom());
        WallModel model = new WallModel(store, incidents, new StatusUpdates(store, incidents, clock), clock,
                ZoneId.of("Europe/Berlin"));
        server = WallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new WallFeed(model, new ChangeFeed(store)), access);
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
        return new ChangeFeed(store).latest();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
