package org.fusioncell.monitoring.delivery;
// TEMP placeholder (uncommitted) until branch delivery is merged
public record AlertNotice(String alertId, String recipientUserId, String watchId, String watchName,
                          String severity, String headline, String summary, String link, java.time.Instant raisedAt) {}
