package org.fusioncell.monitoring.delivery;

import org.jspecify.annotations.Nullable;

/**
 * One user's alert channels: where mail goes, how often, from which severity a notice is mailed at once,
 * and the language of the mails ({@code en}, {@code fr}, {@code ar}).
 */
public record ChannelSettings(@Nullable String email, EmailMode emailMode, @Nullable String immediateSeverity,
                              String language) {

    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "fr", "ar");

    public static ChannelSettings defaults() {
        return new ChannelSettings(null, EmailMode.OFF, null, "en");
    }
}
