package org.fusioncell.exchange.partners.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.exchange.partners.ExchangeLog;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The exchange log in {@code exchange_transfer}; reading it is audited as a consultation. */
@Service
class JdbcExchangeLog implements ExchangeLog {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    JdbcExchangeLog(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** In a transaction of its own: a failed transfer is logged even though its own work rolled back. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String owner, String partnerId, Kind kind, int objects, String outcome, String detail) {
        insert(owner, partnerId, kind, objects, outcome, detail);
    }

    @Override
    @Transactional
    public void recordAlongside(String owner, String partnerId, Kind kind, int objects, String outcome, String detail) {
        insert(owner, partnerId, kind, objects, outcome, detail);
    }

    private void insert(String owner, String partnerId, Kind kind, int objects, String outcome, String detail) {
        jdbc.sql("""
                INSERT INTO exchange_transfer (id, owner_organisation_id, partner_id, kind, at, objects, outcome, detail)
                VALUES (:id, :owner, :partner, :kind, :at, :objects, :outcome, :detail)""")
                .param("id", Ids.newId()).param("owner", owner).param("partner", partnerId).param("kind", kind.name())
                .param("at", Timestamp.from(Instant.now(clock))).param("objects", objects).param("outcome", outcome)
                .param("detail", detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail)
                .update();
    }

    @Override
    @Transactional
    public Page<Transfer> page(Reader reader, String partnerId, PageRequest page) {
        String where = " WHERE owner_organisation_id = :o" + (partnerId == null ? "" : " AND partner_id = :p");
        var count = jdbc.sql("SELECT COUNT(*) FROM exchange_transfer" + where).param("o", reader.organisationId());
        var rows = jdbc.sql("SELECT * FROM exchange_transfer" + where + " ORDER BY at DESC, id LIMIT :l OFFSET :f")
                .param("o", reader.organisationId()).param("l", page.size()).param("f", page.offset());
        if (partnerId != null) {
            count = count.param("p", partnerId);
            rows = rows.param("p", partnerId);
        }
        long total = count.query(Long.class).single();
        List<Transfer> items = rows.query((rs, n) -> new Transfer(rs.getString("id"), rs.getString("owner_organisation_id"),
                rs.getString("partner_id"), Kind.valueOf(rs.getString("kind")), rs.getTimestamp("at").toInstant(),
                rs.getInt("objects"), rs.getString("outcome"), rs.getString("detail"))).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), "exchange-log",
                partnerId == null ? List.of() : List.of(partnerId)).withPurpose(reader.purpose()));
        return Page.of(items, page, total);
    }
}
