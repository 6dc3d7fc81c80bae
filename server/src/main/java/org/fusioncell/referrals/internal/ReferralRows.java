package org.fusioncell.referrals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.Notices;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.referrals.AppealOutcome;
import org.fusioncell.referrals.Appellant;
import org.fusioncell.referrals.OnlineContent;
import org.fusioncell.referrals.Outcome;
import org.fusioncell.referrals.Referral;
import org.fusioncell.referrals.ReferralState;
import org.fusioncell.referrals.Referrals;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rows, roles, audit and notices shared by the content and referral steps. Roles are read from the database at each
 * step (a role taken away takes effect at once); every outcome that matters is audited, refusals included.
 */
@Component
class ReferralRows {

    static final String OBJECT = Referrals.INFORMATION_TYPE;
    static final String REFERRAL_OBJECT = "referral";

    final JdbcClient jdbc;
    final Markings markings;
    private final Colleagues colleagues;
    private final AuditLog audit;
    private final Notices notices;
    private final Readers readers;
    private final Clock clock;

    ReferralRows(JdbcClient jdbc, Markings markings, Colleagues colleagues, AuditLog audit, Notices notices,
                 Readers readers, Clock clock) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.colleagues = colleagues;
        this.audit = audit;
        this.notices = notices;
        this.readers = readers;
        this.clock = clock;
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    // ---------------------------------------------------------------------------------------------- roles

    /** An analyst or supervisor of {@code organisation} (the cell that holds the content). */
    boolean analyst(Reader reader, String organisation) {
        return reader.organisationId().equals(organisation)
                && (colleagues.holds(reader, Role.ANALYST) || supervisor(reader,
                organisation));
    }

    boolean supervisor(Reader reader, String organisation) {
        return reader.organisationId().equals(organisation)
                && colleagues.holds(reader, Role.SUPERVISOR);
    }

    /** A platform-partner user of the platform organisation the referral is addressed to. */
    boolean platformUser(Reader reader, String platformOrganisation) {
        return reader.organisationId().equals(platformOrganisation)
                && colleagues.holds(reader, Role.PLATFORM_PARTNER);
    }

    // ---------------------------------------------------------------------------------------------- content

    record ContentRow(String id, String url, String platform, String account, String language, String text,
                      Instant capturedAt, String markingId, String owner, String createdBy, Instant createdAt,
                      OnlineContent.Assessment assessment) {
    }

    static ContentRow content(ResultSet rs, int n) throws SQLException {
        Object inScope = rs.getObject("in_scope");
        OnlineContent.Assessment a = inScope == null ? null : new OnlineContent.Assessment(rs.getBoolean("in_scope"),
                rs.getString("category"), rs.getString("listed_entity"), rs.getString("rationale"),
                rs.getString("assessed_by"), instant(rs, "assessed_at"));
        return new ContentRow(rs.getString("id"), rs.getString("url"), rs.getString("platform_organisation_id"),
                rs.getString("account"), rs.getString("language"), rs.getString("captured_text"),
                instant(rs, "captured_at"), rs.getString("marking_id"), rs.getString("owner_organisation_id"),
                rs.getString("created_by"), instant(rs, "created_at"), a);
    }

