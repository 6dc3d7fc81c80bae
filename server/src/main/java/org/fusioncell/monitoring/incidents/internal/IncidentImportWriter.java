package org.fusioncell.monitoring.incidents.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.monitoring.incidents.IncidentDraft;
import org.fusioncell.monitoring.incidents.Incidents;
import org.fusioncell.shared.Batches;
import org.fusioncell.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pass 2 of an import: every checked row stored in one transaction, in JDBC batches, under one marking;
 * rows the organisation already holds from the same source (same external id) are skipped, so importing
 * a dataset again adds only what is new. One audit record lists every new incident (collection);
 * One {@link org.fusioncell.monitoring.incidents.IncidentsImported} is published with their ids.
 */
@Service
class IncidentImportWriter {

    static final int BATCH = 1000;

    record Written(String importId, int imported, int duplicates) {
    }

    private final JdbcClient jdbc;
    private final IncidentRows rows;
    private final Markings markings;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Admin1Areas areas;

    IncidentImportWriter(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Markings markings, AuditLog audit,
                         Clock clock, ApplicationEventPublisher events, Admin1Areas areas) {
        this.areas = areas;
        this.jdbc = jdbc;
        this.rows = new IncidentRows(template, json);
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Written write(Reader author, List<IncidentDraft> drafts, Marking marking, String source) {
        String importId = Ids.newId();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String markingId = markings.save(marking);
        Set<String> held = new HashSet<>();
        if (source != null) {
            held.addAll(jdbc.sql("SELECT external_id FROM monitoring_incident WHERE owner_organisation_id = :org"
                            + " AND external_source = :source AND external_id IS NOT NULL")
                    .param("org", author.organisationId()).param("source", source).query(String.class).list());
        }
        List<String> ids = new ArrayList<>(drafts.size());
        int duplicates = 0;
        try (Batches<IncidentRows.NewRow> batches = new Batches<>(BATCH, rows::insert)) {
            for (IncidentDraft d : drafts) {
                if (d.externalId() != null && !held.add(d.externalId())) {
                    duplicates++;
                    continue;
                }
                String id = Ids.newId();
                ids.add(id);
                batches.accept(new IncidentRows.NewRow(id, areas.coded(d), markingId, author.organisationId(),
                        importId, now, author.userId()));
            }
        }
        audit.record(AuditRecord.of(AuditAction.COLLECTION, author.userId(), author.organisationId(),
                        Incidents.INFORMATION_TYPE, ids).withPurpose(author.purpose())
                .withDetails(Map.of("import", importId, "imported", String.valueOf(ids.size()),
                        "duplicates", String.valueOf(duplicates), "source", source == null ? "" : source,
                        "classificationRank", String.valueOf(marking.classificationRank()), "tlp", marking.tlp().name())));
        // in parts: the event registry stores each event in a column of at most 4,000 characters
        for (int from = 0; from < ids.size(); from += org.fusioncell.monitoring.incidents.IncidentsImported.MAX_IDS) {
            events.publishEvent(new org.fusioncell.monitoring.incidents.IncidentsImported(
                    ids.subList(from, Math.min(ids.size(), from + org.fusioncell.monitoring.incidents.IncidentsImported.MAX_IDS))));
        }
        return new Written(importId, ids.size(), duplicates);
    }
}
