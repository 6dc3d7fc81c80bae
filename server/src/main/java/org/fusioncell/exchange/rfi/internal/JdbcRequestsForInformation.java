package org.fusioncell.exchange.rfi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.exchange.rfi.AddresseeState;
import org.fusioncell.exchange.rfi.Attachment;
import org.fusioncell.exchange.rfi.Priority;
import org.fusioncell.exchange.rfi.RequestsForInformation;
import org.fusioncell.exchange.rfi.ResponseTimes;
import org.fusioncell.exchange.rfi.Rfi;
import org.fusioncell.exchange.rfi.RfiAccess;
import org.fusioncell.exchange.rfi.RfiDraft;
import org.fusioncell.exchange.rfi.RfiQuery;
import org.fusioncell.exchange.rfi.RfiStep;
import org.fusioncell.exchange.rfi.RfiSummary;
import org.fusioncell.exchange.rfi.ShownItem;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.Reports;
import org.fusioncell.monitoring.Notices;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests for information on the database. Visibility is the marking (through {@link VisibilityFilter} in
 * every list and count, {@link AccessPolicy} on a single request) AND being a party: the requester's
 * organisation or an addressed one. Workflow steps move one addressee row with a conditional update, so two
 * concurrent steps cannot both succeed.
 */
@Service
class JdbcRequestsForInformation implements RequestsForInformation {

    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 8000;
    static final int MAX_REASON = 2000;
    static final int MAX_ADDRESSEES = 30;
    static final int MAX_ITEMS = 50;
    static final String ESCALATION_ACTOR = "processing:rfi-escalation";
    private static final String OBJECT = INFORMATION_TYPE;
    private static final List<String> AWAITING = List.of("OPEN", "ASSIGNED", "REOPENED");

