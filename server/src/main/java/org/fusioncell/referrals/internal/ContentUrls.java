package org.fusioncell.referrals.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.fusioncell.shared.InvalidInputException;

/**
 * The one spelling of a content URL, so that the same content recorded twice compares equal: http or https only,
 * scheme and host in lower case, the default port dropped, the path normalised ({@code /a/./b/../c} is
 * {@code /a/c}; empty is {@code /}), non-ASCII characters percent-encoded, the fragment dropped (it never reaches the
 * platform's server). User names and passwords in a URL are refused, not stripped: they are someone's credentials.
 */
final class ContentUrls {

    static final int MAX = 2048;

    private ContentUrls() {
    }

    static String normalise(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException("url", "is required: the address of the content, e.g. https://…");
        }
        if (v.length() > MAX) {
            throw new InvalidInputException("url", "at most " + MAX + " characters");
        }
        if (v.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidInputException("url", "must not contain spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException("url", "must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("url", "must not contain a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || (!host.contains(".") && !host.startsWith("["))) {
            throw new InvalidInputException("url", "must name a host, e.g. https://platform.example/…");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        String path = uri.normalize().getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        if (path.startsWith("/..")) {
            throw new InvalidInputException("url", "the path climbs above the root");
        }
        StringBuilder out = new StringBuilder(scheme).append("://").append(host.toLowerCase(Locale.ROOT));
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            out.append('?').append(uri.getRawQuery());
        }
        String ascii = URI.create(out.toString()).toASCIIString();
        if (ascii.length() > MAX) {
            throw new InvalidInputException("url", "at most " + MAX + " characters once encoded");
        }
        return ascii;
    }

    static String host(String normalised) {
        return URI.create(normalised).getHost();
    }
}
