package org.fusioncell.referrals.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.intake.ContentFiles;
import org.fusioncell.intake.TextLanguage;
import org.fusioncell.referrals.ContentAccess;
import org.fusioncell.referrals.Drafts;
import org.fusioncell.referrals.InclusionCategory;
import org.fusioncell.referrals.OnlineContent;
import org.fusioncell.referrals.Referral;
import org.fusioncell.referrals.ReferralState;
import org.fusioncell.referrals.ReferralStep;
import org.fusioncell.referrals.Referrals;
import org.fusioncell.referrals.TransparencyReport;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online content on the database and the facade of the module. Lists and counts filter on the content's marking in
 * SQL ({@link VisibilityFilter}); one record is decided by {@link AccessPolicy}. Files go to intake's content-addressed
 * store with its checks and limit ({@link ContentFiles#storeChecked}). Referral steps are {@link ReferralLife}'s.
 */
@Service
class JdbcReferrals implements Referrals {

    private static final String OBJECT = ReferralRows.OBJECT;
    private static final Set<String> LANGUAGES = Set.of("ar", "fr", "en");
    static final int MAX_FILES = 10;

    private final ReferralRows rows;
    private final ReferralLife life;
    private final Transparency transparency;
    private final InclusionPolicy policy;
    private final ContentFiles files;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;

    JdbcReferrals(ReferralRows rows, ReferralLife life, Transparency transparency, InclusionPolicy policy,
                  ContentFiles files, Organisations organisations, ClassificationScheme scheme,
                  MarkingVocabulary vocabulary) {
        this.rows = rows;
        this.life = life;
        this.transparency = transparency;
        this.policy = policy;
        this.files = files;
        this.organisations = organisations;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
    }

    @Override
    public List<InclusionCategory> policy() {
        return policy.categories();
    }

    @Override
    public List<OrganisationSummary> platforms() {
        return organisations.all().stream().filter(o -> o.type() == OrganisationType.TECHNOLOGY_PLATFORM).toList();
    }

    // ---------------------------------------------------------------------------------------------- recording

    @Override
    @Transactional
    public ReferralStep<OnlineContent> record(Reader author, Drafts.ContentDraft draft, List<Upload> uploads) {
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        String url = ContentUrls.normalise(draft.url());
        String platform = draft.platformOrganisationId() == null ? "" : draft.platformOrganisationId().strip();
        if (platforms().stream().noneMatch(p -> p.id().equals(platform))) {
            throw new InvalidInputException("platformOrganisationId",
                    "required: the id of an organisation of type TECHNOLOGY_PLATFORM");
        }
        String account = ReferralInput.text("account", draft.account(), 300, false);
        String text = ReferralInput.text("capturedText", draft.capturedText(), ReferralInput.MAX_TEXT, false);
        String language = language(draft.language(), text);
        Instant now = rows.now();
        Instant capturedAt = ReferralInput.capturedAt(draft.capturedAt(), now);
        if (draft.marking() == null) {
            throw new InvalidInputException("marking", "required");
        }
        Marking marking = draft.marking().toMarking(scheme, vocabulary, author.organisationId(), author.userId(),
                "marking");
        if (!AccessPolicy.decide(author, OBJECT, marking).visible()) {
            throw new InvalidInputException("marking", "you could not read content marked so");
        }
        List<Upload> given = uploads == null ? List.of() : uploads;
        if (given.size() > MAX_FILES) {
            throw new InvalidInputException("file", "at most " + MAX_FILES + " files");
        }
        if (!rows.analyst(author, author.organisationId())) {
            rows.refused(author, OBJECT, null, "record", "not-analyst");
            return new ReferralStep.Refused<>("not-analyst", "Content is recorded by analysts and supervisors.");
        }
        // the files first: a refused file stores nothing, and then no row is written either
        List<ContentFiles.CheckedFile> stored = new ArrayList<>();
        for (Upload u : given) {
            stored.add(files.storeChecked(u.fileName(), u.declaredType(), u.content()));
        }
        String id = Ids.newId();
        rows.jdbc.sql("""
                INSERT INTO referrals_content (id, url, url_host, platform_organisation_id, account, language,
                    captured_text, captured_at, marking_id, owner_organisation_id, created_by, created_at)
                VALUES (:id, :url, :host, :platform, :account, :language, :text, :captured, :marking, :org, :user,
                    :now)""")
                .param("id", id).param("url", url).param("host", ContentUrls.host(url)).param("platform", platform)
                .param("account", account).param("language", language).param("text", text)
                .param("captured", Timestamp.from(capturedAt)).param("marking", rows.markings.save(marking))
                .param("org", author.organisationId()).param("user", author.userId())
                .param("now", Timestamp.from(now)).update();
        for (ContentFiles.CheckedFile f : stored) {
            insertFile(id, f, author, now);
        }
        rows.audit(author, AuditAction.COLLECTION, OBJECT, id, "record", Map.of("files",
                String.valueOf(stored.size()), "language", language));
        return new ReferralStep.Done<>(rows.toContent(rows.contentRow(id).orElseThrow(), rows.files(id)));
    }

    private static String language(String given, String text) {
        if (given != null && !given.isBlank()) {
            String l = given.strip().toLowerCase(java.util.Locale.ROOT);
            if (!LANGUAGES.contains(l)) {
                throw new InvalidInputException("language", "one of ar, fr, en (or leave it out to detect it)");
            }
            return l;
        }
        return TextLanguage.detect(text);
    }

    private String insertFile(String contentId, ContentFiles.CheckedFile f, Reader reader, Instant now) {
        String id = Ids.newId();
        rows.jdbc.sql("""
                INSERT INTO referrals_content_file (id, content_id, sha256, size, media_type, file_name, added_by,
                    added_at) VALUES (:id, :content, :sha, :size, :type, :name, :user, :now)""")
                .param("id", id).param("content", contentId).param("sha", f.sha256()).param("size", f.size())
                .param("type", f.mediaType()).param("name", f.displayName()).param("user", reader.userId())
                .param("now", Timestamp.from(now)).update();
        return id;
    }

    @Override
    @Transactional
    public ReferralStep<OnlineContent.ContentFile> addFile(Reader reader, String contentId, Upload upload) {
        Optional<ReferralRows.ContentRow> c = rows.visibleContent(reader, contentId);
        if (c.isEmpty()) {
            return new ReferralStep.Unknown<>();
        }
        if (upload == null) {
            throw new InvalidInputException("file", "is required (multipart part named file)");
        }
        if (!rows.analyst(reader, c.get().owner())) {
            rows.refused(reader, OBJECT, contentId, "file", "not-analyst");
            return new ReferralStep.Refused<>("not-analyst",
                    "Files are added by the analysts and supervisors of the organisation holding the content.");
        }
        long count = rows.jdbc.sql("SELECT COUNT(*) FROM referrals_content_file WHERE content_id = :id")
                .param("id", contentId).query(Long.class).single();
        if (count >= MAX_FILES) {
            throw new InvalidInputException("file", "at most " + MAX_FILES + " files");
        }
        ContentFiles.CheckedFile f = files.storeChecked(upload.fileName(), upload.declaredType(), upload.content());
        String id = insertFile(contentId, f, reader, rows.now());
        rows.audit(reader, AuditAction.COLLECTION, OBJECT, contentId, "file", Map.of("file", id,
                "sha256", f.sha256()));
        return new ReferralStep.Done<>(rows.files(contentId).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow());
    }

    // ---------------------------------------------------------------------------------------------- reading

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(Reader reader, String platform) {
        SqlPredicate visible = VisibilityFilter.visible(reader, OBJECT, "c.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        String sql = visible.sql();
        if (platform != null && !platform.isBlank()) {
            sql += " AND c.platform_organisation_id = :platform";
            params.put("platform", platform.strip());
        }
        return new Where(sql, params);
    }

    @Override
    @Transactional
    public Page<OnlineContent> list(Reader reader, String platform, PageRequest page) {
        Where w = where(reader, platform);
        long total = rows.jdbc.sql("SELECT COUNT(*) FROM referrals_content c WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        List<ReferralRows.ContentRow> found = rows.jdbc.sql("SELECT c.* FROM referrals_content c WHERE " + w.sql()
                        + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset").params(w.params())
                .param("limit", page.size()).param("offset", page.offset()).query(ReferralRows::content).list();
        List<OnlineContent> items = found.stream().map(r -> rows.toContent(r, List.of())).toList();
        rows.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                items.stream().map(OnlineContent::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "list", "page", String.valueOf(page.page()), "total",
                        String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, String platform) {
        Where w = where(reader, platform);
        long total = rows.jdbc.sql("SELECT COUNT(*) FROM referrals_content c WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        rows.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), OBJECT, List.of())
                .withPurpose(reader.purpose()).withDetails(Map.of("view", "count", "total", String.valueOf(total))));
        return total;
    }

    @Override
    @Transactional
    public ContentAccess find(Reader reader, String contentId) {
        Optional<ReferralRows.ContentRow> found = rows.contentRow(contentId);
        if (found.isEmpty()) {
            return new ContentAccess.Unknown();
        }
        ReferralRows.ContentRow r = found.get();
        Marking marking = rows.markings.find(r.markingId()).orElseThrow();
        Decision d = AccessPolicy.decide(reader, OBJECT, marking);
        return switch (d.visibility()) {
            case HIDDEN -> new ContentAccess.Unknown();
            case EXISTENCE_ONLY -> {
                rows.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                        List.of(r.id())).withPurpose(reader.purpose()).withOutcome("EXISTENCE_ONLY")
                        .withDetails(Map.of("reason", d.reason())));
                yield new ContentAccess.KnownToExist(r.id(), r.owner(), marking);
            }
            case VISIBLE -> {
                rows.audit(reader, AuditAction.CONSULTATION, OBJECT, r.id(), "open", Map.of());
                List<Referral> referrals = rows.jdbc.sql("""
                                SELECT * FROM referrals_referral WHERE content_id = :id ORDER BY referred_at, id""")
                        .param("id", r.id()).query(ReferralRows::referral).list().stream().map(rows::toReferral)
                        .toList();
                yield new ContentAccess.Opened(rows.toContent(r, rows.files(r.id())), referrals);
            }
        };
    }

    @Override
    @Transactional
    public Optional<FileContent> file(Reader reader, String contentId, String fileId) {
        Optional<ReferralRows.ContentRow> c = rows.visibleContent(reader, contentId);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        Optional<OnlineContent.ContentFile> f = rows.files(contentId).stream().filter(x -> x.id().equals(fileId))
                .findFirst();
        if (f.isEmpty()) {
            return Optional.empty();
        }
        return files.open(f.get().sha256()).map(in -> {
            rows.audit(reader, AuditAction.DISCLOSURE, OBJECT, contentId, "file", Map.of("file", fileId));
            return new FileContent(f.get(), in);
        });
    }

    // ---------------------------------------------------------------------------------------------- assessing

    @Override
    @Transactional
    public ReferralStep<OnlineContent> assess(Reader reader, String contentId, Drafts.AssessmentDraft draft) {
        Optional<ReferralRows.ContentRow> c = rows.visibleContent(reader, contentId);
        if (c.isEmpty()) {
            return new ReferralStep.Unknown<>();
        }
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        if (draft.inScope() == null) {
            throw new InvalidInputException("inScope", "is required: true when the content falls under a category"
                    + " of the inclusion policy");
        }
        String category = null;
        String entity = ReferralInput.text("listedEntity", draft.listedEntity(), 300, false);
        if (draft.inScope()) {
            String code = draft.category() == null ? "" : draft.category().strip();
            InclusionCategory cat = policy.category(code).orElseThrow(() -> new InvalidInputException("category",
                    "one of the inclusion policy's: " + policy.categories().stream().map(InclusionCategory::code)
                            .toList()));
            if ("required".equals(cat.listedEntity()) && entity == null) {
                throw new InvalidInputException("listedEntity", "is required for the category " + code);
            }
            if ("never".equals(cat.listedEntity()) && entity != null) {
                throw new InvalidInputException("listedEntity", "the category " + code + " names no listed entity");
            }
            category = code;
        } else if (draft.category() != null && !draft.category().isBlank()) {
            throw new InvalidInputException("category", "content out of scope has no category");
        }
        String rationale = ReferralInput.text("rationale", draft.rationale(), 4000, true);
        if (!rows.analyst(reader, c.get().owner())) {
            rows.refused(reader, OBJECT, contentId, "assess", "not-analyst");
            return new ReferralStep.Refused<>("not-analyst",
                    "Content is assessed by the analysts and supervisors of the organisation holding it.");
        }
        rows.jdbc.sql("""
                UPDATE referrals_content SET in_scope = :scope, category = :category, listed_entity = :entity,
                    rationale = :rationale, assessed_by = :user, assessed_at = :now WHERE id = :id""")
                .param("scope", draft.inScope()).param("category", category).param("entity", entity)
                .param("rationale", rationale).param("user", reader.userId()).param("now", Timestamp.from(rows.now()))
                .param("id", contentId).update();
        rows.audit(reader, AuditAction.ALTERATION, OBJECT, contentId, "assess", Map.of("inScope",
                String.valueOf(draft.inScope()), "category", category == null ? "" : category));
        return new ReferralStep.Done<>(rows.toContent(rows.contentRow(contentId).orElseThrow(),
                rows.files(contentId)));
    }

    // ---------------------------------------------------------------------------------------------- referrals

    @Override
    @Transactional
    public ReferralStep<Referral> refer(Reader reader, String contentId, Drafts.ReferralDraft draft) {
        return life.refer(reader, contentId, draft);
    }

    @Override
    @Transactional
    public Page<Referral> referrals(Reader reader, ReferralState state, String platform, PageRequest page) {
        return life.list(reader, state, platform, page);
    }

    @Override
    @Transactional
    public ContentAccess referral(Reader reader, String referralId) {
        return life.one(reader, referralId);
    }

    @Override
    @Transactional
    public ReferralStep<Referral> recheck(Reader reader, String referralId, Drafts.RecheckDraft draft) {
        return life.recheck(reader, referralId, draft);
    }

    @Override
    @Transactional
    public ReferralStep<Referral> decideAppeal(Reader supervisor, String referralId,
                                               Drafts.AppealDecisionDraft draft) {
        return life.decideAppeal(supervisor, referralId, draft);
    }

    @Override
    @Transactional
    public TransparencyReport transparency(Reader reader, LocalDate from, LocalDate to) {
        return transparency.report(reader, from, to, policy.categories(), platforms());
    }

    @Override
    @Transactional
    public Page<Referral.Disclosed> addressed(Reader platformUser, ReferralState state, PageRequest page) {
        return life.addressed(platformUser, state, page);
    }

    @Override
    @Transactional
    public Optional<Referral.Disclosed> addressedOne(Reader platformUser, String referralId) {
        return life.addressedOne(platformUser, referralId);
    }

    @Override
    @Transactional
    public ReferralStep<Referral.Disclosed> acknowledge(Reader platformUser, String referralId) {
        return life.acknowledge(platformUser, referralId);
    }

    @Override
    @Transactional
    public ReferralStep<Referral.Disclosed> reportOutcome(Reader platformUser, String referralId,
                                                          Drafts.OutcomeDraft draft) {
        return life.reportOutcome(platformUser, referralId, draft);
    }

    @Override
    @Transactional
    public ReferralStep<Referral.Disclosed> appeal(Reader platformUser, String referralId, Drafts.AppealDraft draft) {
        return life.appeal(platformUser, referralId, draft);
    }

    @Override
    public int remind(Instant now) {
        return life.remind(now);
    }
}
