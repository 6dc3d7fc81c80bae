package org.fusioncell.research.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.ContentFiles;
import org.fusioncell.monitoring.Notices;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.monitoring.incidents.Incident;
import org.fusioncell.monitoring.incidents.IncidentQuery;
import org.fusioncell.monitoring.incidents.Incidents;
import org.fusioncell.research.ResearchAccess;
import org.fusioncell.research.ResearchExport;
import org.fusioncell.research.ResearchRequest;
import org.fusioncell.research.ResearchRequest.OutputForm;
import org.fusioncell.research.ResearchRequest.Status;
import org.fusioncell.research.ResearchRequestDraft;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Research requests on the database. Who sees a request is decided in SQL: its requester, and the approvers of the
 * cell it was sent to ({@link #audience}); anyone else gets "unknown", as for an id that does not exist.
 */
@Service
class JdbcResearchAccess implements ResearchAccess {

    private static final String OBJECT = INFORMATION_TYPE;
    private static final String COLUMNS = "id, requester_user_id, requester_organisation_id, cell_organisation_id, "
            + "purpose, ethics_reference, ethics_body, ethics_date, ethics_document_sha256, ethics_document_type, "
            + "dataset_kind, fields, period_from, period_to, output_form, k, threshold, epsilon, status, decided_by, "
            + "decided_at, conditions, refusal_reason, created_at";
    private static final List<String> DOCUMENT_TYPES = List.of("application/pdf", "image/png", "image/jpeg");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Colleagues colleagues;
    private final Organisations organisations;
    private final Readers readers;
    private final Incidents incidents;
    private final Notices notices;
    private final ContentFiles files;
    private final Clock clock;
    private final Role approverRole;
    private final int defaultK;
    private final int defaultThreshold;

    JdbcResearchAccess(JdbcClient jdbc, AuditLog audit, Colleagues colleagues, Organisations organisations,
                       Readers readers, Incidents incidents, Notices notices, ContentFiles files, Clock clock,
                       @Value("${fusioncell.research.approver-role:SUPERVISOR}") Role approverRole,
                       @Value("${fusioncell.research.default-k:10}") int defaultK,
                       @Value("${fusioncell.research.default-threshold:10}") int defaultThreshold) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.colleagues = colleagues;
        this.organisations = organisations;
        this.readers = readers;
        this.incidents = incidents;
        this.notices = notices;
        this.files = files;
        this.clock = clock;
        this.approverRole = approverRole;
        this.defaultK = defaultK;
        this.defaultThreshold = defaultThreshold;
    }

    @Override
    @Transactional
    public ResearchRequest request(Reader researcher, ResearchRequestDraft d) {
        if (d == null) {
            throw new InvalidInputException("body", "required");
        }
        String cell = RequestChecks.text("cellOrganisationId", d.cellOrganisationId(), 36, true);
        if (organisations.find(cell).isEmpty()) {
            throw new InvalidInputException("cellOrganisationId", "no such organisation");
        }
        String purpose = RequestChecks.text("purpose", d.purpose(), 4000, true);
        String reference = RequestChecks.text("ethicsReference", d.ethicsReference(), 200, true);
        String body = RequestChecks.text("ethicsIssuingBody", d.ethicsIssuingBody(), 300, true);
        LocalDate ethicsDate = RequestChecks.date("ethicsDate", d.ethicsDate());
        if (ethicsDate.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("ethicsDate", "an approval cannot be dated in the future");
        }
        String kind = RequestChecks.datasetKind(d.datasetKind());
        List<ExportableField> fields = RequestChecks.fields(d.fields());
        LocalDate from = RequestChecks.date("periodFrom", d.periodFrom());
        LocalDate to = RequestChecks.date("periodTo", d.periodTo());
        if (to.isBefore(from)) {
            throw new InvalidInputException("periodTo", "the period ends before it starts");
        }
        OutputForm output = RequestChecks.output(d.output());
        int k = RequestChecks.atLeastTwo("k", d.k(), defaultK);
        int threshold = RequestChecks.atLeastTwo("threshold", d.threshold(), defaultThreshold);
        Double epsilon = RequestChecks.epsilon(d.epsilon(), output);
        String id = Ids.newId();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO research_request (" + COLUMNS + ") VALUES (:id, :user, :org, :cell, :purpose, :ref, "
                        + ":body, :edate, NULL, NULL, :kind, :fields, :from, :to, :output, :k, :threshold, :epsilon, "
                        + "'SUBMITTED', NULL, NULL, NULL, NULL, :now)")
                .param("id", id).param("user", researcher.userId()).param("org", researcher.organisationId())
                .param("cell", cell).param("purpose", purpose).param("ref", reference).param("body", body)
                .param("edate", ethicsDate).param("kind", kind)
                .param("fields", String.join(",", fields.stream().map(ExportableField::key).toList()))
                .param("from", from).param("to", to).param("output", output.name()).param("k", k)
                .param("threshold", threshold).param("epsilon", epsilon).param("now", Timestamp.from(now)).update();
        audit.record(AuditRecord.of(AuditAction.COLLECTION, researcher.userId(), researcher.organisationId(), OBJECT,
                List.of(id)).withPurpose(researcher.purpose()));
        for (String approver : colleagues.members(cell, approverRole)) {
            notices.tell(approver, new Notices.Notice(id, "research", "research-request", id, cell,
                    "Research data request", purpose.length() > 200 ? purpose.substring(0, 200) : purpose, Severity.LOW, "/research/" + id));
        }
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public Optional<ResearchRequest> attachEthicsDocument(Reader researcher, String requestId, InputStream content) {
        Optional<ResearchRequest> r = find(requestId).filter(x -> x.requesterUserId().equals(researcher.userId())
                && x.status() == Status.SUBMITTED);
        if (r.isEmpty()) {
            return r;
        }
        ContentFiles.Stored stored = files.store(content);
        String type = new org.apache.tika.Tika().detect(stored.prefix());
        if (stored.size() == 0 || !DOCUMENT_TYPES.contains(type)) {
            throw new InvalidInputException("file", "an ethics approval document is a PDF, PNG or JPEG file");
        }
        jdbc.sql("UPDATE research_request SET ethics_document_sha256 = :sha, ethics_document_type = :type WHERE id = :id")
                .param("sha", stored.sha256()).param("type", type).param("id", requestId).update();
        audit.record(AuditRecord.of(AuditAction.ALTERATION, researcher.userId(), researcher.organisationId(), OBJECT,
                List.of(requestId)).withDetails(Map.of("ethicsDocumentSha256", stored.sha256())));
        return find(requestId);
    }

    @Override
    @Transactional
    public Page<ResearchRequest> list(Reader reader, PageRequest page) {
        var where = audience(reader);
        long total = where.apply(jdbc.sql("SELECT COUNT(*) FROM research_request WHERE " + where.sql()))
                .query(Long.class).single();
        List<ResearchRequest> items = where.apply(jdbc.sql("SELECT " + COLUMNS + " FROM research_request WHERE "
                        + where.sql() + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"))
                .param("limit", page.size()).param("offset", page.offset()).query(JdbcResearchAccess::row).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                items.stream().map(ResearchRequest::id).toList()).withPurpose(reader.purpose()));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public Optional<ResearchRequest> open(Reader reader, String requestId) {
        Optional<ResearchRequest> r = visible(reader, requestId);
        audit.record(AuditRecord.of(r.isPresent() ? AuditAction.CONSULTATION : AuditAction.ACCESS_DENIED,
                reader.userId(), reader.organisationId(), OBJECT, List.of(requestId)).withPurpose(reader.purpose())
                .withOutcome(r.isPresent() ? "OK" : "UNKNOWN"));
        return r;
    }

    @Override
    public boolean approver(Reader reader) {
        return colleagues.holds(reader, approverRole);
    }

    @Override
    @Transactional
    public Outcome decide(Reader approver, String requestId, boolean approve, String text) {
        Optional<ResearchRequest> seen = visible(approver, requestId);
        if (seen.isEmpty()) {
            return new Outcome.Unknown();
        }
        jdbc.sql("SELECT id FROM research_request WHERE id = :id FOR UPDATE").param("id", requestId)
                .query(String.class).single();
        ResearchRequest r = find(requestId).orElseThrow();
        if (!r.cellOrganisationId().equals(approver.organisationId()) || !approver(approver)) {
            return new Outcome.NotApprover();
        }
        if (r.status() != Status.SUBMITTED) {
            return new Outcome.AlreadyDecided(r.status());
        }
        String words = RequestChecks.text(approve ? "conditions" : "reason", text, 4000, !approve);
        Instant now = clock.instant();
        jdbc.sql("UPDATE research_request SET status = :status, decided_by = :by, decided_at = :at, conditions = :c, "
                        + "refusal_reason = :r WHERE id = :id")
                .param("status", approve ? "APPROVED" : "REFUSED").param("by", approver.userId())
                .param("at", Timestamp.from(now)).param("c", approve ? words : null).param("r", approve ? null : words)
                .param("id", requestId).update();
        audit.record(AuditRecord.of(AuditAction.ALTERATION, approver.userId(), approver.organisationId(), OBJECT,
                List.of(requestId)).withOutcome(approve ? "APPROVED" : "REFUSED"));
        ResearchRequest decided = find(requestId).orElseThrow();
        if (approve) {
            export(decided, approver, now);
        }
        notices.tell(decided.requesterUserId(), new Notices.Notice(requestId, "research",
                approve ? "research-approved" : "research-refused", requestId, decided.requesterOrganisationId(),
                approve ? "Research request approved" : "Research request refused", words, Severity.LOW, "/research/" + requestId));
        return new Outcome.Decided(decided);
    }

    /** Cuts the export from the incidents the approver may see (their reader, audited by monitoring as export). */
    private void export(ResearchRequest r, Reader approver, Instant now) {
        Reader view = readers.forUser(approver.userId(), "research export " + r.id());
        List<KAnonymity.Input> inputs = new ArrayList<>();
        incidents.export(view, new IncidentQuery(null, null, null, null, r.periodFrom(), r.periodTo()), d -> {
            Incident i = d.incident();
            inputs.add(new KAnonymity.Input(i.id(), ExportCutting.values(i.date(), i.country(), i.admin1(),
                    i.attackType(), i.targetType(), i.weapon(), i.perpetratorGroup(), i.fatalities(), i.injuries())));
        });
        ExportCutting.Cut cut = ExportCutting.cut(r, inputs);
        String sha = sha256(cut.csv());
        String id = Ids.newId();
        jdbc.sql("INSERT INTO research_export (id, request_id, made_by, made_at, row_count, suppressed_count, sha256, "
                        + "generalisation, content) VALUES (:id, :r, :by, :at, :rows, :sup, :sha, :gen, :content)")
                .param("id", id).param("r", r.id()).param("by", approver.userId()).param("at", Timestamp.from(now))
                .param("rows", cut.rows()).param("sup", cut.suppressed()).param("sha", sha)
                .param("gen", cut.generalisation()).param("content", cut.csv()).update();
        audit.record(AuditRecord.of(AuditAction.EXPORT, approver.userId(), approver.organisationId(), OBJECT,
                List.of(r.id(), id)).withPurpose("research export").withDetails(Map.of("rows",
                Integer.toString(cut.rows()), "suppressed", Integer.toString(cut.suppressed()), "sha256", sha,
                "recipient", r.requesterUserId())));
    }

    @Override
    @Transactional
    public List<ResearchExport> exports(Reader reader, String requestId) {
        if (visible(reader, requestId).isEmpty()) {
            return List.of();
        }
        List<ResearchExport> out = jdbc.sql("SELECT id, request_id, made_by, made_at, row_count, suppressed_count, "
                        + "sha256, generalisation FROM research_export WHERE request_id = :r ORDER BY made_at, id")
                .param("r", requestId).query((rs, n) -> exportRow(rs)).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                List.of(requestId)).withPurpose(reader.purpose()));
        return out;
    }

    @Override
    @Transactional
    public Optional<ResearchExport.File> download(Reader reader, String requestId, String exportId) {
        if (visible(reader, requestId).isEmpty()) {
            return Optional.empty();
        }
        Optional<ResearchExport.File> f = jdbc.sql("SELECT id, request_id, made_by, made_at, row_count, "
                        + "suppressed_count, sha256, generalisation, content FROM research_export "
                        + "WHERE id = :id AND request_id = :r")
                .param("id", exportId).param("r", requestId)
                .query((rs, n) -> new ResearchExport.File(exportRow(rs), "research-" + exportId + ".csv",
                        rs.getString("content").getBytes(StandardCharsets.UTF_8))).optional();
        f.ifPresent(x -> audit.record(AuditRecord.of(AuditAction.DISCLOSURE, reader.userId(),
                reader.organisationId(), OBJECT, List.of(requestId, exportId)).withPurpose(reader.purpose())
                .withDetails(Map.of("sha256", x.export().sha256()))));
        return f;
    }

    private Optional<ResearchRequest> visible(Reader reader, String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        var where = audience(reader);
        return where.apply(jdbc.sql("SELECT " + COLUMNS + " FROM research_request WHERE id = :id AND (" + where.sql()
                + ")")).param("id", id).query(JdbcResearchAccess::row).optional();
    }

    /** The requester, or an approver of the cell the request was sent to. */
    private Audience audience(Reader reader) {
        return new Audience(approver(reader)
                ? "(requester_user_id = :me OR cell_organisation_id = :org)" : "requester_user_id = :me",
                reader.userId(), reader.organisationId());
    }

    private record Audience(String sql, String me, String org) {
        JdbcClient.StatementSpec apply(JdbcClient.StatementSpec s) {
            s = s.param("me", me);
            return sql.contains(":org") ? s.param("org", org) : s;
        }
    }

    private Optional<ResearchRequest> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM research_request WHERE id = :id").param("id", id)
                .query(JdbcResearchAccess::row).optional();
    }

    private static ResearchRequest row(ResultSet rs, int n) throws SQLException {
        double eps = rs.getDouble("epsilon");
        Double epsilon = rs.wasNull() ? null : eps;
        return new ResearchRequest(rs.getString("id"), rs.getString("requester_user_id"),
                rs.getString("requester_organisation_id"), rs.getString("cell_organisation_id"),
                rs.getString("purpose"), new ResearchRequest.EthicsApproval(rs.getString("ethics_reference"),
                rs.getString("ethics_body"), rs.getDate("ethics_date").toLocalDate(),
                rs.getString("ethics_document_sha256"), rs.getString("ethics_document_type")),
                rs.getString("dataset_kind"), Arrays.asList(rs.getString("fields").split(",")),
                rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
                OutputForm.valueOf(rs.getString("output_form")), rs.getInt("k"), rs.getInt("threshold"), epsilon,
                Status.valueOf(rs.getString("status")), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("conditions"), rs.getString("refusal_reason"), instant(rs, "created_at"));
    }

    private static ResearchExport exportRow(ResultSet rs) throws SQLException {
        return new ResearchExport(rs.getString("id"), rs.getString("request_id"), rs.getString("made_by"),
                instant(rs, "made_at"), rs.getInt("row_count"), rs.getInt("suppressed_count"), rs.getString("sha256"),
                rs.getString("generalisation"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
