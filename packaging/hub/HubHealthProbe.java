import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.cert.X509Certificate;

/**
 * The hub image's HEALTHCHECK: exits 0 when {@code GET URL} (default
 * {@code https://127.0.0.1:7447/healthz}) answers 200 within 5 s, else 1, printing what it saw on
 * one line. It needs nothing but the Java runtime the hub runs on (the base image's curl is not
 * promised to stay); a JRE cannot run a source file, so the Containerfile compiles this into
 * {@code /opt/sitrep/probe}.
 *
 * <p>It accepts any certificate and any host name: it asks the hub in its own container whether
 * it is alive, over loopback, sending no token, and the certificate is made out to the name
 * people use, not to 127.0.0.1. Nothing it reads is trusted beyond the status code.
 */
public final class HubHealthProbe {

    private static final int TIMEOUT_MILLIS = 5_000;

    private HubHealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "https://127.0.0.1:7447/healthz";
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            if (c instanceof HttpsURLConnection https) {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[]{new AnyCertificate()}, null);
                https.setSSLSocketFactory(tls.getSocketFactory());
                https.setHostnameVerifier((host, session) -> true);
            }
            c.setConnectTimeout(TIMEOUT_MILLIS);
            c.setReadTimeout(TIMEOUT_MILLIS);
            int status = c.getResponseCode();
            System.out.println(url + " answered " + status);
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception e) {
            System.out.println(url + " did not answer: " + e);
            System.exit(1);
        }
    }

    /** Trusts every certificate: see the class comment for why that is enough here. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
