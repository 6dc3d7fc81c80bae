package org.fusioncell.monitoring.delivery;

/**
 * What one recipient is told of one alert. {@code headline} and {@code summary} are already cut to what
 * the recipient may see: the channels carry them as given. {@code severity}: LOW, MEDIUM, HIGH, CRITICAL.
 */
public record AlertNotice(String alertId, String recipientUserId, String watchId, String watchName,
                          String severity /* LOW, MEDIUM, HIGH, CRITICAL */, String headline,
                          String summary, String link, java.time.Instant raisedAt) {
}
