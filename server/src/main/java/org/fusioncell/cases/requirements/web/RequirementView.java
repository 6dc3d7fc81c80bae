package org.fusioncell.cases.requirements.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.cases.requirements.Answer;
import org.fusioncell.cases.requirements.Requirement;
import org.fusioncell.identity.Organisations;

/** A requirement and its answers as JSON, as one reader may see them. */
record RequirementView(String id, String code, String title, String question, String priority,
                       Map<String, String> ownerOrganisation, Instant validFrom, Instant validUntil, String status,
                       String statusReason, MarkingView marking, int version, String createdByUserId,
                       Instant createdAt, Instant updatedAt) {

    record AnswerView(String id, String taskId, String reportId, String reportTitle, String classification,
                      String note, String linkedByUserId, Map<String, String> linkedByOrganisation,
                      Instant linkedAt) {
    }

    static RequirementView of(Requirement r, ClassificationScheme scheme, Organisations organisations) {
        return new RequirementView(r.id(), r.code(), r.title(), r.question(), r.priority().name(),
                organisation(r.ownerOrganisationId(), organisations), r.validFrom(), r.validUntil(), r.status().name(),
                r.statusReason(), MarkingView.of(r.marking(), scheme), r.version(), r.createdByUserId(),
                r.createdAt(), r.updatedAt());
    }

    static AnswerView answer(Answer a, ClassificationScheme scheme, Organisations organisations) {
        return new AnswerView(a.id(), a.taskId(), a.reportId(), a.reportTitle(),
                scheme.level(Math.min(a.reportMarking().classificationRank(), scheme.levels().size() - 1)), a.note(),
                a.linkedByUserId(), organisation(a.linkedOrganisationId(), organisations), a.linkedAt());
    }

    static List<AnswerView> answers(List<Answer> all, ClassificationScheme scheme, Organisations organisations) {
        return all.stream().map(a -> answer(a, scheme, organisations)).toList();
    }

    static Map<String, String> organisation(String id, Organisations organisations) {
        return organisations.find(id).map(o -> Map.of("id", o.id(), "name", o.name())).orElse(Map.of("id", id));
    }
}