    private final JdbcClient jdbc;
    private final Markings markings;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final Entities entities;
    private final Reports reports;
    private final Readers readers;
    private final Colleagues colleagues;
    private final Organisations organisations;
    private final Notices notices;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    JdbcRequestsForInformation(JdbcClient jdbc, Markings markings, ClassificationScheme scheme,
                               MarkingVocabulary vocabulary, Entities entities, Reports reports, Readers readers,
                               Colleagues colleagues, Organisations organisations, Notices notices, AuditLog audit,
                               Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.entities = entities;
        this.reports = reports;
        this.readers = readers;
        this.colleagues = colleagues;
        this.organisations = organisations;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    record Head(String id, String title, String question, Priority priority, Instant dueAt, String markingId,
                String requesterUserId, String requesterOrganisationId, boolean cancelled, String cancelReason,
                Instant createdAt) {
        boolean requestedBy(String organisationId) {
            return requesterOrganisationId.equals(organisationId);
        }
    }

    record Row(String id, String rfiId, String organisationId, AddresseeState state, String assigneeUserId,
               Instant assignedAt, Instant firstAnsweredAt, String stateReason) {
    }

    /** A request the reader may see and act on, with its marking and its addressee rows. */
    private record Seen(Head head, Marking marking, List<Row> addressees) {
        Optional<Row> of(String organisationId) {
            return addressees.stream().filter(a -> a.organisationId().equals(organisationId)).findFirst();
        }
    }

    // ---------------------------------------------------------------------------------------------- filing

    @Override
    @Transactional
    public Rfi file(Reader requester, RfiDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        String title = text("title", draft.title(), MAX_TITLE, true);
        String question = text("question", draft.question(), MAX_TEXT, true);
        if (draft.priority() == null || draft.priority().isBlank()) {
            throw new InvalidInputException("priority", "required; one of ROUTINE, PRIORITY, IMMEDIATE");
        }
        Priority priority = Priority.parse(draft.priority()).orElseThrow(() -> new InvalidInputException("priority",
                "one of ROUTINE, PRIORITY, IMMEDIATE"));
        Instant now = now();
        Instant due = due(draft.dueAt(), now);
        List<String> addressees = addressees(requester, draft.addressees());
        if (draft.marking() == null) {
            throw new InvalidInputException("marking", "required");
        }
        Marking marking = draft.marking().toMarking(scheme, vocabulary, requester.organisationId(), requester.userId(),
                "marking");
        Decision own = AccessPolicy.decide(requester, INFORMATION_TYPE, marking);
        if (!own.visible()) {
            throw new InvalidInputException("marking", "you could not read a request marked so (" + own.reason() + ")");
        }
        List<String> entityIds = linkedEntities(requester, draft.entityIds());
        for (int i = 0; i < addressees.size(); i++) {
            if (firstReader(addressees.get(i), marking).isEmpty()) {
                throw new InvalidInputException("addressees[" + i + "]", "the marking lets nobody of this organisation"
                        + " read the request: release it to them (marking.releasability) or lower its level");
            }
        }
        String id = Ids.newId();
        String markingId = markings.save(marking);
        jdbc.sql("""
                INSERT INTO exchange_rfi (id, title, question, priority, due_at, marking_id, requester_user_id,
                    requester_organisation_id, cancelled, created_at, updated_at)
                VALUES (:id, :title, :question, :priority, :due, :marking, :user, :org, FALSE, :now, :now)""")
                .param("id", id).param("title", title).param("question", question).param("priority", priority.name())
                .param("due", Timestamp.from(due)).param("marking", markingId).param("user", requester.userId())
                .param("org", requester.organisationId()).param("now", Timestamp.from(now)).update();
        for (int i = 0; i < entityIds.size(); i++) {
            jdbc.sql("INSERT INTO exchange_rfi_entity (rfi_id, position, entity_id) VALUES (:id, :pos, :entity)")
                    .param("id", id).param("pos", i).param("entity", entityIds.get(i)).update();
        }
        List<String> rowIds = new ArrayList<>();
        for (String org : addressees) {
            String rowId = Ids.newId();
            rowIds.add(rowId);
            jdbc.sql("INSERT INTO exchange_rfi_addressee (id, rfi_id, organisation_id, state, updated_at)"
                            + " VALUES (:id, :rfi, :org, 'OPEN', :now)")
                    .param("id", rowId).param("rfi", id).param("org", org).param("now", Timestamp.from(now)).update();
        }
        audit.record(AuditRecord.of(AuditAction.COLLECTION, requester.userId(), requester.organisationId(), OBJECT,
                        List.of(id)).withPurpose(requester.purpose())
                .withDetails(Map.of("addressees", String.join(",", addressees), "entities", String.join(",", entityIds),
                        "priority", priority.name())));
        Head head = head(id).orElseThrow();
        for (int i = 0; i < addressees.size(); i++) {
            String org = addressees.get(i);
            for (String user : desk(org)) {
                tell(user, head, marking, "rfi-new", rowIds.get(i), "New request for information from "
                        + organisationName(requester.organisationId()) + ": " + priority + ", due " + due + ".",
                        severity(priority, false));
            }
        }
        return assemble(head, marking, addresseeRows(id), requester);
    }

    private static Instant due(String text, Instant now) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("dueAt", "required: an ISO-8601 date or instant");
        }
        Instant due;
        try {
            String t = text.strip();
            due = t.length() == 10 ? LocalDate.parse(t).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                    : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("dueAt", "an ISO-8601 date (2026-12-01) or instant (2026-12-01T18:00:00Z)");
        }
        if (!due.isAfter(now)) {
            throw new InvalidInputException("dueAt", "must be in the future");
        }
        if (due.isAfter(now.plus(Duration.ofDays(366)))) {
            throw new InvalidInputException("dueAt", "at most a year ahead");
        }
        return due.truncatedTo(ChronoUnit.MILLIS);
    }

    private List<String> addressees(Reader requester, List<String> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidInputException("addressees", "at least one organisation");
        }
        if (given.size() > MAX_ADDRESSEES) {
            throw new InvalidInputException("addressees", "at most " + MAX_ADDRESSEES + " organisations");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String org = given.get(i) == null ? null : given.get(i).strip();
            String field = "addressees[" + i + "]";
            if (org == null || !Ids.isWellFormed(org) || organisations.find(org).isEmpty()) {
                throw new InvalidInputException(field, "no such organisation");
            }
            if (org.equals(requester.organisationId())) {
                throw new InvalidInputException(field, "your own organisation: ask your colleagues directly");
            }
            if (!out.add(org)) {
                throw new InvalidInputException(field, "named twice");
            }
        }
        return List.copyOf(out);
    }

    private List<String> linkedEntities(Reader requester, List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_ITEMS) {
            throw new InvalidInputException("entityIds", "at most " + MAX_ITEMS + " entities");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String id = given.get(i) == null ? null : given.get(i).strip();
            if (id == null || !Ids.isWellFormed(id)
                    || !(entities.open(requester, id) instanceof EntityAccess.Opened)) {
                throw new InvalidInputException("entityIds[" + i + "]", "no such entity that you may see");
            }
            out.add(id);
        }
        return List.copyOf(out);
    }

    /** The first active user of the organisation whom the marking lets read the request, if any. */
    private Optional<String> firstReader(String organisationId, Marking marking) {
        return colleagues.members(organisationId, null).stream().filter(u -> sees(u, marking)).findFirst();
    }

    private boolean sees(String userId, Marking marking) {
        try {
            return AccessPolicy.decide(readers.forUser(userId, "rfi"), INFORMATION_TYPE, marking).visible();
        } catch (RuntimeException gone) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** The reader's party-and-marking predicate over {@code exchange_rfi q}. */
    private static SqlPredicate party(Reader reader) {
        SqlPredicate visible = VisibilityFilter.visible(reader, INFORMATION_TYPE, "q.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("rorg", reader.organisationId());
        return new SqlPredicate(visible.sql() + " AND (q.requester_organisation_id = :rorg OR EXISTS (SELECT 1 FROM"
                + " exchange_rfi_addressee pa WHERE pa.rfi_id = q.id AND pa.organisation_id = :rorg))", params);
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(Reader reader, RfiQuery query) {
        RfiQuery q = query == null ? RfiQuery.all() : query;
        SqlPredicate party = party(reader);
        StringBuilder sql = new StringBuilder(party.sql());
        Map<String, Object> params = new HashMap<>(party.params());
        // the addressee rows this reader may consider: their own, or all of their organisation's requests
        String mine = "(fa.organisation_id = :rorg OR q.requester_organisation_id = :rorg)";
        switch (q.box() == null ? RfiQuery.Box.ALL : q.box()) {
            case INCOMING -> {
                sql.append(" AND q.requester_organisation_id <> :rorg");
                mine = "fa.organisation_id = :rorg";
            }
            case OUTGOING -> sql.append(" AND q.requester_organisation_id = :rorg");
            case ALL -> {
            }
        }
        if (q.priority() != null) {
            sql.append(" AND q.priority = :fpriority");
            params.put("fpriority", q.priority().name());
        }
        if (q.state() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM exchange_rfi_addressee fa WHERE fa.rfi_id = q.id AND ").append(mine)
                    .append(" AND fa.state = :fstate)");
            params.put("fstate", q.state().name());
        }
        if (q.overdueOnly()) {
            sql.append(" AND q.cancelled = FALSE AND q.due_at < :fnow AND EXISTS (SELECT 1 FROM exchange_rfi_addressee fa"
                    + " WHERE fa.rfi_id = q.id AND ").append(mine).append(" AND fa.state IN (:fawaiting))");
            params.put("fnow", Timestamp.from(now()));
            params.put("fawaiting", AWAITING);
        }
        return new Where(sql.toString(), params);
    }

    @Override
    @Transactional
    public Page<RfiSummary> list(Reader reader, RfiQuery query, PageRequest page) {
        Where w = where(reader, query);
        long total = jdbc.sql("SELECT COUNT(*) FROM exchange_rfi q WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        List<Head> heads = jdbc.sql("SELECT * FROM exchange_rfi q WHERE " + w.sql()
                        + " ORDER BY q.created_at DESC, q.id DESC LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset())
                .query(JdbcRequestsForInformation::head).list();
        Map<String, Marking> marks = markings.findAll(heads.stream().map(Head::markingId).distinct().toList());
        Instant now = now();
        Map<String, List<Row>> rows = new HashMap<>();
        if (!heads.isEmpty()) {
            jdbc.sql("SELECT * FROM exchange_rfi_addressee WHERE rfi_id IN (:ids) ORDER BY id")
                    .param("ids", heads.stream().map(Head::id).toList()).query(JdbcRequestsForInformation::row).list()
                    .forEach(r -> rows.computeIfAbsent(r.rfiId(), k -> new ArrayList<>()).add(r));
        }
        List<RfiSummary> items = heads.stream().map(h -> summary(h, marks.get(h.markingId()),
                rows.getOrDefault(h.id(), List.of()), reader, now)).toList();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                        items.stream().map(RfiSummary::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "list", "page", String.valueOf(page.page()), "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, RfiQuery query) {
        Where w = where(reader, query);
        long total = jdbc.sql("SELECT COUNT(*) FROM exchange_rfi q WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), OBJECT, List.of())
                .withPurpose(reader.purpose()).withDetails(Map.of("view", "count", "total", String.valueOf(total))));
        return total;
    }

    private static RfiSummary summary(Head h, Marking marking, List<Row> all, Reader reader, Instant now) {
        boolean incoming = !h.requesterOrganisationId().equals(reader.organisationId());
        List<Row> rows = all.stream()
                .filter(a -> !incoming || a.organisationId().equals(reader.organisationId())).toList();
        AddresseeState state = rows.stream().map(Row::state).min(Comparator.comparingInt(JdbcRequestsForInformation::advance))
                .orElse(AddresseeState.OPEN);
        boolean overdue = !h.cancelled() && h.dueAt().isBefore(now) && rows.stream().anyMatch(a -> a.state().awaiting());
        int answered = (int) rows.stream().filter(a -> a.firstAnsweredAt() != null).count();
        return new RfiSummary(h.id(), h.title(), h.priority(), h.dueAt(), h.requesterOrganisationId(), incoming, state,
                rows.size(), answered, overdue, marking == null ? 0 : marking.classificationRank(), h.createdAt());
    }

    /** How far a state is along the workflow: an outgoing request shows its least advanced addressee. */
    private static int advance(AddresseeState s) {
        return switch (s) {
            case OPEN, REOPENED -> 0;
            case ASSIGNED -> 1;
            case ANSWERED -> 2;
            case ACCEPTED, DECLINED -> 3;
            case CANCELLED -> 4;
        };
    }

    @Override
    @Transactional
    public RfiAccess open(Reader reader, String rfiId) {
        Optional<Head> found = Ids.isWellFormed(rfiId) ? head(rfiId) : Optional.empty();
        if (found.isEmpty()) {
            return new RfiAccess.Unknown();
        }
        Head h = found.get();
        List<Row> rows = addresseeRows(h.id());
        if (!isParty(reader, h, rows)) {
            return new RfiAccess.Unknown();
        }
        Marking marking = markings.find(h.markingId()).orElseThrow();
        Decision d = AccessPolicy.decide(reader, INFORMATION_TYPE, marking);
        switch (d.visibility()) {
            case HIDDEN -> {
                return new RfiAccess.Unknown();
            }
            case EXISTENCE_ONLY -> {
                audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                        List.of(h.id())).withPurpose(reader.purpose()).withOutcome("EXISTENCE_ONLY")
                        .withDetails(Map.of("reason", d.reason())));
                return new RfiAccess.KnownToExist(h.id(), h.requesterOrganisationId(), marking);
            }
            default -> {
                audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                        List.of(h.id())).withPurpose(reader.purpose()));
                return new RfiAccess.Opened(assemble(h, marking, rows, reader));
            }
        }
    }

    private static boolean isParty(Reader reader, Head h, List<Row> rows) {
        return h.requesterOrganisationId().equals(reader.organisationId())
                || rows.stream().anyMatch(a -> a.organisationId().equals(reader.organisationId()));
    }

    private Rfi assemble(Head h, Marking marking, List<Row> rows, Reader reader) {
        boolean requesterSide = h.requesterOrganisationId().equals(reader.organisationId());
        Instant now = now();
        List<ShownItem> linked = new ArrayList<>();
        jdbc.sql("SELECT entity_id FROM exchange_rfi_entity WHERE rfi_id = :id ORDER BY position").param("id", h.id())
                .query(String.class).list()
                .forEach(e -> shown(reader, new Attachment(Attachment.ItemType.ENTITY, e), null).ifPresent(linked::add));
        List<Rfi.Addressee> addressees = new ArrayList<>();
        for (Row a : rows) {
            if (!requesterSide && !a.organisationId().equals(reader.organisationId())) {
                continue; // an addressee sees its own thread only, not whom else the requester asked
            }
            List<Rfi.Message> thread = jdbc.sql("SELECT * FROM exchange_rfi_message WHERE addressee_id = :a"
                            + " ORDER BY created_at, id").param("a", a.id())
                    .query((rs, n) -> new Rfi.Message(rs.getString("id"), rs.getString("kind"),
                            rs.getString("author_user_id"), rs.getString("author_organisation_id"), rs.getString("body"),
                            instant(rs, "created_at"))).list();
            record Stored(String id, String author, String body, Instant at) {
            }
            List<Stored> stored = jdbc.sql("SELECT * FROM exchange_rfi_response WHERE addressee_id = :a"
                            + " ORDER BY created_at, id").param("a", a.id())
                    .query((rs, n) -> new Stored(rs.getString("id"), rs.getString("author_user_id"), rs.getString("body"),
                            instant(rs, "created_at"))).list();
            List<Rfi.Response> responses = new ArrayList<>();
            for (Stored s : stored) {
                List<ShownItem> attached = new ArrayList<>();
                jdbc.sql("SELECT item_type, item_id FROM exchange_rfi_attachment WHERE response_id = :r ORDER BY position")
                        .param("r", s.id())
                        .query((rs, n) -> new Attachment(Attachment.ItemType.valueOf(rs.getString(1)), rs.getString(2)))
                        .list().forEach(at -> shown(reader, at, a.organisationId()).ifPresent(attached::add));
                responses.add(new Rfi.Response(s.id(), s.author(), s.body(), s.at(), List.copyOf(attached)));
            }
            boolean overdue = !h.cancelled() && a.state().awaiting() && h.dueAt().isBefore(now);
            addressees.add(new Rfi.Addressee(a.id(), a.organisationId(), a.state(), a.assigneeUserId(), a.assignedAt(),
                    a.firstAnsweredAt(), a.stateReason(), overdue, thread, List.copyOf(responses)));
        }
        return new Rfi(h.id(), h.title(), h.question(), h.priority(), h.dueAt(), marking, h.requesterUserId(),
                h.requesterOrganisationId(), h.cancelled(), h.cancelReason(), h.createdAt(), List.copyOf(linked),
                List.copyOf(addressees));
    }

    /**
     * An entity or report as this reader may be shown it, decided now by the item's own marking (opening it is
     * audited by its module); nothing for an item the reader may not learn of.
     */
    private Optional<ShownItem> shown(Reader reader, Attachment item, String holderIfJustification) {
        if (item.itemType() == Attachment.ItemType.ENTITY) {
            return switch (entities.open(reader, item.itemId())) {
                case EntityAccess.Opened o -> Optional.of(new ShownItem(item.itemType(), item.itemId(),
                        ShownItem.Disclosure.VISIBLE, o.entity().label(), o.entity().ownerOrganisationId(),
                        o.entity().marking().classificationRank()));
                case EntityAccess.KnownToExist k -> Optional.of(new ShownItem(item.itemType(), item.itemId(),
                        ShownItem.Disclosure.EXISTENCE_ONLY, null, k.holderOrganisationId(),
                        k.marking().classificationRank()));
                case EntityAccess.Unknown u -> Optional.empty();
            };
        }
        return switch (reports.open(reader, item.itemId(), null)) {
            case ReportAccess.Opened o -> Optional.of(new ShownItem(item.itemType(), item.itemId(),
                    ShownItem.Disclosure.VISIBLE, o.report().title(), o.report().marking().ownerOrganisation(),
                    o.report().marking().classificationRank()));
            case ReportAccess.JustificationNeeded j -> Optional.of(new ShownItem(item.itemType(), item.itemId(),
                    ShownItem.Disclosure.JUSTIFICATION_NEEDED, null, holderIfJustification, -1));
            case ReportAccess.KnownToExist k -> Optional.of(new ShownItem(item.itemType(), item.itemId(),
                    ShownItem.Disclosure.EXISTENCE_ONLY, null, k.holderOrganisationId(),
                    k.marking().classificationRank()));
            case ReportAccess.Unknown u -> Optional.empty();
        };
    }

    /** The request if the reader is a party and its marking lets them see it. */
    private Optional<Seen> seen(Reader reader, String rfiId) {
        if (!Ids.isWellFormed(rfiId)) {
            return Optional.empty();
        }
        return head(rfiId).flatMap(h -> {
            List<Row> rows = addresseeRows(h.id());
            if (!isParty(reader, h, rows)) {
                return Optional.empty();
            }
            Marking marking = markings.find(h.markingId()).orElseThrow();
            return AccessPolicy.decide(reader, INFORMATION_TYPE, marking).visible()
                    ? Optional.of(new Seen(h, marking, rows)) : Optional.empty();
        });
    }

    // ---------------------------------------------------------------------------------------------- workflow

    @Override
    @Transactional
    public RfiStep assign(Reader desk, String rfiId, String assigneeUserId) {
        Optional<Seen> found = seen(desk, rfiId);
        if (found.isEmpty()) {
            return new RfiStep.Unknown();
        }
        Seen s = found.get();
        Optional<Row> mine = s.of(desk.organisationId());
        if (mine.isEmpty()) {
            return new RfiStep.Refused("not-addressee", "Only the addressed organisation assigns the request.");
        }
        if (!isDesk(desk)) {
            return new RfiStep.Refused("not-desk", "Only supervisors and liaison officers of the addressed"
                    + " organisation assign requests.");
        }
        if (assigneeUserId == null || assigneeUserId.isBlank()) {
            throw new InvalidInputException("assigneeUserId", "required");
        }
        String assignee = assigneeUserId.strip();
        if (!Ids.isWellFormed(assignee) || !colleagues.members(desk.organisationId(), null).contains(assignee)) {
            throw new InvalidInputException("assigneeUserId", "no such active user in your organisation");
        }
        if (!sees(assignee, s.marking())) {
            throw new InvalidInputException("assigneeUserId", "the request's marking withholds it from this user");
        }
        Row a = mine.get();
        if (s.head().cancelled() || !a.state().awaiting()) {
            return new RfiStep.WrongState(a.state());
        }
        Instant now = now();
        int moved = jdbc.sql("UPDATE exchange_rfi_addressee SET state = 'ASSIGNED', assignee_user_id = :user,"
                        + " assigned_at = :now, updated_at = :now WHERE id = :id AND state IN (:awaiting)")
                .param("user", assignee).param("now", Timestamp.from(now)).param("id", a.id())
                .param("awaiting", AWAITING).update();
        if (moved == 0) {
            return new RfiStep.WrongState(row(a.id()).state());
        }
        audit(desk, AuditAction.ALTERATION, s, "assign", Map.of("assignee", assignee));
        tell(assignee, s.head(), s.marking(), "rfi-assigned", a.id(), "A request for information was assigned to you.",
                severity(s.head().priority(), false));
        return done(s.head().id(), desk);
    }

    @Override
    @Transactional
    public RfiStep message(Reader author, String rfiId, String addresseeOrganisationId, String text) {
        Optional<Seen> found = seen(author, rfiId);
        if (found.isEmpty()) {
            return new RfiStep.Unknown();
        }
        Seen s = found.get();
        String body = text("text", text, MAX_TEXT, true);
        Row a = thread(s, author, addresseeOrganisationId);
        if (s.head().cancelled() || a.state().closed()) {
            return new RfiStep.WrongState(a.state());
        }
        String id = addMessage(s, a, author, "CLARIFICATION", body);
        audit(author, AuditAction.COLLECTION, s, "message", Map.of("message", id, "addressee", a.organisationId()));
        for (String user : otherSide(s, a, author)) {
            tell(user, s.head(), s.marking(), "rfi-message", id, "New message from "
                    + organisationName(author.organisationId()) + " on a request for information.", Severity.LOW);
        }
        return done(s.head().id(), author);
    }

    /** The addressee row a message or a requester's step is about. */
    private static Row thread(Seen s, Reader author, String addresseeOrganisationId) {
        if (s.head().requestedBy(author.organisationId())) {
            if (addresseeOrganisationId == null || addresseeOrganisationId.isBlank()) {
                throw new InvalidInputException("addresseeOrganisationId", "required: which addressee's thread");
            }
            return s.of(addresseeOrganisationId.strip()).orElseThrow(() -> new InvalidInputException(
                    "addresseeOrganisationId", "not an addressee of this request"));
        }
        return s.of(author.organisationId()).orElseThrow();
    }

    /** Who on the other side of a thread hears of a step: the requester, or the assignee (else the desk). */
    private List<String> otherSide(Seen s, Row a, Reader author) {
        if (s.head().requestedBy(author.organisationId())) {
            return a.assigneeUserId() != null ? List.of(a.assigneeUserId()) : desk(a.organisationId());
        }
        return List.of(s.head().requesterUserId());
    }

    @Override
    @Transactional
    public RfiStep answer(Reader responder, String rfiId, String text, List<Attachment> attachments) {
        Optional<Seen> found = seen(responder, rfiId);
        if (found.isEmpty()) {
            return new RfiStep.Unknown();
        }
        Seen s = found.get();
        Optional<Row> mine = s.of(responder.organisationId());
        if (mine.isEmpty()) {
            return new RfiStep.Refused("not-addressee", "Only an addressed organisation answers the request.");
        }
        Row a = mine.get();
        if (!responder.userId().equals(a.assigneeUserId()) && !isDesk(responder)) {
            return new RfiStep.Refused("not-assignee", "Only the assignee, a supervisor or a liaison officer of the"
                    + " addressed organisation answers the request.");
        }
        String body = text("text", text, MAX_TEXT, true);
        List<Attachment> items = attachments(responder, s.head().id(), attachments);
        if (s.head().cancelled() || !a.state().awaiting()) {
            return new RfiStep.WrongState(a.state());
        }
        Instant now = now();
        int moved = jdbc.sql("""
                UPDATE exchange_rfi_addressee SET state = 'ANSWERED', answered_at = :now,
                    first_answered_at = COALESCE(first_answered_at, :now),
                    assignee_user_id = COALESCE(assignee_user_id, :user), updated_at = :now
                WHERE id = :id AND state IN (:awaiting)""")
                .param("now", Timestamp.from(now)).param("user", responder.userId()).param("id", a.id())
                .param("awaiting", AWAITING).update();
        if (moved == 0) {
            return new RfiStep.WrongState(row(a.id()).state());
        }
        String responseId = Ids.newId();
        jdbc.sql("INSERT INTO exchange_rfi_response (id, rfi_id, addressee_id, author_user_id, body, created_at)"
                        + " VALUES (:id, :rfi, :a, :user, :body, :now)")
                .param("id", responseId).param("rfi", s.head().id()).param("a", a.id()).param("user", responder.userId())
                .param("body", body).param("now", Timestamp.from(now)).update();
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("INSERT INTO exchange_rfi_attachment (response_id, position, item_type, item_id)"
                            + " VALUES (:r, :pos, :type, :item)")
                    .param("r", responseId).param("pos", i).param("type", items.get(i).itemType().name())
                    .param("item", items.get(i).itemId()).update();
        }
        audit(responder, AuditAction.DISCLOSURE, s, "answer", Map.of("response", responseId,
                "recipientOrganisation", s.head().requesterOrganisationId(),
                "attachments", String.join(",", items.stream().map(x -> x.itemType() + ":" + x.itemId()).toList())));
        tell(s.head().requesterUserId(), s.head(), s.marking(), "rfi-answer", responseId,
                organisationName(responder.organisationId()) + " answered your request for information.",
                severity(s.head().priority(), false));
        return done(s.head().id(), responder);
    }

    /**
     * Attached items must be the responder's organisation's and visible to the responder; they are stored by id
     * and never re-marked: the requester sees each only as far as its own marking allows.
     */
    private List<Attachment> attachments(Reader responder, String rfiId, List<Attachment> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_ITEMS) {
            throw new InvalidInputException("attachments", "at most " + MAX_ITEMS + " items");
        }
        List<Attachment> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Attachment at = given.get(i);
            String field = "attachments[" + i + "]";
            if (at == null || at.itemType() == null) {
                throw new InvalidInputException(field + ".itemType", "one of REPORT, ENTITY");
            }
            String id = at.itemId() == null ? null : at.itemId().strip();
            if (id == null || !Ids.isWellFormed(id)) {
                throw new InvalidInputException(field + ".itemId", "no such " + at.itemType().name().toLowerCase()
                        + " of your organisation that you may see");
            }
            String owner = switch (at.itemType()) {
                case REPORT -> reports.open(responder, id, "attached to the answer to request for information " + rfiId)
                        instanceof ReportAccess.Opened o ? o.report().marking().ownerOrganisation() : null;
                case ENTITY -> entities.open(responder, id) instanceof EntityAccess.Opened o
                        ? o.entity().ownerOrganisationId() : null;
            };
            if (!responder.organisationId().equals(owner)) {
                throw new InvalidInputException(field + ".itemId", "no such " + at.itemType().name().toLowerCase()
                        + " of your organisation that you may see");
            }
            Attachment clean = new Attachment(at.itemType(), id);
            if (out.contains(clean)) {
                throw new InvalidInputException(field, "attached twice");
            }
            out.add(clean);
        }
        return out;
    }

    @Override
    @Transactional
    public RfiStep accept(Reader requester, String rfiId, String addresseeOrganisationId) {
        return requesterStep(requester, rfiId, addresseeOrganisationId, null, "accept");
    }

    @Override
    @Transactional
    public RfiStep reopen(Reader requester, String rfiId, String addresseeOrganisationId, String reason) {
        return requesterStep(requester, rfiId, addresseeOrganisationId, reason, "reopen");
    }

    private RfiStep requesterStep(Reader requester, String rfiId, String addresseeOrganisationId, String reason,
                                  String step) {
        Optional<Seen> found = seen(requester, rfiId);
        if (found.isEmpty()) {
            return new RfiStep.Unknown();
        }
        Seen s = found.get();
        if (!mayActForRequester(requester, s.head())) {
            return new RfiStep.Refused("not-requester", "Only the requester or a supervisor of the requesting"
                    + " organisation takes this step.");
        }
        boolean reopen = step.equals("reopen");
        String why = text("reason", reason, MAX_REASON, reopen);
        Row a = thread(s, requester, addresseeOrganisationId);
        if (s.head().cancelled() || a.state() != AddresseeState.ANSWERED) {
            return new RfiStep.WrongState(a.state());
        }
        Instant now = now();
        int moved = jdbc.sql("UPDATE exchange_rfi_addressee SET state = :state, state_reason = :why,"
                        + " closed_at = :closed, updated_at = :now WHERE id = :id AND state = 'ANSWERED'")
                .param("state", reopen ? "REOPENED" : "ACCEPTED").param("why", why)
                .param("closed", reopen ? null : Timestamp.from(now)).param("now", Timestamp.from(now))
                .param("id", a.id()).update();
        if (moved == 0) {
            return new RfiStep.WrongState(row(a.id()).state());
        }
        if (why != null) {
            addMessage(s, a, requester, reopen ? "REOPEN" : "ACCEPT", why);
        }
        audit(requester, AuditAction.ALTERATION, s, step, Map.of("addressee", a.organisationId()));
        for (String user : otherSide(s, a, requester)) {
            tell(user, s.head(), s.marking(), reopen ? "rfi-reopened" : "rfi-accepted", a.id() ,
                    reopen ? "Your answer was reopened: " + why : "Your answer was accepted.",
                    severity(s.head().priority(), false));
        }
        return done(s.head().id(), requester);
    }

    @Override
    @Transactional
    public RfiStep decline(Reader desk, String rfiId, String reason) {
        Optional<Seen> found = seen(desk, rfiId);
        if (found.isEmpty()) {
            return new RfiStep.Unknown();
        }
        Seen s = found.get();
        Optional<Row> mine = s.of(desk.organisationId());
        if (mine.isEmpty()) {
            return new RfiStep.Refused("not-addressee", "Only an addressed organisation declines the request.");
        }
        if (!isDesk(desk)) {
            return new RfiStep.Refused("not-desk", "Only supervisors and liaison officers of the addressed"
                    + " organisation decline requests.");
        }
        String why = text("reason", reason, MAX_REASON, true);
        Row a = mine.get();
        if (s.head().cancelled() || !a.state().awaiting()) {
            return new RfiStep.WrongState(a.state());
        }
        Instant now = now();
        int moved = jdbc.sql("UPDATE exchange_rfi_addressee SET state = 'DECLINED', state_reason = :why,"
                        + " closed_at = :now, updated_at = :now WHERE id = :id AND state IN (:awaiting)")
                .param("why", why).param("now", Timestamp.from(now)).param("id", a.id()).param("awaiting", AWAITING)
                .update();
        if (moved == 0) {
            return new RfiStep.WrongState(row(a.id()).state());
        }
        addMessage(s, a, desk, "DECLINE", why);
        audit(desk, AuditAction.ALTERATION, s, "decline", Map.of());
        tell(s.head().requesterUserId(), s.head(), s.marking(), "rfi-declined", a.id(),
                organisationName(desk.organisationId()) + " declined your request for information: " + why,
                severity(s.head().priority(), false));
        return done(s.head().id(), desk);
    }

    @Override
    @Transactional
    public RfiStep cancel(Reader requester, String rfiId, String reason) {
        Optional<Seen> found = seen(requester, rfiId);
        if (found.isEmpty()) {
            return new RfiStep.Unknown();
        }
        Seen s = found.get();
        if (!mayActForRequester(requester, s.head())) {
            return new RfiStep.Refused("not-requester", "Only the requester or a supervisor of the requesting"
                    + " organisation cancels the request.");
        }
        String why = text("reason", reason, MAX_REASON, false);
        Instant now = now();
        int moved = jdbc.sql("UPDATE exchange_rfi SET cancelled = TRUE, cancel_reason = :why, updated_at = :now"
                        + " WHERE id = :id AND cancelled = FALSE")
                .param("why", why).param("now", Timestamp.from(now)).param("id", s.head().id()).update();
        if (moved == 0) {
            return new RfiStep.WrongState(AddresseeState.CANCELLED);
        }
        List<Row> stillOpen = s.addressees().stream().filter(a -> !a.state().closed()).toList();
        jdbc.sql("UPDATE exchange_rfi_addressee SET state = 'CANCELLED', closed_at = :now, updated_at = :now"
                        + " WHERE rfi_id = :id AND state NOT IN ('ACCEPTED', 'DECLINED', 'CANCELLED')")
                .param("now", Timestamp.from(now)).param("id", s.head().id()).update();
        audit(requester, AuditAction.ALTERATION, s, "cancel", Map.of());
        for (Row a : stillOpen) {
            for (String user : a.assigneeUserId() != null ? List.of(a.assigneeUserId()) : desk(a.organisationId())) {
                tell(user, s.head(), s.marking(), "rfi-cancelled", a.id(), "The request for information was cancelled"
                        + (why == null ? "." : ": " + why), Severity.LOW);
            }
        }
        return done(s.head().id(), requester);
    }

    private RfiStep done(String rfiId, Reader reader) {
        Head h = head(rfiId).orElseThrow();
        return new RfiStep.Done(assemble(h, markings.find(h.markingId()).orElseThrow(), addresseeRows(rfiId), reader));
    }

    private String addMessage(Seen s, Row a, Reader author, String kind, String body) {
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO exchange_rfi_message (id, rfi_id, addressee_id, kind, author_user_id, author_organisation_id,
                    body, created_at) VALUES (:id, :rfi, :a, :kind, :user, :org, :body, :now)""")
                .param("id", id).param("rfi", s.head().id()).param("a", a.id()).param("kind", kind)
                .param("user", author.userId()).param("org", author.organisationId()).param("body", body)
                .param("now", Timestamp.from(now())).update();
        return id;
    }

    private boolean isDesk(Reader reader) {
        return holds(reader, Role.SUPERVISOR) || holds(reader, Role.LIAISON_OFFICER);
    }

    private boolean holds(Reader reader, Role role) {
        return colleagues.holds(reader, role);
    }

    private boolean mayActForRequester(Reader reader, Head h) {
        return h.requesterOrganisationId().equals(reader.organisationId())
                && (h.requesterUserId().equals(reader.userId()) || holds(reader, Role.SUPERVISOR));
    }

    /** Who receives requests for an organisation: its supervisors and liaison officers. */
    private List<String> desk(String organisationId) {
        Set<String> users = new LinkedHashSet<>(colleagues.members(organisationId, Role.SUPERVISOR));
        users.addAll(colleagues.members(organisationId, Role.LIAISON_OFFICER));
        return List.copyOf(users);
    }

    private void audit(Reader reader, AuditAction action, Seen s, String step, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("step", step);
        audit.record(AuditRecord.of(action, reader.userId(), reader.organisationId(), OBJECT, List.of(s.head().id()))
                .withPurpose(reader.purpose()).withDetails(all));
    }

    /** A notice to one user, only if the request's marking lets them read what it says. */
    private void tell(String userId, Head h, Marking marking, String kind, String itemId, String summary,
                      Severity severity) {
        if (userId == null || !sees(userId, marking)) {
            return;
        }
        notices.tell(userId, new Notices.Notice(h.id(), h.title(), kind, itemId, h.requesterOrganisationId(),
                h.title(), summary, severity, "/rfis/" + h.id()));
    }

    private static Severity severity(Priority priority, boolean overdue) {
        Severity base = switch (priority) {
            case ROUTINE -> Severity.LOW;
            case PRIORITY -> Severity.MEDIUM;
            case IMMEDIATE -> Severity.HIGH;
        };
        return overdue ? Severity.values()[Math.min(base.ordinal() + 1, Severity.values().length - 1)] : base;
    }

    // ---------------------------------------------------------------------------------------------- figures

    @Override
    @Transactional
    public ResponseTimes responseTimes(Reader supervisor, Instant from, Instant to) {
        if (!holds(supervisor, Role.SUPERVISOR)) {
            throw new NotSupervisorException();
        }
        Instant asOf = now();
        SqlPredicate party = party(supervisor);
        record Line(String org, Instant created, Instant due, Instant firstAnswer, AddresseeState state) {
        }
        List<Line> lines = jdbc.sql("""
                SELECT a.organisation_id, q.created_at, q.due_at, a.first_answered_at, a.state
                FROM exchange_rfi q JOIN exchange_rfi_addressee a ON a.rfi_id = q.id
                WHERE q.created_at >= :from AND q.created_at < :to
                  AND (q.requester_organisation_id = :rorg OR a.organisation_id = :rorg)""" + " AND " + party.sql())
                .params(party.params()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Line(rs.getString(1), instant(rs, "created_at"), instant(rs, "due_at"),
                        instant(rs, "first_answered_at"), AddresseeState.valueOf(rs.getString(5)))).list();
        Map<String, List<Line>> byOrg = new LinkedHashMap<>();
        lines.stream()
                // a request withdrawn before any answer says nothing of the addressee's speed
                .filter(l -> !(l.state() == AddresseeState.CANCELLED && l.firstAnswer() == null))
                .forEach(l -> byOrg.computeIfAbsent(l.org(), k -> new ArrayList<>()).add(l));
        List<ResponseTimes.Row> rows = new ArrayList<>();
        byOrg.forEach((org, ls) -> {
            List<Duration> times = ls.stream().filter(l -> l.firstAnswer() != null)
                    .map(l -> Duration.between(l.created(), l.firstAnswer())).sorted().toList();
            int overdue = (int) ls.stream().filter(l -> l.firstAnswer() != null ? l.firstAnswer().isAfter(l.due())
                    : l.state().awaiting() && l.due().isBefore(asOf)).count();
            rows.add(new ResponseTimes.Row(org, ls.size(), times.size(), percentile(times, 50), percentile(times, 90),
                    overdue));
        });
        rows.sort(Comparator.comparing(r -> organisationName(r.organisationId())));
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, supervisor.userId(), supervisor.organisationId(), OBJECT,
                        List.of()).withPurpose(supervisor.purpose())
                .withDetails(Map.of("view", "response-times", "from", from.toString(), "to", to.toString())));
        return new ResponseTimes(from, to, asOf, List.copyOf(rows));
    }

    /** Nearest-rank percentile of sorted durations; null when there are none. */
    static Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    // ---------------------------------------------------------------------------------------------- escalation

    @Override
    public int escalateOverdue(Instant now) {
        record Due(String addresseeId, String rfiId, String organisationId) {
        }
        List<Due> due = jdbc.sql("""
                SELECT a.id, a.rfi_id, a.organisation_id FROM exchange_rfi_addressee a
                JOIN exchange_rfi q ON q.id = a.rfi_id
                WHERE q.cancelled = FALSE AND q.due_at < :now AND a.state IN (:awaiting) AND a.overdue_notified_at IS NULL
                ORDER BY q.due_at, a.id LIMIT 200""")
                .param("now", Timestamp.from(now)).param("awaiting", AWAITING)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        int escalated = 0;
        for (Due d : due) {
            Boolean done = transaction.execute(status -> {
                // the claim: of two nodes (or two runs) only one moves the row, and only that one tells anybody
                int claimed = jdbc.sql("UPDATE exchange_rfi_addressee SET overdue_notified_at = :now WHERE id = :id"
                                + " AND overdue_notified_at IS NULL AND state IN (:awaiting)")
                        .param("now", Timestamp.from(now)).param("id", d.addresseeId()).param("awaiting", AWAITING)
                        .update();
                if (claimed == 0) {
                    return false;
                }
                Head h = head(d.rfiId()).orElseThrow();
                Marking marking = markings.find(h.markingId()).orElseThrow();
                Set<String> told = new LinkedHashSet<>(colleagues.members(d.organisationId(), Role.SUPERVISOR));
                told.add(h.requesterUserId());
                String summary = "Overdue since " + h.dueAt() + ": " + organisationName(d.organisationId())
                        + " has not answered yet.";
                for (String user : told) {
                    tell(user, h, marking, "rfi-overdue", d.addresseeId(), summary, severity(h.priority(), true));
                }
                audit.record(AuditRecord.of(AuditAction.DISCLOSURE, ESCALATION_ACTOR, h.requesterOrganisationId(),
                        OBJECT, List.of(h.id())).withDetails(Map.of("step", "overdue", "addressee", d.organisationId())));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                escalated++;
            }
        }
        return escalated;
    }

    // ---------------------------------------------------------------------------------------------- rows

    private Optional<Head> head(String id) {
        return jdbc.sql("SELECT * FROM exchange_rfi WHERE id = :id").param("id", id)
                .query(JdbcRequestsForInformation::head).optional();
    }

    private List<Row> addresseeRows(String rfiId) {
        return jdbc.sql("SELECT * FROM exchange_rfi_addressee WHERE rfi_id = :id ORDER BY id").param("id", rfiId)
                .query(JdbcRequestsForInformation::row).list();
    }

    private Row row(String addresseeId) {
        return jdbc.sql("SELECT * FROM exchange_rfi_addressee WHERE id = :id").param("id", addresseeId)
                .query(JdbcRequestsForInformation::row).single();
    }

    private String organisationName(String id) {
        return organisations.find(id).map(o -> o.name()).orElse(id);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return stripped;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getString("id"), rs.getString("title"), rs.getString("question"),
                Priority.valueOf(rs.getString("priority")), instant(rs, "due_at"), rs.getString("marking_id"),
                rs.getString("requester_user_id"), rs.getString("requester_organisation_id"), rs.getBoolean("cancelled"),
                rs.getString("cancel_reason"), instant(rs, "created_at"));
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("rfi_id"), rs.getString("organisation_id"),
                AddresseeState.valueOf(rs.getString("state")), rs.getString("assignee_user_id"),
                instant(rs, "assigned_at"), instant(rs, "first_answered_at"), rs.getString("state_reason"));
    }
}
