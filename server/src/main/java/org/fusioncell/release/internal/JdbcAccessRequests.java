package org.fusioncell.release.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.Reports;
import org.fusioncell.release.AccessRequest;
import org.fusioncell.release.AccessRequests;
import org.fusioncell.release.Filing;
import org.fusioncell.release.ItemType;
import org.fusioncell.release.Ruling;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAccessRequests implements AccessRequests {

    static final int MAX_TEXT = 2000;
    private static final String PURPOSE = "access-request";

    private final JdbcClient jdbc;
    private final Reports reports;
    private final Entities entities;
    private final Readers readers;
    private final AuditLog audit;
    private final Clock clock;

    JdbcAccessRequests(JdbcClient jdbc, Reports reports, Entities entities, Readers readers, AuditLog audit,
                       Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.entities = entities;
        this.readers = readers;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the hit notice told the requester: the holder and the level. Null when not existence-only. */
    private record Notice(String holderOrganisationId, int classificationRank) {
    }

    @Override
    @Transactional
    public Filing file(Reader requester, ItemType itemType, String itemId, String justification) {
        String why = text("justification", justification, true);
        Marking marking;
        switch (itemType) {
            case REPORT -> {
                ReportAccess access = reports.open(requester, itemId, null);
                if (access instanceof ReportAccess.Unknown) {
                    return new Filing.Unknown();
                }
                if (!(access instanceof ReportAccess.KnownToExist known)) {
                    return new Filing.AlreadyVisible();
                }
                marking = known.marking();
            }
            case ENTITY -> {
                EntityAccess access = entities.open(requester, itemId);
                if (access instanceof EntityAccess.Unknown) {
                    return new Filing.Unknown();
                }
                if (!(access instanceof EntityAccess.KnownToExist known)) {
                    return new Filing.AlreadyVisible();
                }
                marking = known.marking();
            }
            default -> throw new IllegalStateException("unknown item type " + itemType);
        }
        Optional<AccessRequest> pending = jdbc.sql("SELECT * FROM release_access_request WHERE item_type = :type"
                        + " AND item_id = :item AND requester_user_id = :user AND state = 'PENDING'")
                .param("type", itemType.name()).param("item", itemId).param("user", requester.userId())
                .query(JdbcAccessRequests::row).optional();
        if (pending.isPresent()) {
            return new Filing.Filed(pending.get());
        }
        String id = Ids.newId();
        Instant now = now();
        jdbc.sql("""
                INSERT INTO release_access_request (id, item_type, item_id, requester_user_id, requester_organisation_id,
                    holder_organisation_id, classification_rank, justification, state, created_at)
                VALUES (:id, :type, :item, :user, :org, :holder, :rank, :why, 'PENDING', :now)""")
                .param("id", id).param("type", itemType.name()).param("item", itemId)
                .param("user", requester.userId()).param("org", requester.organisationId())
                .param("holder", marking.ownerOrganisation()).param("rank", marking.classificationRank())
                .param("why", why).param("now", Timestamp.from(now)).update();
        audit.record(AuditRecord.of(AuditAction.COLLECTION, requester.userId(), requester.organisationId(), OBJECT_TYPE,
                        List.of(id, itemId)).withPurpose(requester.purpose())
                .withDetails(Map.of("itemType", itemType.name(), "holderOrganisation", marking.ownerOrganisation())));
        return new Filing.Filed(new AccessRequest(id, itemType, itemId, requester.userId(), requester.organisationId(),
                marking.ownerOrganisation(), marking.classificationRank(), why, AccessRequest.State.PENDING, null, null,
                now, null));
    }

    @Override
    @Transactional
    public Page<AccessRequest> incoming(Reader reader, boolean decider, PageRequest page) {
        if (!decider) {
            return listed(reader, "incoming", Page.of(List.of(), page, 0));
        }
        return listed(reader, "incoming", page("holder_organisation_id = :who", reader.organisationId(), page));
    }

    @Override
    @Transactional
    public Page<AccessRequest> outgoing(Reader reader, PageRequest page) {
        return listed(reader, "outgoing", page("requester_user_id = :who", reader.userId(), page));
    }

    private Page<AccessRequest> page(String where, String who, PageRequest page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM release_access_request WHERE " + where).param("who", who)
                .query(Long.class).single();
        List<AccessRequest> items = jdbc.sql("SELECT * FROM release_access_request WHERE " + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("who", who).param("limit", page.size()).param("offset", page.offset())
                .query(JdbcAccessRequests::row).list();
        return Page.of(items, page, total);
    }

    private Page<AccessRequest> listed(Reader reader, String box, Page<AccessRequest> found) {
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                        found.items().stream().map(AccessRequest::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", box, "page", String.valueOf(found.page()),
                        "total", String.valueOf(found.total()))));
        return found;
    }

    @Override
    @Transactional
    public Optional<AccessRequest> find(Reader reader, boolean decider, String requestId) {
        Optional<AccessRequest> found = load(requestId).filter(r -> seenBy(r, reader, decider));
        found.ifPresent(r -> audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(),
                reader.organisationId(), OBJECT_TYPE, List.of(r.id())).withPurpose(reader.purpose())));
        return found;
    }

    private static boolean seenBy(AccessRequest r, Reader reader, boolean decider) {
        return r.requesterUserId().equals(reader.userId())
                || decider && r.holderOrganisationId().equals(reader.organisationId());
    }

    @Override
    @Transactional
    public Ruling approve(Reader decider, boolean mayDecide, String requestId, String reason) {
        String why = text("reason", reason, false);
        Optional<AccessRequest> found = decidable(decider, mayDecide, requestId);
        if (found.isEmpty()) {
            return new Ruling.Unknown();
        }
        AccessRequest r = found.get();
        // claiming the row first makes a concurrent second approval wait here and then find it decided
        if (!settle(r, AccessRequest.State.APPROVED, decider, why)) {
            return new Ruling.AlreadyDecided(load(requestId).orElseThrow().state());
        }
        Reader requester = readers.forUser(r.requesterUserId(), PURPOSE);
        Decision decision = r.itemType() == ItemType.REPORT
                ? reports.releaseTo(decider, r.itemId(), requester, r.id())
                : entities.releaseTo(decider, r.itemId(), requester, r.id());
        if (!decision.visible()) {
            jdbc.sql("UPDATE release_access_request SET state = 'PENDING', decided_by = NULL, decision_reason = NULL,"
                    + " decided_at = NULL WHERE id = :id").param("id", r.id()).update();
            String refusal = decision.visibility() == Decision.Visibility.HIDDEN
                    ? "item no longer held by the organisation" : decision.reason();
            audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, decider.userId(), decider.organisationId(),
                    OBJECT_TYPE, List.of(r.id(), r.itemId())).withPurpose(decider.purpose()).withOutcome("REFUSED")
                    .withDetails(Map.of("step", "approve", "reason", refusal)));
            return new Ruling.Refused(refusal);
        }
        return new Ruling.Done(load(requestId).orElseThrow());
    }

    @Override
    @Transactional
    public Ruling deny(Reader decider, boolean mayDecide, String requestId, String reason) {
        String why = text("reason", reason, true);
        Optional<AccessRequest> found = decidable(decider, mayDecide, requestId);
        if (found.isEmpty()) {
            return new Ruling.Unknown();
        }
        return finish(found.get(), AccessRequest.State.DENIED, decider, why);
    }

    @Override
    @Transactional
    public Ruling withdraw(Reader requester, String requestId) {
        Optional<AccessRequest> found = load(requestId).filter(r -> r.requesterUserId().equals(requester.userId()));
        if (found.isEmpty()) {
            return new Ruling.Unknown();
        }
        return finish(found.get(), AccessRequest.State.WITHDRAWN, requester, null);
    }

    private Ruling finish(AccessRequest r, AccessRequest.State state, Reader by, String why) {
        if (!settle(r, state, by, why)) {
            return new Ruling.AlreadyDecided(load(r.id()).orElseThrow().state());
        }
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, by.userId(), by.organisationId(), OBJECT_TYPE,
                        List.of(r.id(), r.itemId())).withPurpose(by.purpose()).withOutcome(state.name())
                .withDetails(Map.of("itemType", r.itemType().name())));
        return new Ruling.Done(load(r.id()).orElseThrow());
    }

    private Optional<AccessRequest> decidable(Reader decider, boolean mayDecide, String requestId) {
        return load(requestId).filter(r -> mayDecide && r.holderOrganisationId().equals(decider.organisationId()));
    }

    private boolean settle(AccessRequest r, AccessRequest.State state, Reader by, String why) {
        return jdbc.sql("UPDATE release_access_request SET state = :state, decided_by = :by, decision_reason = :why,"
                        + " decided_at = :now WHERE id = :id AND state = 'PENDING'")
                .param("state", state.name()).param("by", by.userId()).param("why", why)
                .param("now", Timestamp.from(now())).param("id", r.id()).update() == 1;
    }

    private Optional<AccessRequest> load(String requestId) {
        if (!Ids.isWellFormed(requestId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM release_access_request WHERE id = :id").param("id", requestId)
                .query(JdbcAccessRequests::row).optional();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "at most " + MAX_TEXT + " characters");
        }
        return stripped;
    }

    static AccessRequest row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new AccessRequest(rs.getString("id"), ItemType.valueOf(rs.getString("item_type")),
                rs.getString("item_id"), rs.getString("requester_user_id"), rs.getString("requester_organisation_id"),
                rs.getString("holder_organisation_id"), rs.getInt("classification_rank"), rs.getString("justification"),
                AccessRequest.State.valueOf(rs.getString("state")), rs.getString("decided_by"),
                rs.getString("decision_reason"), rs.getTimestamp("created_at").toInstant(),
                decided == null ? null : decided.toInstant());
    }
}
