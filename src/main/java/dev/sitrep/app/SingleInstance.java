package dev.sitrep.app;

import dev.sitrep.core.DaemonThreads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One desktop console per data directory. The first holds an OS file lock on
 * {@code desktop.lock} and listens on a loopback port written beside it with a random token; a
 * second console finds the lock taken, asks the first to come to the front, and quits. The CLI
 * and the wall never take this lock: they share the data directory with a running console.
 */
public final class SingleInstance implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SingleInstance.class.getName());
    static final String LOCK_FILE = "desktop.lock";
    static final String PORT_FILE = "desktop.port";

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Path dataDir;

    /** What happened when a second console asked the first to show itself. */
    public enum Handoff { FOCUSED_OTHER, OTHER_NOT_ANSWERING }

    private SingleInstance(Path dataDir, FileChannel channel, FileLock lock, ServerSocket server) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
        this.server = server;
    }

    /**
     * Claims the data directory for this console, or returns empty when another console has it.
     *
     * @param onFocusRequest run (on the listener thread) when a second console asks this one to show itself
     */
    public static Optional<SingleInstance> claim(Path dataDir, Runnable onFocusRequest) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = new RandomAccessFile(dataDir.resolve(LOCK_FILE).toFile(), "rw").getChannel();
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Files.writeString(dataDir.resolve(PORT_FILE), server.getLocalPort() + " " + token + "\n");
        DaemonThreads.named("sitrep-single-instance").newThread(() -> listen(server, token, onFocusRequest)).start();
        return Optional.of(new SingleInstance(dataDir, channel, lock, server));
    }

    private static void listen(ServerSocket server, String token, Runnable onFocusRequest) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(2000);
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if (("FOCUS " + token).equals(line)) {
                    onFocusRequest.run();
                    s.getOutputStream().write("OK\n".getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.fine(() -> "single-instance request failed: " + e.getMessage());
                }
            }
        }
    }

    /** Asks the console holding {@code dataDir} to come to the front. */
    public static Handoff focusOther(Path dataDir) {
        try {
            String[] portAndToken = Files.readString(dataDir.resolve(PORT_FILE)).strip().split(" ");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(portAndToken[0])), 2000);
                s.setSoTimeout(2000);
                OutputStream out = s.getOutputStream();
                out.write(("FOCUS " + portAndToken[1] + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String answer = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                return "OK".equals(answer) ? Handoff.FOCUSED_OTHER : Handoff.OTHER_NOT_ANSWERING;
            }
        } catch (IOException | RuntimeException e) {
            return Handoff.OTHER_NOT_ANSWERING;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(dataDir.resolve(PORT_FILE));
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.fine(() -> "releasing the single-instance lock: " + e.getMessage());
        }
    }
}
