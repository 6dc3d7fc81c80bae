package org.fusioncell.monitoring;

/**
 * Tells a user of something addressed to them that no watch matched — a product disseminated to them,
 * its withdrawal — through the same inbox, live push, e-mail and webhooks as alerts, once per source,
 * kind, item and recipient. The caller has already decided that the recipient may learn what the notice
 * says; the notice is an alert whose watch is the source (e.g. the assessment) and whose item type is
 * the kind (e.g. {@code assessment-withdrawn}).
 */
public interface Notices {

    /**
     * @param link the page the notice opens (relative to the server)
     * @return false when the recipient already had this notice, or is no longer an active user
     */
    boolean tell(String recipientUserId, Notice notice);

    record Notice(String sourceId, String sourceName, String kind, String itemId, String organisationId,
                  String headline, String summary, Severity severity, String link) {
    }
}
