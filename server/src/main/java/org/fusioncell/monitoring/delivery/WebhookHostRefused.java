package org.fusioncell.monitoring.delivery;

import org.fusioncell.shared.InvalidInputException;

/**
 * A webhook URL whose host is not in {@code fusioncell.monitoring.webhooks.allowed-hosts} (or that is
 * plain http to a host that may only be reached over https). The host is named: it is configuration
 * the administrator decides on, not personal data.
 */
public class WebhookHostRefused extends InvalidInputException {

    private final String host;

    public WebhookHostRefused(String field, String host, String problem) {
        super(field, problem);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
