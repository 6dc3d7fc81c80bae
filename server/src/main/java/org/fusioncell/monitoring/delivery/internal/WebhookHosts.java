package org.fusioncell.monitoring.delivery.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.fusioncell.monitoring.delivery.WebhookHostRefused;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Which URLs a webhook may point at: https to a host of {@code fusioncell.monitoring.webhooks.allowed-hosts}
 * (an exact name, or {@code *.domain} for the hosts under a domain), plain http only to a loopback host
 * and only when {@code allow-http-loopback} is on. Checked at registration and again before each POST,
 * so that narrowing the list stops deliveries to hosts it no longer names. Redirects are not followed.
 */
@Component
class WebhookHosts {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private final DeliveryProperties.Webhooks settings;

    WebhookHosts(DeliveryProperties properties) {
        this.settings = properties.webhooks();
    }

    /** The parsed URL, or the refusal naming {@code field}. */
    URI check(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (url.length() > 2000) {
            throw new InvalidInputException(field, "longer than 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInputException(field, "must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException(field, "must not carry user information or a fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowed(host)) {
            throw new WebhookHostRefused(field, host, "host " + host
                    + " is not allowed (fusioncell.monitoring.webhooks.allowed-hosts)");
        }
        if (scheme.equals("http") && !(LOOPBACK.contains(host) && settings.allowHttpLoopback())) {
            throw new WebhookHostRefused(field, host, "host " + host + " must be reached over https");
        }
        return uri;
    }

    boolean allows(String url) {
        try {
            check("url", url);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private boolean allowed(String host) {
        for (String entry : settings.allowedHosts()) {
            String rule = entry.strip().toLowerCase(Locale.ROOT);
            if (rule.startsWith("*.") ? host.endsWith(rule.substring(1)) && host.length() > rule.length() - 1
                    : host.equals(rule)) {
                return true;
            }
        }
        return false;
    }
}
