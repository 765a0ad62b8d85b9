package dev.sitrep.platform.http;

import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import okhttp3.HttpUrl;

import java.net.InetAddress;
import java.util.Locale;

/** Checks a profile's base URL: http(s) with a host, and plain http only to this machine. */
public final class PlatformUrl {

    private PlatformUrl() {
    }

    public static HttpUrl parse(String text) {
        HttpUrl url = text == null ? null : HttpUrl.parse(text.strip());
        if (url == null) {
            throw SitrepException.invalid(Limits.quote(String.valueOf(text).replaceAll("//[^/@]*@", "//***@"))
                    + " is not a URL; give the platform's base address, e.g. "
                    + "https://powernode.example.com.");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw SitrepException.invalid(SitrepException.input("url") + " must not carry a user or password ("
                    + url.scheme() + "://" + (url.username().isEmpty() ? "" : url.username() + ":") + "***@" + url.host()
                    + "): they would be stored and printed in clear. Give the address alone, the account with "
                    + SitrepException.input("email") + ", and the secret with 'sitrep platform secret NAME' "
                    + "(kept in the OS keychain).");
        }
        if (url.scheme().equals("http") && !isLoopback(url.host())) {
            throw SitrepException.invalid("Plain http is only allowed to this machine (localhost, 127.0.0.1); "
                    + "use https://" + url.host() + " so credentials and halts are not sent in clear text.");
        }
        return url;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: never resolved here, never trusted as loopback
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
