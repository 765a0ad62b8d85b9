package dev.sitrep.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.testing.SelfSignedPem;
import dev.sitrep.testing.TestPostgres;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hub's container image copies really runs the hub. The test stages the jars with the
 * Containerfile's own script ({@code packaging/hub/stage-hub.sh}, which leaves out what
 * {@code packaging/hub/exclude-jars.txt} names), compiles the health probe as the image's build
 * stage does, and runs the Containerfile's ENTRYPOINT + CMD and HEALTHCHECK lines, read from the
 * file, with the image's paths mapped onto the staged directory, the test's PEM files and a
 * temporary data directory.
 *
 * <p>It stages from {@code target/sitrep.jar} and {@code target/lib} when {@code mvn package} made
 * them after the last compile (exactly what the image build copies). Otherwise (a test run before
 * the package phase, as in CI) it makes a stand-in target from the classes under test and the jars
 * of the test class path, so the script's rule and {@code java -jar} still run; that stand-in's
 * lib also holds the test-only jars, which the hub never loads.
 */
class HubImageLayoutTest {

    private static final Path HUB_PACKAGING = Path.of("packaging", "hub");
    private static final Path CONTAINERFILE = HUB_PACKAGING.resolve("Containerfile");
    private static final Path STAGE_SCRIPT = HUB_PACKAGING.resolve("stage-hub.sh");
    private static final Path EXCLUDED = HUB_PACKAGING.resolve("exclude-jars.txt");
    private static final Path PROBE = HUB_PACKAGING.resolve("HubHealthProbe.java");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private static TestPostgres postgres;

    @TempDir
    Path dir;

    private Path staged;
    private Map<String, String> imagePaths;
    private SelfSignedPem pem;

    @BeforeAll
    static void database() {
        postgres = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        postgres.close();
    }

    /** The image's lines, as the Containerfile has them. */
    private record Image(List<String> entrypoint, List<String> cmd, List<String> healthcheck, Map<String, String> env,
                         String text) {

        static Image read() throws IOException {
            String text = Files.readString(CONTAINERFILE);
            Map<String, String> env = new LinkedHashMap<>();
            List<String> entrypoint = null;
            List<String> cmd = null;
            List<String> healthcheck = null;
            boolean runtimeStage = false;
            for (String line : text.lines().toList()) {
                if (line.startsWith("FROM ")) {
                    runtimeStage = !line.contains(" AS build");
                } else if (line.startsWith("ENV ") && runtimeStage) {
                    String[] kv = line.substring(4).strip().split("=", 2);
                    env.put(kv[0], kv[1]);
                } else if (line.startsWith("ENTRYPOINT ")) {
                    entrypoint = execForm(line.substring("ENTRYPOINT ".length()));
                } else if (line.startsWith("CMD ")) {
                    cmd = execForm(line.substring("CMD ".length()));
                } else if (line.startsWith("HEALTHCHECK ")) {
                    healthcheck = execForm(line.substring(line.indexOf(" CMD ") + " CMD ".length()));
                }
            }
            assertThat(entrypoint).as("ENTRYPOINT in exec form, on one line").isNotNull();
            assertThat(cmd).as("CMD in exec form, on one line").isNotNull();
            assertThat(healthcheck).as("HEALTHCHECK ... CMD in exec form, on one line").isNotNull();
            return new Image(entrypoint, cmd, healthcheck, env, text);
        }

        private static List<String> execForm(String json) throws IOException {
            JsonNode array = Json.MAPPER.readTree(json);
            List<String> words = new ArrayList<>();
            array.forEach(word -> words.add(word.asText()));
            return words;
        }
    }

