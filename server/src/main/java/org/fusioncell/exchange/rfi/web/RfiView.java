package org.fusioncell.exchange.rfi.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.exchange.rfi.ResponseTimes;
import org.fusioncell.exchange.rfi.Rfi;
import org.fusioncell.exchange.rfi.RfiSummary;
import org.fusioncell.exchange.rfi.ShownItem;
import org.fusioncell.identity.Organisations;

/** A request for information as JSON, as one reader may see it. */
record RfiView(String id, String title, String question, String priority, Instant dueAt, boolean overdue,
               MarkingView marking, Map<String, String> requesterOrganisation, String requesterUserId,
               boolean cancelled, String cancelReason, Instant createdAt, List<Item> entities,
               List<AddresseeView> addressees) {

    /** A linked entity or attached item: content only when VISIBLE; the hit/no-hit notice otherwise. */
    record Item(String itemType, String itemId, String disclosure, String label,
                Map<String, String> holderOrganisation, String classification) {
    }

    record AddresseeView(String id, Map<String, String> organisation, String state, String assigneeUserId,
                         Instant assignedAt, Instant firstAnsweredAt, String stateReason, boolean overdue,
                         List<Rfi.Message> thread, List<ResponseView> responses) {
    }

    record ResponseView(String id, String authorUserId, String text, Instant createdAt, List<Item> attachments) {
    }

    record Summary(String id, String title, String priority, Instant dueAt, Map<String, String> requesterOrganisation,
                   String box, String state, int addressees, int answered, boolean overdue, String classification,
                   Instant createdAt) {
    }

    record Times(Instant from, Instant to, Instant asOf, List<TimesRow> organisations) {
    }

    /** Durations in ISO-8601 (PT5H30M) and in hours, for a table or a chart. */
    record TimesRow(Map<String, String> organisation, int addressed, int answered, Duration median, Duration p90,
                    Double medianHours, Double p90Hours, int overdue) {
    }

    static RfiView of(Rfi r, ClassificationScheme scheme, Organisations organisations) {
        return new RfiView(r.id(), r.title(), r.question(), r.priority().name(), r.dueAt(),
                r.addressees().stream().anyMatch(Rfi.Addressee::overdue), MarkingView.of(r.marking(), scheme),
                organisation(r.requesterOrganisationId(), organisations), r.requesterUserId(), r.cancelled(),
                r.cancelReason(), r.createdAt(), items(r.entities(), scheme, organisations),
                r.addressees().stream().map(a -> new AddresseeView(a.id(), organisation(a.organisationId(), organisations),
                        a.state().name(), a.assigneeUserId(), a.assignedAt(), a.firstAnsweredAt(), a.stateReason(),
                        a.overdue(), a.thread(), a.responses().stream().map(x -> new ResponseView(x.id(),
                                x.authorUserId(), x.text(), x.createdAt(), items(x.attachments(), scheme, organisations)))
                        .toList())).toList());
    }

    static Summary summary(RfiSummary s, ClassificationScheme scheme, Organisations organisations) {
        return new Summary(s.id(), s.title(), s.priority().name(), s.dueAt(),
                organisation(s.requesterOrganisationId(), organisations), s.incoming() ? "incoming" : "outgoing",
                s.state().name(), s.addressees(), s.answered(), s.overdue(), level(scheme, s.classificationRank()),
                s.createdAt());
    }

    static Times times(ResponseTimes t, Organisations organisations) {
        return new Times(t.from(), t.to(), t.asOf(), t.organisations().stream().map(r -> new TimesRow(
                organisation(r.organisationId(), organisations), r.addressed(), r.answered(), r.median(), r.p90(),
                hours(r.median()), hours(r.p90()), r.overdue())).toList());
    }

    static Double hours(Duration d) {
        return d == null ? null : Math.round(d.toMinutes() / 6.0) / 10.0;
    }

    static List<Item> items(List<ShownItem> items, ClassificationScheme scheme, Organisations organisations) {
        return items.stream().map(i -> new Item(i.itemType().name(), i.itemId(), i.disclosure().name(), i.label(),
                i.holderOrganisationId() == null ? null : organisation(i.holderOrganisationId(), organisations),
                i.classificationRank() < 0 ? null : level(scheme, i.classificationRank()))).toList();
    }

    static Map<String, String> organisation(String id, Organisations organisations) {
        return organisations.find(id).map(o -> Map.of("id", o.id(), "name", o.name())).orElse(Map.of("id", id));
    }

    static String level(ClassificationScheme scheme, int rank) {
        return scheme.level(Math.min(rank, scheme.levels().size() - 1));
    }
}
