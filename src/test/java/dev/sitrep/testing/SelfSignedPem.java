package dev.sitrep.testing;

import okhttp3.OkHttpClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate (for 127.0.0.1 and localhost unless told otherwise) with its private key, written as PEM files
 * the way a team would give them to a server: made by the JDK's own {@code keytool} (CI machines may
 * have no openssl), then written out in Java as the certificate, the key in PKCS#8
 * ({@code BEGIN PRIVATE KEY}) and the key in its traditional form (PKCS#1 {@code BEGIN RSA PRIVATE
 * KEY} or SEC1 {@code BEGIN EC PRIVATE KEY}, as older openssl writes them). {@link #client()} is an
 * HTTP client that trusts this certificate alone.
 */
public final class SelfSignedPem {

    private static final char[] STORE_PASSWORD = "keytool-needs-one".toCharArray();
    /** 1.2.840.10045.3.1.7, the named curve P-256 (secp256r1), as a DER object identifier. */
    private static final byte[] P256 = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Path certificateFile;
    private final Path keyFile;
    private final Path traditionalKeyFile;

    private SelfSignedPem(X509Certificate certificate, PrivateKey key, Path certificateFile, Path keyFile,
                          Path traditionalKeyFile) {
        this.certificate = certificate;
        this.key = key;
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.traditionalKeyFile = traditionalKeyFile;
    }

    /** An RSA 2048 pair in a new directory under {@code dir}. */
    public static SelfSignedPem rsa(Path dir) throws IOException, GeneralSecurityException {
        return rsa(dir, "ip:127.0.0.1,dns:localhost");
    }

    /** An RSA 2048 pair for other names, in keytool's form: {@code dns:hub.example,ip:10.0.0.5}. */
    public static SelfSignedPem rsa(Path dir, String subjectAltNames) throws IOException, GeneralSecurityException {
        return generate(Files.createTempDirectory(dir, "rsa-"), subjectAltNames, List.of("-keyalg", "RSA", "-keysize", "2048"));
    }

    /** An EC P-256 pair in a new directory under {@code dir}. */
    public static SelfSignedPem ec(Path dir) throws IOException, GeneralSecurityException {
        return generate(Files.createTempDirectory(dir, "ec-"), "ip:127.0.0.1,dns:localhost",
                List.of("-keyalg", "EC", "-groupname", "secp256r1"));
    }

    /** {@code cert.pem}: one CERTIFICATE block. */
    public Path certificateFile() {
        return certificateFile;
    }

    /** {@code key.pem}: the key as PKCS#8, {@code BEGIN PRIVATE KEY}. */
    public Path keyFile() {
        return keyFile;
    }

    /** {@code key-traditional.pem}: {@code BEGIN RSA PRIVATE KEY} (PKCS#1) or {@code BEGIN EC PRIVATE KEY} (SEC1). */
    public Path traditionalKeyFile() {
        return traditionalKeyFile;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey key() {
        return key;
    }

    /** An HTTP client trusting this certificate and nothing else. */
    public OkHttpClient client() throws GeneralSecurityException, IOException {
        return new OkHttpClient.Builder().sslSocketFactory(clientContext().getSocketFactory(), trustManager())
                .callTimeout(Duration.ofSeconds(20)).build();
    }

    /** TLS for a client (raw sockets) trusting this certificate and nothing else. */
    public SSLContext clientContext() throws GeneralSecurityException, IOException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[]{trustManager()}, null);
        return tls;
    }

    private X509TrustManager trustManager() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        return (X509TrustManager) trust.getTrustManagers()[0];
    }

    /** Writes {@code der} as one PEM block labelled {@code label}. */
    public static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static SelfSignedPem generate(Path dir, String subjectAltNames, List<String> algorithm)
            throws IOException, GeneralSecurityException {
        Path store = dir.resolve("pair.p12");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-noprompt",
                "-alias", "server", "-dname", "CN=sitrep test server", "-ext", "SAN=" + subjectAltNames,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD)));
        command.addAll(algorithm);
        run(command);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        X509Certificate certificate = (X509Certificate) keys.getCertificate("server");
        PrivateKey key = (PrivateKey) keys.getKey("server", STORE_PASSWORD);
        Files.delete(store);

        Path cert = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        Path pkcs8 = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        String traditional = key instanceof RSAPrivateCrtKey rsa ? pem("RSA PRIVATE KEY", pkcs1(rsa))
                : pem("EC PRIVATE KEY", sec1((ECPrivateKey) key, (ECPublicKey) certificate.getPublicKey()));
        Path old = Files.writeString(dir.resolve("key-traditional.pem"), traditional);
        return new SelfSignedPem(certificate, key, cert, pkcs8, old);
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for keytool", e);
        } finally {
            p.destroy();
        }
    }

    /** RSAPrivateKey ::= SEQUENCE { version 0, n, e, d, p, q, d mod (p-1), d mod (q-1), q^-1 mod p } (RFC 8017). */
    private static byte[] pkcs1(RSAPrivateCrtKey k) {
        return der(0x30, integer(BigInteger.ZERO), integer(k.getModulus()), integer(k.getPublicExponent()),
                integer(k.getPrivateExponent()), integer(k.getPrimeP()), integer(k.getPrimeQ()),
                integer(k.getPrimeExponentP()), integer(k.getPrimeExponentQ()), integer(k.getCrtCoefficient()));
    }

    /** ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] curve, [1] public key } (RFC 5915). */
    private static byte[] sec1(ECPrivateKey k, ECPublicKey pub) {
        int size = (k.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        byte[] point = concat(new byte[]{0x00, 0x04}, unsigned(pub.getW().getAffineX(), size),
                unsigned(pub.getW().getAffineY(), size));
        return der(0x30, integer(BigInteger.ONE), der(0x04, unsigned(k.getS(), size)), der(0xA0, P256), der(0xA1, der(0x03, point)));
    }

    private static byte[] integer(BigInteger value) {
        return der(0x02, value.toByteArray());
    }

    private static byte[] unsigned(BigInteger value, int size) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[size];
        int n = Math.min(bytes.length, size);
        System.arraycopy(bytes, bytes.length - n, fixed, size - n, n);
        return fixed;
    }

    private static byte[] der(int tag, byte[]... parts) {
        byte[] content = concat(parts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (content.length < 0x80) {
            out.write(content.length);
        } else {
            byte[] length = BigInteger.valueOf(content.length).toByteArray();
            int skip = length[0] == 0 ? 1 : 0;
            out.write(0x80 | (length.length - skip));
            out.write(length, skip, length.length - skip);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