    @BeforeEach
    void stage() throws Exception {
        Path from = packagedTarget();
        if (from == null) {
            from = standInTarget(dir.resolve("stand-in-target"));
            System.out.println("HubImageLayoutTest: no fresh target/sitrep.jar + target/lib; staged from a stand-in made "
                    + "from the classes under test and the test class path");
        } else {
            System.out.println("HubImageLayoutTest: staged from target/sitrep.jar + target/lib (mvn package)");
        }
        staged = dir.resolve("opt-sitrep");
        Process script = new ProcessBuilder("sh", STAGE_SCRIPT.toString(), from.toString(), staged.toString())
                .redirectErrorStream(true).start();
        String said = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor()).as(said).isZero();
        assertThat(stagedJars()).as("what the script copies is what exclude-jars.txt leaves")
                .isEqualTo(expectedJars(from.resolve("lib")));
        // The image's build stage: javac -d /staged/probe packaging/hub/HubHealthProbe.java
        int javac = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", staged.resolve("probe").toString(), PROBE.toString());
        assertThat(javac).as("HubHealthProbe.java compiles").isZero();

        pem = SelfSignedPem.rsa(dir);
        imagePaths = Map.of(
                "/opt/sitrep", staged.toString(),
                "/var/lib/sitrep", Files.createDirectories(dir.resolve("var-lib-sitrep")).toString(),
                "/etc/sitrep/tls/cert.pem", pem.certificateFile().toString(),
                "/etc/sitrep/tls/key.pem", pem.keyFile().toString());
    }

    @Test
    void theContainerfileCopiesWhatTheStagingScriptMakes() throws IOException {
        Image image = Image.read();

        assertThat(image.text()).contains("sh packaging/hub/stage-hub.sh target /staged")
                .contains("javac -d /staged/probe packaging/hub/HubHealthProbe.java")
                .contains("COPY --from=build /staged/ /opt/sitrep/")
                .contains("USER 10001").contains("EXPOSE 7447");
        for (String line : image.text().lines().filter(l -> l.startsWith("COPY ") && !l.contains("--from")).toList()) {
            String source = line.split("\\s+")[1];
            assertThat(Path.of(source)).as("the build context has %s", source).exists();
        }
        assertThat(image.entrypoint()).containsExactly("java", "-jar", "/opt/sitrep/sitrep.jar", "hub");
        assertThat(stagedJars()).as("no desktop user interface in the image").noneMatch(jar -> jar.startsWith("javafx-"))
                .anyMatch(jar -> jar.startsWith("postgresql-")).anyMatch(jar -> jar.startsWith("h2-"))
                .anyMatch(jar -> jar.startsWith("flyway-database-postgresql-"));
    }

    @Test
    void theImagesDefaultCommandRunsTheHubOnItsEmbeddedDatabaseWithTlsAndItsHealthCheckSeesIt() throws Exception {
        Image image = Image.read();
        List<String> personAdd = new ArrayList<>(image.entrypoint());
        personAdd.addAll(List.of("person", "add", "maria", "--role", "commander")); // docker exec HUB <ENTRYPOINT> person add ...
        String token = token(run(image, personAdd));

        try (StagedHub hub = new StagedHub(image, hubCommand(image))) {
            assertThat(hub.url.getScheme()).isEqualTo("https");
            assertThat(hub.firstLine).contains("jdbc:h2:file:" + imagePaths.get("/var/lib/sitrep"));
            hubAnswers(hub, token);
            assertThat(healthCheck(image, hub.url.getPort()).waitFor()).as("HEALTHCHECK while the hub runs").isZero();
            List<String> execWhileRunning = new ArrayList<>(image.entrypoint());
            execWhileRunning.addAll(List.of("person", "add", "ana", "--role", "responder"));
            hubAnswers(hub, token(run(image, execWhileRunning))); // docker exec next to the running hub (H2's AUTO_SERVER)
        }
        try (StagedHub again = new StagedHub(image, hubCommand(image))) {
            hubAnswers(again, token); // the same data: the image's volume
        }
    }

    @Test
    void theImageRunsTheHubOnPostgresqlAndItsHealthCheckFailsOnceTheHubStops() throws Exception {
        Image image = Image.read();
        List<String> personAdd = new ArrayList<>(image.entrypoint());
        personAdd.addAll(List.of("person", "add", "ana", "--role", "responder", "--db", postgres.jdbcUrl()));
        String token = token(run(image, personAdd));

        List<String> command = hubCommand(image);
        command.addAll(List.of("--db", postgres.jdbcUrl()));
        int port;
        try (StagedHub hub = new StagedHub(image, command)) {
            port = hub.url.getPort();
            assertThat(hub.firstLine).contains("jdbc:postgresql://");
            hubAnswers(hub, token);
            assertThat(healthCheck(image, port).waitFor()).isZero();
            hub.process.destroy(); // docker stop: SIGTERM
            assertThat(hub.process.waitFor(30, TimeUnit.SECONDS)).as("stops within docker's --stop-timeout 30").isTrue();
        }
        Process probe = healthCheck(image, port);
        String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor()).as("HEALTHCHECK with no hub: %s", said).isEqualTo(1);
        assertThat(said).contains("did not answer");
    }

    // The hub from the staged jars

    /** ENTRYPOINT + CMD with the image's paths mapped here, on 127.0.0.1 and any free port. */
    private List<String> hubCommand(Image image) {
        List<String> command = new ArrayList<>(image.entrypoint());
        List<String> cmd = new ArrayList<>(image.cmd());
        assertThat(cmd).containsSubsequence("--bind", "0.0.0.0").containsSubsequence("--port", "7447");
        cmd.set(cmd.indexOf("0.0.0.0"), "127.0.0.1"); // the container's network does the exposing
        cmd.set(cmd.indexOf("7447"), "0");
        command.addAll(cmd);
        return command;
    }

    private Process healthCheck(Image image, int port) throws IOException {
        List<String> command = new ArrayList<>(image.healthcheck());
        int url = command.indexOf("https://127.0.0.1:7447/healthz");
        assertThat(url).as("the probe asks the hub's /healthz on the image's port").isNotNegative();
        command.set(url, "https://127.0.0.1:" + port + "/healthz");
        return start(image, command);
    }

    private Process start(Image image, List<String> imageCommand) throws IOException {
        List<String> command = imageCommand.stream().map(this::onThisMachine).collect(Collectors.toCollection(ArrayList::new));
        assertThat(command.get(0)).isEqualTo("java");
        command.set(0, JAVA);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        for (String name : List.of("DISPLAY", "WAYLAND_DISPLAY", "SITREP_HOME", "SITREP_ACTOR", HubDatabase.ENV_USER,
                HubDatabase.ENV_PASSWORD)) {
            env.remove(name);
        }
        image.env().forEach((name, value) -> env.put(name, onThisMachine(value)));
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    private ChildOutput run(Image image, List<String> imageCommand) throws Exception {
        Process p = start(image, imageCommand);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s%n%s", out, err).isZero();
        return new ChildOutput(out, err);
    }

    private record ChildOutput(String out, String err) {
    }

    private static String token(ChildOutput added) {
        List<String> lines = added.out().lines().toList();
        String token = lines.get(lines.size() - 1);
        assertThat(token).as("the token alone on the last line").matches("sitrep_hub_[A-Za-z0-9_-]{43}");
        return token;
    }

    private String onThisMachine(String word) {
        for (Map.Entry<String, String> path : imagePaths.entrySet()) {
            if (word.equals(path.getKey()) || word.startsWith(path.getKey() + "/")) {
                return path.getValue() + word.substring(path.getKey().length());
            }
        }
        return word;
    }

    private void hubAnswers(StagedHub hub, String token) throws Exception {
        OkHttpClient client = pem.client();
        try (Response healthz = get(client, hub.url, "/healthz", null);
             Response readyz = get(client, hub.url, "/readyz", null);
             Response who = get(client, hub.url, "/sitrep/v1/capabilities", token)) {
            assertThat(healthz.code()).isEqualTo(200);
            assertThat(readyz.code()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(readyz.body().string()).path("ready").asBoolean()).isTrue();
            assertThat(who.code()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(who.body().string()).path("person").asText()).isIn("maria", "ana");
        }
    }

    private static Response get(OkHttpClient client, URI hub, String path, String token) throws IOException {
        Request.Builder request = new Request.Builder().url(hub + path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.newCall(request.build()).execute();
    }

    /** A hub started from the staged jars as the image starts it; stopped with SIGTERM, as docker stop does. */
    private final class StagedHub implements AutoCloseable {
        final Process process;
        final URI url;
        final String firstLine;

        StagedHub(Image image, List<String> command) throws IOException {
            process = start(image, command);
            Thread errors = drain(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)),
                    System.err);
            errors.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            firstLine = out.readLine();
            if (firstLine == null || !firstLine.startsWith("Hub at ")) {
                process.destroyForcibly();
                throw new AssertionError("the hub did not start from the staged jars: " + firstLine);
            }
            url = URI.create(firstLine.substring(7, firstLine.indexOf(' ', 7)));
            drain(out, OutputStream.nullOutputStream()).start();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Thread drain(BufferedReader from, OutputStream to) {
        Thread t = new Thread(() -> {
            try {
                String line;
                while ((line = from.readLine()) != null) {
                    to.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "staged-hub-output");
        t.setDaemon(true);
        return t;
    }

    // Staging

    private Set<String> stagedJars() throws IOException {
        assertThat(staged.resolve("sitrep.jar")).isRegularFile();
        try (Stream<Path> jars = Files.list(staged.resolve("lib"))) {
            return jars.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The jars of {@code lib} that exclude-jars.txt does not name, by the file's documented rule. */
    private static Set<String> expectedJars(Path lib) throws IOException {
        List<Pattern> excluded = Files.readAllLines(EXCLUDED).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(glob -> {
                    assertThat(glob).as("exclude-jars.txt: letters, digits, '.', '_', '-' and '*' only")
                            .matches("[A-Za-z0-9._*-]+");
                    return Pattern.compile(Stream.of(glob.split("\\*", -1)).map(Pattern::quote)
                            .collect(Collectors.joining(".*")));
                }).toList();
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".jar"))
                    .filter(name -> excluded.stream().noneMatch(p -> p.matcher(name).matches()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** target/, when mvn package made sitrep.jar and lib/ after the last compile; else null. */
    private static Path packagedTarget() throws IOException {
        Path target = Path.of("target");
        Path jar = target.resolve("sitrep.jar");
        Path classes = target.resolve("classes");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("lib")) || !Files.isDirectory(classes)) {
            return null;
        }
        FileTime packaged = Files.getLastModifiedTime(jar);
        try (Stream<Path> files = Files.walk(classes)) {
            boolean newer = files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(packaged) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
            return newer ? null : target;
        }
    }

    /**
     * A target/ as mvn package would leave it, from what this test runs on: sitrep.jar from the
     * classes under test (main class and class path in its manifest) and lib/ holding the jars of
     * the test class path.
     */
    private static Path standInTarget(Path target) throws IOException {
        Path lib = Files.createDirectories(target.resolve("lib"));
        Path classes = null;
        List<String> classPath = new ArrayList<>();
        Map<String, Path> jars = new HashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"))) {
                classes = p;
            } else if (Files.isRegularFile(p) && entry.endsWith(".jar") && jars.putIfAbsent(p.getFileName().toString(), p) == null) {
                Files.createSymbolicLink(lib.resolve(p.getFileName()), p);
                classPath.add("lib/" + p.getFileName());
            }
        }
        assertThat(classes).as("target/classes on the test class path").isNotNull();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.sitrep.Launcher");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target.resolve("sitrep.jar")), manifest);
             Stream<Path> files = Files.walk(classes)) {
            Path root = classes;
            for (Path f : files.filter(f -> !f.equals(root)).sorted().toList()) {
                String name = root.relativize(f).toString().replace(File.separatorChar, '/');
                boolean directory = Files.isDirectory(f);
                // directory entries too, as mvn package writes them: Flyway finds db/hub through them
                jar.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(f, jar);
                }
                jar.closeEntry();
            }
        }
        return target;
    }
}
