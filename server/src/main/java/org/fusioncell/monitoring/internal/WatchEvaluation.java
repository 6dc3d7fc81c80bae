package org.fusioncell.monitoring.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntitiesLinked;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityMentioned;
import org.fusioncell.entities.EntityRecorded;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.IdentifierKeys;
import org.fusioncell.identity.Organisations;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportContributed;
import org.fusioncell.intake.ReportRevised;
import org.fusioncell.intake.Reports;
import org.fusioncell.monitoring.incidents.IncidentRecorded;
import org.fusioncell.monitoring.incidents.Incidents;
import org.fusioncell.monitoring.incidents.IncidentsImported;
import org.fusioncell.screening.Hits;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.screening.ScreeningMatchConfirmed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Evaluates every new or changed item against the active watches as it arrives (after its
 * transaction commits, through the durable event registry, so an item committed before a crash is
 * still evaluated after restart), and raises the alerts of what matches.
 */
@Component
class WatchEvaluation {

    private final ActiveWatches watches;
    private final AlertRaising alerts;
    private final Reports reports;
    private final Entities entities;
    private final IdentifierKeys identifiers;
    private final Hits hits;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final Incidents incidents;

    WatchEvaluation(ActiveWatches watches, AlertRaising alerts, Reports reports, Entities entities,
                    IdentifierKeys identifiers, Hits hits, Organisations organisations, ClassificationScheme scheme,
                    Incidents incidents) {
        this.incidents = incidents;
        this.watches = watches;
        this.alerts = alerts;
        this.reports = reports;
        this.entities = entities;
        this.identifiers = identifiers;
        this.hits = hits;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    @ApplicationModuleListener
    void on(ReportContributed event) {
        reports.forProcessing(event.reportId()).ifPresent(r -> evaluate(report(r, null)));
    }

    /** A revision may change the content, the marking or both: alerts already raised are re-decided first. */
    @ApplicationModuleListener
    void on(ReportRevised event) {
        reports.forProcessing(event.reportId()).ifPresent(r -> {
            WatchedItem item = report(r, null);
            alerts.refresh(item);
            evaluate(item);
        });
    }

    @ApplicationModuleListener
    void on(EntityMentioned event) {
        Set<String> ids = both(event.entityId(), entities.survivorOf(event.entityId()));
        reports.forProcessing(event.reportId()).ifPresent(r -> evaluate(entityOnly(report(r, ids))));
    }

    @ApplicationModuleListener
    void on(EntitiesLinked event) {
        if (event.reportId() == null) {
            return;
        }
        Set<String> ids = both(event.fromEntityId(), event.toEntityId());
        reports.forProcessing(event.reportId()).ifPresent(r -> evaluate(entityOnly(report(r, ids))));
    }

    @ApplicationModuleListener
    void on(EntityRecorded event) {
        entities.forProcessing(event.entityId()).ifPresent(e -> {
            WatchedItem item = entity(e);
            alerts.refresh(item);
            evaluate(item);
        });
    }

    @ApplicationModuleListener
    void on(ScreeningMatchConfirmed event) {
        organisations.find(event.organisationId()).ifPresent(org -> {
            Reader processing = new Reader(AlertRaising.PROCESSING_ACTOR, org.id(), org.type(),
                    scheme.levels().size() - 1, Set.of(), List.of(), "watch evaluation");
            if (hits.open(processing, event.hitId()) instanceof ScreeningAccess.Granted<?> granted
                    && granted.value() instanceof org.fusioncell.screening.HitDetail detail) {
                List<String> names = detail.subject().names();
                String headline = "Confirmed match on " + event.listName() + " " + event.entryReference();
                evaluate(new WatchedItem(WatchedItem.HIT, event.hitId(), null, event.organisationId(), headline, null,
                        null, null, null, List.of(), Set.of(), Set.of(event.subjectId()), names, null, null,
                        Set.of("name", "entity")));
            }
        });
    }

    @ApplicationModuleListener
    void on(IncidentRecorded event) {
        incident(event.incidentId());
    }

    /** An import is one unit of work: its incidents are evaluated one after the other in one transaction. */
    @ApplicationModuleListener
    void on(IncidentsImported event) {
        event.incidentIds().forEach(this::incident);
    }

    private void incident(String incidentId) {
        incidents.forProcessing(incidentId).ifPresent(i -> {
            String headline = String.join(" · ", java.util.stream.Stream.of(String.valueOf(i.date()), i.attackType(),
                    i.placeName(), i.perpetratorGroup()).filter(v -> v != null && !v.isBlank() && !"null".equals(v)).toList());
            WatchedItem item = new WatchedItem(WatchedItem.INCIDENT, i.id(), i.marking(), i.ownerOrganisationId(), headline,
                    i.placeName(), i.perpetratorGroup(), i.latitude(), i.longitude(), List.of(), Set.of(), Set.of(),
                    List.of(), i.attackType(), i.perpetratorGroup(), Set.of("area", "incident-type", "group", "text"));
            alerts.refresh(item);
            evaluate(item);
        });
    }

    void evaluate(WatchedItem item) {
        List<WatchMatch> matches = watches.set().match(item);
        if (!matches.isEmpty()) {
            alerts.raise(item, matches);
        }
    }

    private WatchedItem report(Report r, Set<String> entityIds) {
        String text = r.body();
        Set<String> keys = new HashSet<>(identifiers.in(r.title()));
        keys.addAll(identifiers.in(text));
        Double lat = r.place() == null ? null : r.place().latitude();
        Double lon = r.place() == null ? null : r.place().longitude();
        return new WatchedItem(WatchedItem.REPORT, r.id(), r.marking(), r.originatingOrganisationId(), r.title(),
                r.title(), text, lat, lon, r.tags(), keys, entityIds, List.of(), null, null, null, r.language());
    }

    /**
     * The two ids as a set. Not {@code Set.of}: an entity that was never merged is its own survivor, and
     * {@code Set.of(a, a)} throws — which failed every evaluation of a recorded or mentioned entity.
     */
    private static Set<String> both(String a, String b) {
        return java.util.stream.Stream.of(a, b).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static WatchedItem entityOnly(WatchedItem item) {
        return new WatchedItem(item.type(), item.id(), item.marking(), item.organisationId(), item.headline(), null, null,
                null, null, List.of(), Set.of(), item.entityIds(), List.of(), null, null, Set.of("entity"));
    }

    private WatchedItem entity(Entity e) {
        Set<String> ids = both(e.id(), entities.survivorOf(e.id()));
        Set<String> keys = e.identifierKey() == null ? Set.of() : Set.of(e.identifierKey());
        List<String> names = e.type() == EntityType.PERSON ? List.of(e.label()) : List.of();
        String group = e.type() == EntityType.GROUP ? e.label() : null;
        Double lat = number(e.attributes().get("latitude"));
        Double lon = number(e.attributes().get("longitude"));
        return new WatchedItem(WatchedItem.ENTITY, e.id(), e.marking(), e.ownerOrganisationId(), e.label(), null, null,
                lat, lon, List.of(), keys, ids, names, null, group, Set.of("entity", "identifier", "name", "group", "area"));
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }
}
