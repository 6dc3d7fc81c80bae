package org.fusioncell.exchange.rfi.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.exchange.RfiErased;
import org.fusioncell.exchange.RfiErasure;
import org.fusioncell.exchange.rfi.AddresseeState;
import org.fusioncell.exchange.rfi.RequestsForInformation;
import org.fusioncell.shared.ErasureReason;
import org.fusioncell.shared.ExpiredItem;
import org.fusioncell.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link RfiErasure} over the {@code exchange_rfi*} tables. */
@Service
class JdbcRfiErasure implements RfiErasure {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    JdbcRfiErasure(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional
    public boolean erase(Reader actor, String rfiId, String reason) {
        String why = ErasureReason.checked(reason);
        if (!Ids.isWellFormed(rfiId)) {
            return false;
        }
        List<String> requester = jdbc.sql("SELECT requester_organisation_id FROM exchange_rfi WHERE id = :id"
                        + " FOR UPDATE").param("id", rfiId).query(String.class).list();
        if (requester.isEmpty()) {
            return false;
        }
        if (!requester.getFirst().equals(actor.organisationId())) {
            audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, actor.userId(), actor.organisationId(),
                    RequestsForInformation.INFORMATION_TYPE, List.of(rfiId)).withPurpose(actor.purpose())
                    .withOutcome("REFUSED").withDetails(Map.of("attempted", "erasure",
                            "reason", "not the requesting organisation")));
            return false;
        }
        events.publishEvent(new RfiErased(rfiId, actor.organisationId(), actor.userId(), why));
        jdbc.sql("DELETE FROM exchange_rfi_attachment WHERE response_id IN"
                + " (SELECT id FROM exchange_rfi_response WHERE rfi_id = :id)").param("id", rfiId).update();
        int answers = jdbc.sql("DELETE FROM exchange_rfi_response WHERE rfi_id = :id").param("id", rfiId).update();
        int messages = jdbc.sql("DELETE FROM exchange_rfi_message WHERE rfi_id = :id").param("id", rfiId).update();
        int addressees = jdbc.sql("DELETE FROM exchange_rfi_addressee WHERE rfi_id = :id").param("id", rfiId).update();
        jdbc.sql("DELETE FROM exchange_rfi_entity WHERE rfi_id = :id").param("id", rfiId).update();
        jdbc.sql("DELETE FROM exchange_rfi WHERE id = :id").param("id", rfiId).update();
        audit.record(AuditRecord.of(AuditAction.ERASURE, actor.userId(), actor.organisationId(),
                RequestsForInformation.INFORMATION_TYPE, List.of(rfiId)).withPurpose(actor.purpose())
                .withDetails(Map.of("reason", why, "addressees", String.valueOf(addressees),
                        "messages", String.valueOf(messages), "answers", String.valueOf(answers))));
        return true;
    }

    @Override
    public List<ExpiredItem> expired(Instant cutoff, String afterId, int limit) {
        return jdbc.sql("""
                SELECT q.id, q.requester_organisation_id FROM exchange_rfi q
                WHERE q.id > :after AND q.updated_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM exchange_rfi_addressee a WHERE a.rfi_id = q.id
                      AND (a.updated_at >= :cutoff OR (q.cancelled = FALSE AND a.state IN (:awaiting))))
                ORDER BY q.id LIMIT :n""")
                .param("after", afterId == null ? "" : afterId).param("cutoff", Timestamp.from(cutoff))
                .param("awaiting", AddresseeState.AWAITING.stream().map(Enum::name).toList())
                .param("n", limit).query((rs, n) -> new ExpiredItem(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public java.util.Optional<String> holder(String id) {
        return jdbc.sql("SELECT requester_organisation_id FROM exchange_rfi WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }
}
