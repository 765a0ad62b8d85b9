package dev.sitrep.http;

import dev.sitrep.testing.SelfSignedPem;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server's certificate chain and private key as PEM files, the way a team has them (from a CA, from
 * openssl, from a secrets store), become the TLS of a {@link BoundedServer}; a file that cannot serve
 * is refused naming the file and what to do.
 */
class PemTlsTest {

    static final ServerLimits LIMITS = new ServerLimits("pem-tls-test", 8, 64, 16, Duration.ofSeconds(10),
            Duration.ofSeconds(5), 8 * 1024, 1024);

    @TempDir
    static Path dir;

    static SelfSignedPem rsa;
    static SelfSignedPem otherRsa;
    static SelfSignedPem ec;

    @BeforeAll
    static void makeKeyPairs() throws Exception {
        rsa = SelfSignedPem.rsa(dir);
        otherRsa = SelfSignedPem.rsa(dir);
        ec = SelfSignedPem.ec(dir);
    }

    @Test
    void anRsaKeyInPkcs8ServesHttpsToAClientTrustingTheCertificate() throws Exception {
        assertServesHttps(rsa, rsa.certificateFile(), rsa.keyFile());
    }

    @Test
    void anRsaKeyInPkcs1Serves() throws Exception {
        assertThat(Files.readString(rsa.traditionalKeyFile())).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        assertServesHttps(rsa, rsa.certificateFile(), rsa.traditionalKeyFile());
    }

    @Test
    void anEcKeyInPkcs8Serves() throws Exception {
        assertServesHttps(ec, ec.certificateFile(), ec.keyFile());
    }

    @Test
    void anEcKeyInSec1Serves() throws Exception {
        assertThat(Files.readString(ec.traditionalKeyFile())).startsWith("-----BEGIN EC PRIVATE KEY-----");

        assertServesHttps(ec, ec.certificateFile(), ec.traditionalKeyFile());
    }

    @Test
    void theWholeChainIsServedInItsOrderAndTextAroundTheBlocksIsIgnored() throws Exception {
        Path chain = Files.writeString(dir.resolve("chain.pem"), "subject=CN = sitrep test server\n"
                + Files.readString(rsa.certificateFile()) + "\nissuer=a CA\n" + Files.readString(ec.certificateFile()));
        // A key file as some tools write it: other blocks before the key.
        Path key = Files.writeString(dir.resolve("with-params.pem"), "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n"
                + "-----END EC PARAMETERS-----\n" + Files.readString(rsa.keyFile()));

        try (BoundedServer server = BoundedServer.start(loopback(), LIMITS, hello(), PemTls.fromPem(chain, key));
             SSLSocket s = (SSLSocket) rsa.clientContext().getSocketFactory().createSocket("127.0.0.1",
                     server.address().getPort())) {
            s.startHandshake();
            assertThat(s.getSession().getPeerCertificates()).containsExactly(rsa.certificate(), ec.certificate());
        }
    }

