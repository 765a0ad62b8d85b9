package dev.sitrep.platform.http;

import dev.sitrep.core.SitrepException;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Trust for https: the system's CAs, plus the CA certificates in a profile's own file. Never
 * "trust everything".
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** The system trust manager, extended with the certificates in {@code caFile} when one is given. */
    public static X509TrustManager with(Path caFile) {
        X509TrustManager system = manager(null);
        if (caFile == null) {
            return system;
        }
        X509TrustManager extra = manager(load(caFile));
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                system.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    system.checkServerTrusted(chain, authType);
                } catch (CertificateException notSystemTrusted) {
                    extra.checkServerTrusted(chain, authType);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                List<X509Certificate> all = new ArrayList<>(List.of(system.getAcceptedIssuers()));
                all.addAll(List.of(extra.getAcceptedIssuers()));
                return all.toArray(X509Certificate[]::new);
            }
        };
    }

    /** Reads PEM or DER certificates; refuses a file that holds none. */
    static KeyStore load(Path caFile) {
        if (!Files.isRegularFile(caFile)) {
            throw SitrepException.invalid("The CA file " + caFile + " does not exist; give the PEM file of the "
                    + "platform's certificate authority with " + SitrepException.input("ca-cert") + ".");
        }
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends java.security.cert.Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new CertificateException("no certificate inside");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (java.security.cert.Certificate c : certs) {
                store.setCertificateEntry("ca-" + n++, c);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw SitrepException.invalid("The CA file " + caFile + " is not a certificate (" + e.getMessage()
                    + "); give the PEM file (-----BEGIN CERTIFICATE-----) of the platform's certificate authority.");
        }
    }

    private static X509TrustManager manager(KeyStore store) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no usable trust store", e);
        }
    }
}
