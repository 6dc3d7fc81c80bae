package org.fusioncell.monitoring.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision.Visibility;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.Alert.Disclosure;
import org.fusioncell.monitoring.Alerts;
import org.fusioncell.monitoring.Watch;
import org.fusioncell.monitoring.delivery.AlertDelivery;
import org.fusioncell.monitoring.delivery.AlertNotice;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns matches into alerts, one per recipient, each cut to what that recipient may know: the item
 * itself when the policy shows it (FULL), a hit/no-hit notice when it allows existence only, nothing
 * when it hides the item. A repeated match (a revised report) adds an occurrence, not an alert.
 */
@Component
class AlertRaising {

    static final String PROCESSING_ACTOR = "processing:watch-evaluation";
    private static final String PURPOSE = "watch alert";

    private final JdbcClient jdbc;
    private final Readers readers;
    private final Colleagues colleagues;
    private final Organisations organisations;
    private final Markings markings;
    private final ClassificationScheme scheme;
    private final AuditLog audit;
    private final Clock clock;
    private final AlertDelivery delivery;

    AlertRaising(JdbcClient jdbc, Readers readers, Colleagues colleagues, Organisations organisations, Markings markings,
                 ClassificationScheme scheme, AuditLog audit, Clock clock, AlertDelivery delivery) {
        this.jdbc = jdbc;
        this.readers = readers;
        this.colleagues = colleagues;
        this.organisations = organisations;
        this.markings = markings;
        this.scheme = scheme;
        this.audit = audit;
        this.clock = clock;
        this.delivery = delivery;
    }

    /** Raises the alerts of every match; returns how many new alerts were stored. */
    @Transactional
    int raise(WatchedItem item, List<WatchMatch> matches) {
        int raised = 0;
        String markingId = item.marking() == null ? null : markings.save(item.marking());
        for (WatchMatch match : matches) {
            List<String> alertIds = new ArrayList<>();
            for (String userId : recipients(match.watch())) {
                raiseFor(userId, item, markingId, match, null).ifPresent(alertIds::add);
            }
            audit.record(AuditRecord.of(AuditAction.COMBINATION, PROCESSING_ACTOR, item.organisationId(), item.type(),
                    List.of(item.id(), match.watch().id())).withPurpose(PURPOSE));
            if (!alertIds.isEmpty()) {
                audit.record(AuditRecord.of(AuditAction.DISCLOSURE, PROCESSING_ACTOR, item.organisationId(),
                        Alerts.INFORMATION_TYPE, alertIds).withPurpose(PURPOSE)
                        .withDetails(Map.of("item", item.id(), "watch", match.watch().id())));
                raised += alertIds.size();
            }
        }
        return raised;
    }