    @Test
    void aClientReachingTheServerByAnAddressNotInTheCertificateIsServed() throws Exception {
        // A hub's certificate names hub.example; a client on the same network dials its IP and checks
        // the certificate its own way (here: it trusts this one certificate whatever the name).
        SelfSignedPem named = SelfSignedPem.rsa(dir, "dns:hub.example");
        OkHttpClient byAddress = named.client().newBuilder().hostnameVerifier((host, session) -> true).build();

        try (BoundedServer server = BoundedServer.start(loopback(), LIMITS, hello(),
                PemTls.fromPem(named.certificateFile(), named.keyFile()));
             Response r = byAddress.newCall(new Request.Builder().url(https(server)).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswer() throws Exception {
        try (BoundedServer server = BoundedServer.start(loopback(), LIMITS, hello(),
                PemTls.fromPem(rsa.certificateFile(), rsa.keyFile()))) {
            OkHttpClient plain = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).retryOnConnectionFailure(false)
                    .build();
            String url = "http://127.0.0.1:" + server.address().getPort() + "/";

            assertThatThrownBy(() -> plain.newCall(new Request.Builder().url(url).build()).execute().close())
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void withoutTlsTheSameServerAnswersPlainHttp() throws Exception {
        try (BoundedServer server = BoundedServer.start(loopback(), LIMITS, hello(), null);
             Response r = new OkHttpClient().newCall(new Request.Builder()
                     .url("http://127.0.0.1:" + server.address().getPort() + "/").build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.handshake()).isNull();
        }
    }

    @Test
    void aKeyFileWithNoKeyInItIsRefusedNamingTheFileAndTheFormat() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "this is not a key\n");

        assertThatThrownBy(() -> PemTls.fromPem(rsa.certificateFile(), garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(garbage.toString())
                .hasMessageContaining("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aKeyBlockThatIsNotAKeyIsRefusedNamingTheFileAndTheConversion() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.pem"), SelfSignedPem.pem("PRIVATE KEY", new byte[]{1, 2, 3, 4}));
        Path brokenRsa = Files.writeString(dir.resolve("broken-rsa.pem"), SelfSignedPem.pem("RSA PRIVATE KEY", new byte[]{0x30, 0}));

        for (Path key : List.of(broken, brokenRsa)) {
            assertThatThrownBy(() -> PemTls.fromPem(rsa.certificateFile(), key))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key.toString())
                    .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in " + key);
        }
    }

    @Test
    void anEncryptedKeyIsRefusedNamingHowToDecryptIt() throws Exception {
        Path pkcs8 = Files.writeString(dir.resolve("encrypted.pem"), SelfSignedPem.pem("ENCRYPTED PRIVATE KEY",
                encrypted(rsa.key().getEncoded())));
        String pkcs1Body = Files.readString(rsa.traditionalKeyFile()).replace("-----BEGIN RSA PRIVATE KEY-----\n", "");
        Path pkcs1 = Files.writeString(dir.resolve("encrypted-rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\n"
                + "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n" + pkcs1Body);

        for (Path key : List.of(pkcs8, pkcs1)) {
            assertThatThrownBy(() -> PemTls.fromPem(rsa.certificateFile(), key))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key.toString())
                    .hasMessageContaining("encrypted")
                    .hasMessageContaining("openssl pkey -in " + key + " -out ");
        }
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedNamingBothFiles() throws Exception {
        for (Path key : List.of(otherRsa.keyFile(), ec.keyFile())) {
            assertThatThrownBy(() -> PemTls.fromPem(rsa.certificateFile(), key))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key.toString())
                    .hasMessageContaining(rsa.certificateFile().toString())
                    .hasMessageContaining("does not match");
        }
    }

    @Test
    void aCertificateFileWithNoCertificateOrNoFileIsRefusedNamingIt() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> PemTls.fromPem(rsa.keyFile(), rsa.keyFile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(rsa.keyFile().toString())
                .hasMessageContaining("-----BEGIN CERTIFICATE-----");
        assertThatThrownBy(() -> PemTls.fromPem(missing, rsa.keyFile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> PemTls.fromPem(rsa.certificateFile(), missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aCorruptCertificateIsRefusedNamingTheFile() throws Exception {
        Path corrupt = Files.writeString(dir.resolve("corrupt-cert.pem"), SelfSignedPem.pem("CERTIFICATE", new byte[]{0x30, 3, 1, 2, 3}));

        assertThatThrownBy(() -> PemTls.fromPem(corrupt, rsa.keyFile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(corrupt.toString())
                .hasMessageContaining("X.509");
    }

    private static void assertServesHttps(SelfSignedPem pair, Path cert, Path key) throws Exception {
        SslContextFactory.Server tls = PemTls.fromPem(cert, key);
        try (BoundedServer server = BoundedServer.start(loopback(), LIMITS, hello(), tls);
             Response r = pair.client().newCall(new Request.Builder().url(https(server)).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("hello over tls");
            assertThat(r.handshake()).isNotNull();
            assertThat(r.handshake().peerCertificates()).containsExactly(pair.certificate());
        }
    }

    static String https(BoundedServer server) {
        return "https://127.0.0.1:" + server.address().getPort() + "/";
    }

    static InetSocketAddress loopback() throws IOException {
        return new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
    }

    static Handler hello() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  org.eclipse.jetty.util.Callback callback) {
                Answers.send(response, callback, 200, "text/plain", "hello over tls");
                return true;
            }
        };
    }

    /** {@code der} encrypted with a passphrase as PKCS#8 EncryptedPrivateKeyInfo, as {@code openssl pkcs8 -topk8} writes it. */
    private static byte[] encrypted(byte[] der) throws Exception {
        String algorithm = "PBEWithSHA1AndDESede";
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec("secret".toCharArray())),
                new PBEParameterSpec("saltsalt".getBytes(StandardCharsets.US_ASCII), 2048));
        return new EncryptedPrivateKeyInfo(cipher.getParameters(), cipher.doFinal(der)).getEncoded();
    }
}
