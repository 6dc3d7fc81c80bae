package org.fusioncell.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseItem;
import org.fusioncell.cases.CaseSummary;
import org.fusioncell.cases.CaseTask;
import org.fusioncell.cases.TimelineEntry;
import org.fusioncell.identity.Organisations;

/** A case and its parts as JSON, as one reader may see them. */
record CaseView(String id, String title, String summary, String kind, String status, String statusReason,
                String language, Map<String, String> leadOrganisation, List<ParticipantView> participants,
                MarkingView marking, int version, String createdByUserId, Instant createdAt, Instant updatedAt) {

    record ParticipantView(Map<String, String> organisation, String addedByUserId, Instant addedAt) {
    }

    record Summary(String id, String title, String kind, String status, Map<String, String> leadOrganisation,
                   String language, String classification, int openTasks, Instant createdAt, Instant updatedAt) {
    }

    record Items(String caseId, List<ItemView> items) {
    }

    record ItemView(String id, String itemType, String itemId, String label, String classification,
                    Map<String, String> holderOrganisation, String note, String addedByUserId,
                    Map<String, String> addedByOrganisation, Instant addedAt) {
    }

    record Timeline(String caseId, List<TimelineEntry> entries) {
    }

    record Tasks(String caseId, List<CaseTask> tasks) {
    }

    static CaseView of(CaseFile c, ClassificationScheme scheme, Organisations organisations) {
        return new CaseView(c.id(), c.title(), c.summary(), c.kind().name(), c.status().name(), c.statusReason(),
                c.language(), organisation(c.leadOrganisationId(), organisations),
                c.participants().stream().map(p -> new ParticipantView(organisation(p.organisationId(), organisations),
                        p.addedByUserId(), p.addedAt())).toList(),
                MarkingView.of(c.marking(), scheme), c.version(), c.createdByUserId(), c.createdAt(), c.updatedAt());
    }

    static Summary summary(CaseSummary s, ClassificationScheme scheme, Organisations organisations) {
        return new Summary(s.id(), s.title(), s.kind().name(), s.status().name(),
                organisation(s.leadOrganisationId(), organisations), s.language(), level(scheme, s.classificationRank()),
                s.openTasks(), s.createdAt(), s.updatedAt());
    }

    static ItemView item(CaseItem i, ClassificationScheme scheme, Organisations organisations) {
        return new ItemView(i.id(), i.itemType().name(), i.itemId(), i.label(), level(scheme, i.classificationRank()),
                organisation(i.holderOrganisationId(), organisations), i.note(), i.addedByUserId(),
                organisation(i.addedByOrganisationId(), organisations), i.addedAt());
    }

    static Map<String, String> organisation(String id, Organisations organisations) {
        return organisations.find(id).map(o -> Map.of("id", o.id(), "name", o.name())).orElse(Map.of("id", id));
    }

    static String level(ClassificationScheme scheme, int rank) {
        return scheme.level(Math.min(rank, scheme.levels().size() - 1));
    }
}
