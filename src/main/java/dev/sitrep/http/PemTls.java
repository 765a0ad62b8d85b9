package dev.sitrep.http;

import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLS for a {@link BoundedServer} from the two PEM files a team has for a server: its certificate
 * chain (its own certificate first, then any intermediates) and its unencrypted private key, in
 * PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA or EC), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or
 * SEC1 ({@code BEGIN EC PRIVATE KEY}), as openssl, certbot and most CAs write them. They are read
 * into a key store in memory (nothing is written to disk), after checking that the key is the one
 * the certificate was issued for. A file that cannot serve is an {@link IllegalArgumentException}
 * naming the file and how to fix it, so a hub refuses to start rather than fail each handshake.
 */
public final class PemTls {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
    /** Algorithm identifiers of PKCS#8 keys, as DER object identifiers, and the JDK's names for them. */
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    private static final byte[] EC_OID = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final Map<String, String> KEY_ALGORITHMS = Map.of(Arrays.toString(RSA_OID), "RSA", Arrays.toString(EC_OID), "EC");
    private static final String ALIAS = "server";

    private PemTls() {
    }

    /** One PEM block: its label, the headers before its body (old encrypted keys have some), and the body decoded. */
    private record Block(String label, String headers, byte[] der) {
    }

    /**
     * A server TLS configuration presenting the chain in {@code certChain} with the key in
     * {@code privateKey}; throws {@link IllegalArgumentException} naming the file and the fix when
     * either cannot be read, the key is encrypted or of another format, or the key is not the
     * certificate's.
     */
    public static SslContextFactory.Server fromPem(Path certChain, Path privateKey) {
        List<X509Certificate> chain = certificates(certChain);
        PrivateKey key = privateKey(privateKey);
        checkPair(chain.get(0), certChain, key, privateKey);

        char[] password = new char[24];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(new Certificate[0]));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot hold the key of " + privateKey + " with the chain of " + certChain
                    + " in a key store: " + e.getMessage() + "; give an RSA or EC key and its certificate", e);
        }
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(store);
        tls.setKeyStorePassword(new String(password));
        tls.setKeyManagerPassword(new String(password));
        tls.setCertAlias(ALIAS);
        return tls;
    }

    private static List<X509Certificate> certificates(Path file) {
        String fix = "give the server's certificate chain in PEM, its own certificate first, then any intermediates"
                + " (from DER: openssl x509 -inform der -in cert.der -out cert.pem)";
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory x509;
        try {
            x509 = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("this JVM reads no X.509 certificates", e);
        }
        for (Block b : blocks(file, "TLS certificate chain", fix)) {
            if (!b.label.equals("CERTIFICATE")) {
                continue;
            }
            try {
                chain.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(b.der)));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("certificate " + (chain.size() + 1) + " in " + file
                        + " is not a valid X.509 certificate (" + e.getMessage() + "); " + fix, e);
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----); " + fix);
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) {
        String convert = "convert it to unencrypted PKCS#8: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key8.pem";
        String decrypt = "the private key in " + file + " is encrypted with a passphrase, which a server cannot ask for;"
                + " write an unencrypted copy readable only by the server's user: openssl pkey -in " + file
                + " -out key-plain.pem (it asks for the passphrase)";
        Block key = blocks(file, "TLS private key", "give the server's private key in PEM").stream()
                .filter(b -> b.label.endsWith("PRIVATE KEY")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----,"
                        + " -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----); give the server's unencrypted"
                        + " private key in PEM (from DER: openssl pkey -inform der -in key.der -out key.pem)"));
        if (key.label.equals("ENCRYPTED PRIVATE KEY") || key.headers.contains("ENCRYPTED")) {
            throw new IllegalArgumentException(decrypt);
        }
        try {
            return switch (key.label) {
                case "PRIVATE KEY" -> pkcs8(key.der, file, convert);
                case "RSA PRIVATE KEY" -> pkcs8(Der.write(Der.SEQUENCE, Der.write(Der.INTEGER, new byte[]{0}),
                        Der.write(Der.SEQUENCE, RSA_OID, Der.write(Der.NULL)), Der.write(Der.OCTET_STRING, key.der)), file, convert);
                case "EC PRIVATE KEY" -> pkcs8(Der.write(Der.SEQUENCE, Der.write(Der.INTEGER, new byte[]{0}),
                        Der.write(Der.SEQUENCE, EC_OID, curve(key.der, file, convert)), Der.write(Der.OCTET_STRING, key.der)),
                        file, convert);
                default -> throw new IllegalArgumentException("the private key in " + file + " is a -----BEGIN " + key.label
                        + "-----, a format not read here; " + convert);
            };
        } catch (Der.MalformedException e) {
            throw new IllegalArgumentException("the " + key.label + " in " + file + " is not a valid key (" + e.getMessage()
                    + "); " + convert, e);
        }
    }

    /** The named curve of a SEC1 key: the object identifier in its {@code [0]} parameters. */
    private static byte[] curve(byte[] sec1, Path file, String convert) {
        for (Der.Element e : Der.read(sec1).children()) {
            if (e.tag() == 0xA0) {
                Der.Element oid = Der.read(e.content());
                if (oid.tag() == Der.OBJECT_IDENTIFIER) {
                    return oid.encoded();
                }
            }
        }
        throw new IllegalArgumentException("the EC PRIVATE KEY in " + file + " does not name its curve; " + convert);
    }

    private static PrivateKey pkcs8(byte[] der, Path file, String convert) {
        List<Der.Element> parts = Der.read(der).children();
        if (parts.size() < 3 || parts.get(1).tag() != Der.SEQUENCE || parts.get(1).children().isEmpty()) {
            throw new Der.MalformedException("not a PKCS#8 PrivateKeyInfo");
        }
        byte[] oid = parts.get(1).children().get(0).encoded();
        String algorithm = KEY_ALGORITHMS.get(Arrays.toString(oid));
        if (algorithm == null) {
            throw new IllegalArgumentException("the private key in " + file + " is of a type not served here;"
                    + " give an RSA or EC key");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("the " + algorithm + " private key in " + file + " cannot be read ("
                    + e.getMessage() + "); " + convert, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM reads no " + algorithm + " keys", e);
        }
    }

    /** Signs with the key and verifies with the certificate: only the certificate's own key passes. */
    private static void checkPair(X509Certificate certificate, Path certFile, PrivateKey key, Path keyFile) {
        PublicKey expected = certificate.getPublicKey();
        String mismatch = "the private key in " + keyFile + " (" + key.getAlgorithm() + ") does not match the first"
                + " certificate in " + certFile + " (" + expected.getAlgorithm() + ", "
                + certificate.getSubjectX500Principal().getName() + "); give the key that certificate was issued for,"
                + " and put the server's own certificate first in the chain";
        if (!expected.getAlgorithm().equals(key.getAlgorithm())) {
            throw new IllegalArgumentException(mismatch);
        }
        String signature = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        byte[] challenge = "sitrep: is this key the certificate's?".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature sign = Signature.getInstance(signature);
            sign.initSign(key);
            sign.update(challenge);
            byte[] signed = sign.sign();
            Signature verify = Signature.getInstance(signature);
            verify.initVerify(expected);
            verify.update(challenge);
            if (!verify.verify(signed)) {
                throw new IllegalArgumentException(mismatch);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(mismatch + " (" + e.getMessage() + ")", e);
        }
    }

    /** The PEM blocks of {@code file}, in order; text around them is ignored. */
    private static List<Block> blocks(Path file, String what, String fix) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the " + what + " " + file + " (" + e + "); " + fix, e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String label = m.group(1);
            String body = m.group(2).replace("\r\n", "\n");
            // RFC 1421 headers (Proc-Type: 4,ENCRYPTED and DEK-Info) run from the first line to an empty one.
            String headers = "";
            int firstLine = body.indexOf('\n');
            if (firstLine > 0 && body.substring(0, firstLine).contains(":")) {
                int end = body.indexOf("\n\n");
                headers = end < 0 ? body : body.substring(0, end);
                body = end < 0 ? "" : body.substring(end + 2);
            }
            try {
                blocks.add(new Block(label, headers, Base64.getMimeDecoder().decode(body.strip())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the " + label + " block in " + file + " is not valid base64 ("
                        + e.getMessage() + "); " + fix, e);
            }
        }
        return blocks;
    }
}
