package org.fusioncell.exchange.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.EntitiesLinked;
import org.fusioncell.entities.EntityErased;
import org.fusioncell.entities.EntityMentioned;
import org.fusioncell.entities.Entities;
import org.fusioncell.exchange.taxii.Publication;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.ReportContributed;
import org.fusioncell.intake.ReportErased;
import org.fusioncell.intake.ReportRevised;
import org.fusioncell.intake.Reports;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Publication}: the decisions of people (approvals, revocations, publishing a collection's backlog)
 * and the reactions to items being recorded, revised and erased (after commit, through the event
 * publication registry, so that a crash loses none).
 */
@Service
class PublicationDecisions implements Publication {

    private final CollectionPublication publication;
    private final TaxiiStore store;
    private final Reports reports;
    private final Entities entities;
    private final Colleagues colleagues;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    PublicationDecisions(CollectionPublication publication, TaxiiStore store, Reports reports, Entities entities,
                         Colleagues colleagues, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.publication = publication;
        this.store = store;
        this.reports = reports;
        this.entities = entities;
        this.colleagues = colleagues;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Published approve(Reader supervisor, String collectionId, String itemId, String reason) {
        TaxiiCollection c = store.forProcessing(collectionId).filter(TaxiiCollection::publishes)
                .orElseThrow(() -> new NotFoundException("publishing collection"));
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidInputException("reason", "required, at most 1000 characters");
        }
        Marking marking = reports.forProcessing(itemId).map(org.fusioncell.intake.Report::marking)
                .or(() -> entities.forProcessing(itemId).map(org.fusioncell.entities.Entity::marking))
                .filter(m -> m.ownerOrganisation().equals(supervisor.organisationId()))
                .orElseThrow(() -> new NotFoundException("item"));
        if (!colleagues.holds(supervisor, Role.SUPERVISOR)) {
            throw new InvalidInputException("itemId", "only a supervisor of the originating organisation approves");
        }
        boolean isReport = reports.forProcessing(itemId).isPresent();
        if (AccessPolicy.decide(supervisor, isReport ? "report" : "entity", marking).visibility()
                != Decision.Visibility.VISIBLE) {
            // TLP:RED is for its named recipients: a supervisor who is not one cannot pass it on
            throw new InvalidInputException("itemId", "you may not read this item yourself (TLP:RED: only a named"
                    + " recipient approves)");
        }
        jdbc.sql("DELETE FROM exchange_release_approval WHERE collection_id = :c AND item_id = :i")
                .param("c", c.id()).param("i", itemId).update();
        jdbc.sql("INSERT INTO exchange_release_approval (collection_id, item_id, approved_by, approved_at, reason)"
                        + " VALUES (:c, :i, :by, :at, :r)").param("c", c.id()).param("i", itemId)
                .param("by", supervisor.userId()).param("at", Timestamp.from(Instant.now(clock)))
                .param("r", reason.strip()).update();
        audit.record(AuditRecord.of(AuditAction.DISCLOSURE, supervisor.userId(), supervisor.organisationId(),
                "release-approval", List.of(itemId, c.id())).withPurpose(supervisor.purpose())
                .withOutcome("APPROVED").withDetails(Map.of("reason", reason.strip(), "tlp", marking.tlp().name(),
                        "originatorControl", String.valueOf(marking.originatorControl()))));
        if (isReport) {
            // read as the approver: a TLP:RED report is readable only by its named recipients
            return publication.report(c, itemId, supervisor);
        }
        return publication.all(c);
    }

    @Override
    @Transactional
    public int revoke(Reader admin, String collectionId, String objectId, String reason) {
        TaxiiCollection c = owned(admin, collectionId);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidInputException("reason", "required, at most 1000 characters");
        }
        if (objectId == null || !objectId.matches("[a-z0-9-]+--[0-9a-f-]{36}")) {
            throw new InvalidInputException("objectId", "a STIX id: <type>--<UUID>");
        }
        int n = publication.revoke(c, List.of(objectId), reason.strip());
        audit.record(AuditRecord.of(AuditAction.ERASURE, admin.userId(), admin.organisationId(), "taxii-object",
                List.of(c.id(), objectId)).withPurpose(admin.purpose()).withOutcome(n > 0 ? "REVOKED" : "UNCHANGED")
                .withDetails(Map.of("reason", reason.strip())));
        return n;
    }

    @Override
    @Transactional
    public Published publishAll(Reader admin, String collectionId) {
        TaxiiCollection c = owned(admin, collectionId);
        if (!c.publishes()) {
            throw new InvalidInputException("publishes", "this collection does not publish the installation's items");
        }
        return publication.all(c);
    }

    private TaxiiCollection owned(Reader admin, String collectionId) {
        return store.forProcessing(collectionId).filter(c -> c.ownerOrganisationId().equals(admin.organisationId()))
                .orElseThrow(() -> new NotFoundException("collection"));
    }

    @ApplicationModuleListener
    void on(ReportContributed event) {
        publication.report(event.reportId());
    }

    @ApplicationModuleListener
    void on(ReportRevised event) {
        publication.report(event.reportId());
    }

    @ApplicationModuleListener
    void on(EntityMentioned event) {
        publication.report(event.reportId());
    }

    @ApplicationModuleListener
    void on(EntitiesLinked event) {
        publication.report(event.reportId());
    }

    @ApplicationModuleListener
    void on(ReportErased event) {
        publication.erased(event.reportId());
    }

    @ApplicationModuleListener
    void on(EntityErased event) {
        publication.erased(event.entityId());
    }
}