    /**
     * Re-decides every alert already raised on the item after it changed (a revision, a re-marking, a
     * release): each recipient keeps exactly what the item's marking now allows — the full alert, a bare
     * notice, or nothing (the alert is erased). Runs in the evaluation's transaction, before new matches.
     */
    @Transactional
    void refresh(WatchedItem item) {
        record Raised(String id, String userId, String disclosure) {
        }
        List<Raised> raised = jdbc.sql("SELECT id, recipient_user_id, disclosure FROM monitoring_alert "
                        + "WHERE item_type = :type AND item_id = :item")
                .param("type", item.type()).param("item", item.id())
                .query((rs, n) -> new Raised(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        if (raised.isEmpty()) {
            return;
        }
        String markingId = item.marking() == null ? null : markings.save(item.marking());
        String level = item.marking() == null ? null : scheme.level(item.marking().classificationRank());
        List<String> erased = new ArrayList<>();
        for (Raised r : raised) {
            Visibility now = visibilityFor(r.userId(), item);
            if (now == Visibility.HIDDEN) {
                jdbc.sql("DELETE FROM monitoring_alert WHERE id = :id").param("id", r.id()).update();
                erased.add(r.id());
                continue;
            }
            boolean full = now == Visibility.VISIBLE;
            jdbc.sql("""
                    UPDATE monitoring_alert SET disclosure = :disclosure, item_marking_id = :marking, level = :level,
                        headline = :headline, summary = CASE WHEN :full THEN summary ELSE NULL END
                    WHERE id = :id""")
                    .param("disclosure", (full ? Disclosure.FULL : Disclosure.EXISTENCE_ONLY).name())
                    .param("marking", markingId).param("level", level)
                    .param("headline", full ? cut(item.headline(), 500) : null).param("full", full)
                    .param("id", r.id()).update();
        }
        if (!erased.isEmpty()) {
            audit.record(AuditRecord.of(AuditAction.ERASURE, PROCESSING_ACTOR, item.organisationId(),
                    Alerts.INFORMATION_TYPE, erased).withPurpose(PURPOSE).withDetails(Map.of("item", item.id(),
                    "reason", "the item is no longer visible to the recipient")));
        }
    }

    /** What the user may know of the item now; a removed or deactivated user knows nothing. */
    private Visibility visibilityFor(String userId, WatchedItem item) {
        try {
            return visibility(readers.forUser(userId, PURPOSE), item);
        } catch (RuntimeException gone) {
            return Visibility.HIDDEN;
        }
    }

    /**
     * Stores one recipient's alert unless they already have one for this watch and item; answers the
     * new alert's id. {@code escalatedFrom} names the unacknowledged alert this one escalates.
     */
    Optional<String> raiseFor(String userId, WatchedItem item, String markingId, WatchMatch match, String escalatedFrom) {
        Reader reader;
        try {
            reader = readers.forUser(userId, PURPOSE);
        } catch (RuntimeException gone) {
            return Optional.empty(); // a removed or deactivated user receives nothing
        }
        Visibility visibility = visibility(reader, item);
        if (visibility == Visibility.HIDDEN) {
            return Optional.empty();
        }
        boolean full = visibility == Visibility.VISIBLE;
        Watch watch = match.watch();
        String id = Ids.newId();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String holder = item.marking() == null ? item.organisationId() : item.marking().ownerOrganisation();
        String level = item.marking() == null ? null : scheme.level(item.marking().classificationRank());
        Instant escalateAt = escalatedFrom == null && watch.escalateAfter() != null ? now.plus(watch.escalateAfter()) : null;
        int added = jdbc.sql("""
                INSERT INTO monitoring_alert (id, watch_id, watch_name, recipient_user_id, item_type, item_id,
                    item_marking_id, item_organisation_id, disclosure, headline, summary, holder_organisation_id,
                    level, severity, state, raised_at, escalated_from, escalate_at, occurrences, last_matched_at)
                VALUES (:id, :watch, :watchName, :user, :type, :item, :marking, :itemOrg, :disclosure, :headline,
                    :summary, :holder, :level, :severity, 'NEW', :now, :from, :escalateAt, 1, :now)
                ON CONFLICT DO NOTHING""")
                .param("id", id).param("watch", watch.id()).param("watchName", watch.name()).param("user", userId)
                .param("type", item.type()).param("item", item.id()).param("marking", markingId)
                .param("itemOrg", item.organisationId())
                .param("disclosure", (full ? Disclosure.FULL : Disclosure.EXISTENCE_ONLY).name())
                .param("headline", full ? cut(item.headline(), 500) : null)
                .param("summary", full ? cut(match.why(), 2000) : null)
                .param("holder", holder).param("level", level).param("severity", watch.severity().name())
                .param("now", Timestamp.from(now)).param("from", escalatedFrom)
                .param("escalateAt", escalateAt == null ? null : Timestamp.from(escalateAt)).update();
        if (added == 0) {
            // matched again (a revision): one more occurrence; a full alert learns why, if it did not yet
            jdbc.sql("""
                    UPDATE monitoring_alert SET occurrences = occurrences + 1, last_matched_at = :now,
                        summary = CASE WHEN disclosure = 'FULL' AND summary IS NULL THEN :why ELSE summary END
                    WHERE watch_id = :watch AND recipient_user_id = :user AND item_type = :type AND item_id = :item""")
                    .param("now", Timestamp.from(now)).param("why", cut(match.why(), 2000)).param("watch", watch.id())
                    .param("user", userId).param("type", item.type()).param("item", item.id()).update();
            return Optional.empty();
        }
        delivery.schedule(notice(id, userId, item, match, full, holder, level, now));
        return Optional.of(id);
    }

    private Visibility visibility(Reader reader, WatchedItem item) {
        if (item.marking() == null) {
            // a screening hit is its organisation's own business: others learn nothing of it
            return reader.organisationId().equals(item.organisationId()) ? Visibility.VISIBLE : Visibility.HIDDEN;
        }
        return AccessPolicy.decide(reader, item.type(), item.marking()).visibility();
    }

    private AlertNotice notice(String id, String userId, WatchedItem item, WatchMatch match, boolean full,
                               String holder, String level, Instant now) {
        Watch w = match.watch();
        if (full) {
            return new AlertNotice(id, userId, w.id(), w.name(), w.severity().name(), cut(item.headline(), 500),
                    match.why(), link(item), now);
        }
        String holderName = organisations.find(holder).map(o -> o.name()).orElse("another organisation");
        return new AlertNotice(id, userId, w.id(), w.name(), w.severity().name(),
                "An item held by " + holderName + " matches your watch",
                "Level " + level + ". Its content is not available to you; ask the holder for release.",
                "/alerts/" + id, now);
    }

    private static String link(WatchedItem item) {
        return switch (item.type()) {
            case WatchedItem.REPORT -> "/reports/" + item.id();
            case WatchedItem.ENTITY -> "/entities/" + item.id();
            case WatchedItem.HIT -> "/screening/hits/" + item.id();
            case WatchedItem.INCIDENT -> "/incidents/" + item.id();
            default -> "/alerts";
        };
    }

    /** The owner, the named users and every active user of the named organisations, each once. */
    private Set<String> recipients(Watch w) {
        Set<String> users = new LinkedHashSet<>();
        users.add(w.ownerUserId());
        users.addAll(w.recipientUserIds());
        w.recipientOrganisationIds().forEach(org -> users.addAll(colleagues.members(org, null)));
        return users;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