    Optional<ContentRow> contentRow(String id) {
        if (id == null || !Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM referrals_content WHERE id = :id").param("id", id)
                .query(ReferralRows::content).optional();
    }

    OnlineContent toContent(ContentRow r, List<OnlineContent.ContentFile> files) {
        return new OnlineContent(r.id(), r.url(), r.platform(), r.account(), r.language(), r.text(), r.capturedAt(),
                markings.find(r.markingId()).orElseThrow(), r.owner(), r.createdBy(), r.createdAt(), r.assessment(),
                files);
    }

    List<OnlineContent.ContentFile> files(String contentId) {
        return jdbc.sql("SELECT * FROM referrals_content_file WHERE content_id = :id ORDER BY added_at, id")
                .param("id", contentId).query((rs, n) -> new OnlineContent.ContentFile(rs.getString("id"),
                        rs.getString("sha256"), rs.getLong("size"), rs.getString("media_type"),
                        rs.getString("file_name"), rs.getString("added_by"), instant(rs, "added_at"))).list();
    }

    /** The content if the reader may see it; otherwise audited as a denied access and empty. */
    Optional<ContentRow> visibleContent(Reader reader, String contentId) {
        Optional<ContentRow> row = contentRow(contentId);
        if (row.isEmpty()) {
            return row;
        }
        Decision d = AccessPolicy.decide(reader, OBJECT, markings.find(row.get().markingId()).orElseThrow());
        if (!d.visible()) {
            record(AuditRecord.of(AuditAction.ACCESS_DENIED, reader.userId(), reader.organisationId(), OBJECT,
                    List.of(row.get().id())).withPurpose(reader.purpose()).withOutcome(d.visibility().name())
                    .withDetails(Map.of("reason", d.reason())));
            return Optional.empty();
        }
        return row;
    }

    boolean sees(String userId, String markingId) {
        try {
            return AccessPolicy.decide(readers.forUser(userId, "notice"), OBJECT,
                    markings.find(markingId).orElseThrow()).visible();
        } catch (RuntimeException gone) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------- referrals

    record ReferralRow(String id, String contentId, String platform, String owner, String category, String basis,
                       ReferralState state, String referredBy, Instant referredAt, Instant acknowledgedAt,
                       Outcome outcome, String outcomeNote, Instant outcomeAt, Appellant appellant,
                       String appealReason, Instant appealedAt, AppealOutcome appealOutcome, String decisionReason,
                       String decidedBy, Instant decidedAt, Instant remindedAt, int reminders, Instant recheckedAt,
                       Boolean stillOnline, int version) {
    }

    static ReferralRow referral(ResultSet rs, int n) throws SQLException {
        Object online = rs.getObject("still_online");
        return new ReferralRow(rs.getString("id"), rs.getString("content_id"),
                rs.getString("platform_organisation_id"), rs.getString("owner_organisation_id"),
                rs.getString("category"), rs.getString("basis"), ReferralState.valueOf(rs.getString("state")),
                rs.getString("referred_by"), instant(rs, "referred_at"), instant(rs, "acknowledged_at"),
                parse(Outcome.class, rs.getString("outcome")), rs.getString("outcome_note"),
                instant(rs, "outcome_at"), parse(Appellant.class, rs.getString("appellant")),
                rs.getString("appeal_reason"), instant(rs, "appealed_at"),
                parse(AppealOutcome.class, rs.getString("appeal_outcome")), rs.getString("appeal_decision_reason"),
                rs.getString("appeal_decided_by"), instant(rs, "appeal_decided_at"), instant(rs, "reminded_at"),
                rs.getInt("reminders"), instant(rs, "rechecked_at"), online == null ? null : rs.getBoolean("still_online"),
                rs.getInt("version"));
    }

    Optional<ReferralRow> referralRow(String id) {
        if (id == null || !Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM referrals_referral WHERE id = :id").param("id", id)
                .query(ReferralRows::referral).optional();
    }

    Referral toReferral(ReferralRow r) {
        List<Referral.Step> steps = jdbc.sql("""
                SELECT * FROM referrals_step WHERE referral_id = :id ORDER BY taken_at, id""").param("id", r.id())
                .query((rs, n) -> new Referral.Step(rs.getString("step"), rs.getString("detail"),
                        rs.getString("actor_user_id"), rs.getString("actor_organisation_id"), instant(rs, "taken_at")))
                .list();
        return new Referral(r.id(), r.contentId(), r.platform(), r.owner(), r.category(), r.basis(), r.state(),
                r.referredBy(), r.referredAt(), r.acknowledgedAt(), r.outcome(), r.outcomeNote(), r.outcomeAt(),
                r.appellant(), r.appealReason(), r.appealedAt(), r.appealOutcome(), r.decisionReason(), r.decidedBy(),
                r.decidedAt(), r.remindedAt(), r.reminders(), r.recheckedAt(), r.stillOnline(), r.version(), steps);
    }

    /** Only what the referral discloses to the platform. */
    static Referral.Disclosed disclosed(ReferralRow r, ContentRow c) {
        return new Referral.Disclosed(r.id(), c.url(), c.account(), c.text(), c.capturedAt(), r.category(),
                r.basis(), r.state(), r.referredAt(), r.acknowledgedAt(), r.outcome(), r.outcomeNote(), r.outcomeAt(),
                r.appellant(), r.appealReason(), r.appealedAt(), r.appealOutcome(), r.decisionReason(),
                r.decidedAt(), r.version());
    }

    void step(String referralId, String step, String detail, String actor, String actorOrganisation, Instant at) {
        jdbc.sql("""
                INSERT INTO referrals_step (id, referral_id, step, detail, actor_user_id, actor_organisation_id,
                    taken_at) VALUES (:id, :referral, :step, :detail, :actor, :org, :at)""")
                .param("id", Ids.newId()).param("referral", referralId).param("step", step).param("detail", detail)
                .param("actor", actor).param("org", actorOrganisation).param("at", Timestamp.from(at)).update();
    }

    // ---------------------------------------------------------------------------------------------- audit, notices

    void audit(Reader reader, AuditAction action, String objectType, String id, String step,
               Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("step", step);
        record(AuditRecord.of(action, reader.userId(), reader.organisationId(), objectType, List.of(id))
                .withPurpose(reader.purpose()).withDetails(all));
    }

    void refused(Reader reader, String objectType, String id, String step, String code) {
        record(AuditRecord.of(AuditAction.ALTERATION, reader.userId(), reader.organisationId(), objectType,
                id == null ? List.of() : List.of(id)).withPurpose(reader.purpose()).withOutcome("REFUSED")
                .withDetails(Map.of("step", step, "reason", code)));
    }

    void record(AuditRecord record) {
        audit.record(record);
    }

    /**
     * Tells the platform-partner users of the platform: through their inbox, e-mail and signed webhooks as each has
     * set them up (monitoring's notices). The notice says what the referral discloses, no more.
     */
    int tellPlatform(ReferralRow r, String kind, String headline, String summary) {
        int told = 0;
        for (String user : colleagues.members(r.platform(), Role.PLATFORM_PARTNER)) {
            if (notices.tell(user, new Notices.Notice(r.id(), "Referral", kind, r.id(), r.platform(), headline,
                    summary, Severity.MEDIUM, "/platform/referrals/" + r.id()))) {
                told++;
            }
        }
        return told;
    }

    /** Tells users of the cell who may still see the content (the referring analyst, the supervisors). */
    int tellCell(ReferralRow r, List<String> users, String markingId, String kind, String headline, String summary) {
        int told = 0;
        for (String user : users.stream().distinct().toList()) {
            if (sees(user, markingId) && notices.tell(user, new Notices.Notice(r.id(), "Referral", kind, r.id(),
                    r.owner(), headline, summary, Severity.MEDIUM, "/referrals/content/" + r.contentId()))) {
                told++;
            }
        }
        return told;
    }

    List<String> supervisors(String organisation) {
        return colleagues.members(organisation, Role.SUPERVISOR);
    }

    // ---------------------------------------------------------------------------------------------- values

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
