package org.fusioncell.submissions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Role;
import org.fusioncell.identity.Sector;
import org.fusioncell.intake.ContentFiles;
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.Place;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.KeyFileSeal;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.submissions.Submission;
import org.fusioncell.submissions.Submission.Status;
import org.fusioncell.submissions.SubmissionDraft;
import org.fusioncell.submissions.Submissions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submissions on the database. Who sees one is decided in SQL: its contributor, and the triage role of the cell it
 * was sent to; for anyone else it does not exist. Identities are sealed under {@code <data-dir>/keys/submitters.key}.
 */
@Service
class JdbcSubmissions implements Submissions {

    private static final String OBJECT = INFORMATION_TYPE;
    private static final String COLUMNS = "id, cell_organisation_id, kind, language, text, place, observed_on, "
            + "anonymous, contributor_user_id, contributor_organisation_id, identity_sealed, identity_key_id, "
            + "attachment_sha256, attachment_size, attachment_type, status, status_reason, report_id, created_at, "
            + "updated_at";
    private static final Set<String> LANGUAGES = Set.of("ar", "fr", "en");
    private static final Set<String> FILE_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "application/pdf");
    private static final Tika TIKA = new Tika();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Colleagues colleagues;
    private final Organisations organisations;
    private final ContentFiles files;
    private final Reports reports;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final KeyFileSeal seal;
    private final Clock clock;
    private final Role triageRole;
    private final Role identityRole;
    private final int maxText;
    private final long maxAttachment;

    JdbcSubmissions(JdbcClient jdbc, AuditLog audit, Colleagues colleagues, Organisations organisations,
                    ContentFiles files, Reports reports, ClassificationScheme scheme, MarkingVocabulary vocabulary,
                    Clock clock, @Value("${fusioncell.data-dir}") Path dataDir,
                    @Value("${fusioncell.submissions.triage-role:ANALYST}") Role triageRole,
                    @Value("${fusioncell.submissions.identity-role:DATA_PROTECTION_OFFICER}") Role identityRole,
                    @Value("${fusioncell.submissions.max-text-chars:4000}") int maxText,
                    @Value("${fusioncell.submissions.attachment-max-bytes:5242880}") long maxAttachment) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.colleagues = colleagues;
        this.organisations = organisations;
        this.files = files;
        this.reports = reports;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.clock = clock;
        this.seal = new KeyFileSeal(dataDir, "submitters", "submitters' identity");
        this.triageRole = triageRole;
        this.identityRole = identityRole;
        this.maxText = maxText;
        this.maxAttachment = maxAttachment;
    }

    @Override
    public List<OrganisationSummary> cells() {
        return organisations.all().stream().filter(o -> o.type() == OrganisationType.PARTNER_FUSION_CELL
                || o.type() == OrganisationType.STATE_AGENCY && o.sector() == Sector.INTELLIGENCE).toList();
    }

    @Override
    public List<OrganisationSummary> publicCells() {
        return organisations.all().stream()
                .filter(o -> o.type() == OrganisationType.STATE_AGENCY && o.sector() == Sector.INTELLIGENCE).toList();
    }

    @Override
    @Transactional
    public Submission submit(Reader contributor, SubmissionDraft d, SubmissionDraft.Upload upload) {
        if (d == null) {
            throw new InvalidInputException("body", "required");
        }
        List<OrganisationSummary> cells = contributor == null ? publicCells() : cells();
        String given = d.cellOrganisationId() == null ? "" : d.cellOrganisationId().strip();
        String cell = given.isEmpty() && cells.size() == 1 ? cells.get(0).id() : given;
        if (cells.stream().noneMatch(c -> c.id().equals(cell))) {
            throw new InvalidInputException("cellOrganisationId", "not a cell that receives submissions");
        }
        Submission.Kind kind = SubmissionChecks.kind(d.kind());
        String language = d.language() == null ? "" : d.language().strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new InvalidInputException("language", "one of ar, fr, en");
        }
        String text = SubmissionChecks.text("text", d.text(), maxText, true);
        String place = SubmissionChecks.text("place", d.place(), 200, false);
        LocalDate observed = SubmissionChecks.observed(d.observedOn(), LocalDate.now(clock));
        boolean anonymous = contributor == null || Boolean.TRUE.equals(d.anonymous());
        String name = SubmissionChecks.text("name", d.name(), 200, false);
        String contact = SubmissionChecks.text("contact", d.contact(), 200, false);
        String id = Ids.newId();
        String sealed = null;
        String keyId = null;
        if (name != null || contact != null) {
            sealed = seal.seal(id, (name == null ? "" : name) + "\n" + (contact == null ? "" : contact));
            keyId = seal.keyId();
        }
        Submission.Attachment attachment = upload == null ? null : store(upload);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO submissions_submission (" + COLUMNS + ") VALUES (:id, :cell, :kind, :lang, :text, "
                        + ":place, :observed, :anon, :user, :org, :sealed, :key, :sha, :size, :type, 'NEW', NULL, NULL, "
                        + ":now, :now)")
                .param("id", id).param("cell", cell).param("kind", kind.name()).param("lang", language)
                .param("text", text).param("place", place).param("observed", observed).param("anon", anonymous)
                .param("user", contributor == null ? null : contributor.userId())
                .param("org", contributor == null ? null : contributor.organisationId())
                .param("sealed", sealed).param("key", keyId)
                .param("sha", attachment == null ? null : attachment.sha256())
                .param("size", attachment == null ? null : attachment.size())
                .param("type", attachment == null ? null : attachment.mediaType())
                .param("now", Timestamp.from(now)).update();
        audit.record(AuditRecord.of(AuditAction.COLLECTION, contributor == null ? null : contributor.userId(),
                contributor == null ? null : contributor.organisationId(), OBJECT, List.of(id))
                .withDetails(Map.of("cell", cell, "anonymous", Boolean.toString(anonymous))));
        return view(find(id).orElseThrow(), false);
    }

    private Submission.Attachment store(SubmissionDraft.Upload upload) {
        if (upload.size() > maxAttachment) {
            throw new InvalidInputException("attachment", "at most " + maxAttachment + " bytes");
        }
        try (InputStream in = upload.content()) {
            ContentFiles.Stored stored = files.store(in);
            if (stored.size() > maxAttachment) {
                throw new InvalidInputException("attachment", "at most " + maxAttachment + " bytes");
            }
            String type = TIKA.detect(stored.prefix());
            if (stored.size() == 0 || !FILE_TYPES.contains(type)) {
                throw new InvalidInputException("attachment", "a JPEG, PNG or WebP image or a PDF document");
            }
            return new Submission.Attachment(stored.sha256(), stored.size(), type);
        } catch (org.fusioncell.intake.AttachmentTooLargeException e) {
            throw new InvalidInputException("attachment", "at most " + maxAttachment + " bytes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @Transactional
    public Page<Submission> list(Reader reader, Status status, PageRequest page) {
        Audience a = audience(reader);
        String where = a.sql() + (status == null ? "" : " AND status = :status");
        long total = a.bind(jdbc.sql("SELECT COUNT(*) FROM submissions_submission WHERE " + where), status)
                .query(Long.class).single();
        List<Row> rows = a.bind(jdbc.sql("SELECT " + COLUMNS + " FROM submissions_submission WHERE " + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"), status)
                .param("limit", page.size()).param("offset", page.offset()).query(JdbcSubmissions::row).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                rows.stream().map(Row::id).toList()).withPurpose(reader.purpose()));
        return Page.of(rows.stream().map(r -> view(r, cellView(a, reader, r))).toList(), page, total);
    }

    @Override
    @Transactional
    public Optional<Submission> open(Reader reader, String id) {
        Audience a = audience(reader);
        Optional<Row> r = visible(reader, id);
        audit.record(AuditRecord.of(r.isPresent() ? AuditAction.CONSULTATION : AuditAction.ACCESS_DENIED,
                reader.userId(), reader.organisationId(), OBJECT, List.of(id)).withPurpose(reader.purpose())
                .withOutcome(r.isPresent() ? "OK" : "UNKNOWN"));
        return r.map(x -> view(x, cellView(a, reader, x)));
    }

    @Override
    public boolean triager(Reader reader) {
        return colleagues.holds(reader, triageRole);
    }

    @Override
    public boolean identityOfficer(Reader reader) {
        return colleagues.holds(reader, identityRole);
    }

    @Override
    @Transactional
    public Step triage(Reader analyst, String id, Status to, String reason) {
        Optional<Row> seen = lockedForCell(analyst, id);
        if (seen.isEmpty()) {
            return new Step.Unknown();
        }
        Row r = seen.get();
        if (to == null || to == Status.NEW || to == Status.TURNED_INTO_REPORT) {
            throw new InvalidInputException("status", "one of IN_REVIEW, NO_ACTION (a report is made with /report)");
        }
        if (closed(Status.valueOf(r.status()))) {
            return new Step.Refused("closed", "The submission is already " + r.status() + ".");
        }
        if (to.name().equals(r.status())) {
            return new Step.Refused("unchanged", "The submission is already " + to + ".");
        }
        String why = SubmissionChecks.text("reason", reason, 2000, to == Status.NO_ACTION);
        update(r.id(), to, why, null, analyst);
        return new Step.Done(view(find(id).orElseThrow(), true));
    }

    @Override
    @Transactional
    public Step turnIntoReport(Reader analyst, String id, String title, MarkingForm markingForm) {
        Optional<Row> seen = lockedForCell(analyst, id);
        if (seen.isEmpty()) {
            return new Step.Unknown();
        }
        Row r = seen.get();
        if (closed(Status.valueOf(r.status()))) {
            return new Step.Refused("closed", "The submission is already " + r.status() + ".");
        }
        String t = SubmissionChecks.text("title", title, 300, false);
        if (t == null) {
            t = r.text().length() > 80 ? r.text().substring(0, 80) + "…" : r.text();
        }
        Marking marking = markingForm == null
                ? new Marking(0, Tlp.AMBER, Releasability.NONE, false, Set.of(), analyst.organisationId())
                : markingForm.toMarking(scheme, vocabulary, analyst.organisationId(), analyst.userId(), "marking");
        if (!AccessPolicy.decide(analyst, Reports.INFORMATION_TYPE, marking).visible()) {
            throw new InvalidInputException("marking", "you could not read a report so marked");
        }
        String body = r.text() + "\n\n— " + "civil-society submission " + r.id() + " (" + r.kind() + ", "
                + r.language() + ")";
        Report report = reports.contribute(analyst, new ReportDraft(t, body,
                r.observedOn().atStartOfDay().toInstant(ZoneOffset.UTC),
                r.place() == null ? null : new Place(r.place(), null, null),
                new Grading(SourceReliability.F, 6), marking, null));
        update(r.id(), Status.TURNED_INTO_REPORT, null, report.id(), analyst);
        return new Step.Done(view(find(id).orElseThrow(), true));
    }

    @Override
    @Transactional
    public Reveal reveal(Reader officer, String id, String justification) {
        Optional<Row> r = Ids.isWellFormed(id) ? find(id) : Optional.empty();
        boolean ofCell = r.isPresent() && r.get().cellOrganisationId().equals(officer.organisationId());
        if (!ofCell || !identityOfficer(officer)) {
            audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, officer.userId(), officer.organisationId(),
                    OBJECT, List.of(id)).withOutcome(ofCell ? "NOT_IDENTITY_ROLE" : "UNKNOWN"));
            boolean known = ofCell || r.isPresent() && officer.userId().equals(r.get().contributorUserId());
            return known ? new Reveal.NotAllowed() : new Reveal.Unknown();
        }
        String why = SubmissionChecks.text("justification", justification, 1000, true);
        Row row = r.get();
        String name = null;
        String contact = null;
        if (row.identitySealed() != null) {
            String[] parts = seal.open(row.id(), row.identityKeyId(), row.identitySealed()).split("\n", 2);
            name = parts[0].isEmpty() ? null : parts[0];
            contact = parts.length < 2 || parts[1].isEmpty() ? null : parts[1];
        }
        audit.record(AuditRecord.of(AuditAction.DISCLOSURE, officer.userId(), officer.organisationId(), OBJECT,
                List.of(id)).withPurpose(officer.purpose()).withJustification(why)
                .withDetails(Map.of("disclosed", "submitter-identity")));
        return new Reveal.Revealed(new Submission.Identity(name, contact, row.contributorUserId()));
    }

    @Override
    @Transactional
    public Optional<InputStream> attachment(Reader reader, String id) {
        Optional<Row> r = visible(reader, id).filter(x -> x.attachmentSha256() != null);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                List.of(id)).withPurpose(reader.purpose()).withDetails(Map.of("attachment", r.get().attachmentSha256())));
        return files.open(r.get().attachmentSha256());
    }

    private void update(String id, Status to, String reason, String reportId, Reader analyst) {
        jdbc.sql("UPDATE submissions_submission SET status = :s, status_reason = :r, triaged_by = :by, updated_at = :now"
                        + (reportId == null ? "" : ", report_id = :report") + " WHERE id = :id")
                .param("s", to.name()).param("r", reason).param("by", analyst.userId())
                .param("now", Timestamp.from(clock.instant())).param("id", id)
                .params(reportId == null ? Map.of() : Map.of("report", reportId)).update();
        audit.record(AuditRecord.of(AuditAction.ALTERATION, analyst.userId(), analyst.organisationId(), OBJECT,
                reportId == null ? List.of(id) : List.of(id, reportId)).withOutcome(to.name()));
    }

    private static boolean closed(Status s) {
        return s == Status.TURNED_INTO_REPORT || s == Status.NO_ACTION;
    }

    /** The submission, locked, when the reader triages for the cell it was sent to. */
    private Optional<Row> lockedForCell(Reader analyst, String id) {
        if (!Ids.isWellFormed(id) || !triager(analyst)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM submissions_submission WHERE id = :id AND cell_organisation_id "
                        + "= :org FOR UPDATE").param("id", id).param("org", analyst.organisationId())
                .query(JdbcSubmissions::row).optional();
    }

    private Optional<Row> visible(Reader reader, String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        Audience a = audience(reader);
        return a.bind(jdbc.sql("SELECT " + COLUMNS + " FROM submissions_submission WHERE id = :id AND (" + a.sql()
                + ")"), null).param("id", id).query(JdbcSubmissions::row).optional();
    }

    private Audience audience(Reader reader) {
        boolean cell = triager(reader) || identityOfficer(reader);
        return new Audience(cell ? "(contributor_user_id = :me OR cell_organisation_id = :org)"
                : "contributor_user_id = :me", reader.userId(), reader.organisationId(), cell);
    }

    private record Audience(String sql, String me, String org, boolean cell) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, Status status) {
            s = s.param("me", me);
            if (cell) {
                s = s.param("org", org);
            }
            return status == null ? s : s.param("status", status.name());
        }
    }

    private Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submissions_submission WHERE id = :id").param("id", id)
                .query(JdbcSubmissions::row).optional();
    }

    /** What the reader is shown: the cell sees no identity, the contributor none of the cell's working. */
    private static Submission view(Row r, boolean forCell) {
        Submission.Attachment a = r.attachmentSha256() == null ? null
                : new Submission.Attachment(r.attachmentSha256(), r.attachmentSize(), r.attachmentType());
        return new Submission(r.id(), r.cellOrganisationId(), Submission.Kind.valueOf(r.kind()), r.language(),
                r.text(), r.place(), r.observedOn(), r.anonymous(),
                r.anonymous() ? null : r.contributorOrganisationId(), r.identitySealed() != null, a,
                Status.valueOf(r.status()), forCell ? r.statusReason() : null, forCell ? r.reportId() : null,
                r.createdAt(), r.updatedAt());
    }

    private static boolean cellView(Audience a, Reader reader, Row r) {
        return a.cell() && r.cellOrganisationId().equals(reader.organisationId());
    }

    private record Row(String id, String cellOrganisationId, String kind, String language, String text, String place,
                       LocalDate observedOn, boolean anonymous, String contributorUserId,
                       String contributorOrganisationId, String identitySealed, String identityKeyId,
                       String attachmentSha256, Long attachmentSize, String attachmentType, String status,
                       String statusReason, String reportId, Instant createdAt, Instant updatedAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long size = rs.getLong("attachment_size");
        Long attachmentSize = rs.wasNull() ? null : size;
        return new Row(rs.getString("id"), rs.getString("cell_organisation_id"), rs.getString("kind"),
                rs.getString("language"), rs.getString("text"), rs.getString("place"),
                rs.getDate("observed_on").toLocalDate(), rs.getBoolean("anonymous"),
                rs.getString("contributor_user_id"), rs.getString("contributor_organisation_id"),
                rs.getString("identity_sealed"), rs.getString("identity_key_id"), rs.getString("attachment_sha256"),
                attachmentSize, rs.getString("attachment_type"), rs.getString("status"),
                rs.getString("status_reason"), rs.getString("report_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
