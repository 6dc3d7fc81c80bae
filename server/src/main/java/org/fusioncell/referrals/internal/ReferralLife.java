package org.fusioncell.referrals.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.referrals.AppealOutcome;
import org.fusioncell.referrals.Appellant;
import org.fusioncell.referrals.ContentAccess;
import org.fusioncell.referrals.Drafts;
import org.fusioncell.referrals.Outcome;
import org.fusioncell.referrals.Referral;
import org.fusioncell.referrals.ReferralState;
import org.fusioncell.referrals.ReferralStep;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The life of a referral: the cell refers in-scope content, the platform acknowledges, reports the outcome and
 * records appeals, a supervisor of the cell decides them; the cell re-checks whether the content is still online.
 * Each step moves the row only from the state it expects (a conditional update), writes a step row with its actor
 * and an audit record, in the caller's transaction. Reminders are {@link ReferralReminders}'.
 */
@Component
class ReferralLife {

    private static final String OBJECT = ReferralRows.OBJECT;
    private static final String REFERRAL = ReferralRows.REFERRAL_OBJECT;

    private final ReferralRows rows;
    private final ReferralReminders reminders;

    ReferralLife(ReferralRows rows, ReferralReminders reminders) {
        this.rows = rows;
        this.reminders = reminders;
    }

    // ---------------------------------------------------------------------------------------------- the cell

    ReferralStep<Referral> refer(Reader reader, String contentId, Drafts.ReferralDraft draft) {
        Optional<ReferralRows.ContentRow> seen = rows.visibleContent(reader, contentId);
        if (seen.isEmpty()) {
            return new ReferralStep.Unknown<>();
        }
        ReferralRows.ContentRow c = seen.get();
        String basis = ReferralInput.text("basis", draft == null ? null : draft.basis(), ReferralInput.MAX_NOTE, true);
        if (!rows.analyst(reader, c.owner())) {
            rows.refused(reader, OBJECT, c.id(), "refer", "not-analyst");
            return new ReferralStep.Refused<>("not-analyst",
                    "Content is referred by the analysts and supervisors of the organisation holding it.");
        }
        if (c.assessment() == null || !c.assessment().inScope()) {
            rows.refused(reader, OBJECT, c.id(), "refer", "not-in-scope");
            return new ReferralStep.Refused<>("not-in-scope",
                    "Only content assessed as in scope of the inclusion policy is referred.");
        }
        long open = rows.jdbc.sql("""
                SELECT COUNT(*) FROM referrals_referral WHERE content_id = :id AND state IN ('REFERRED', 'ACKNOWLEDGED')""")
                .param("id", c.id()).query(Long.class).single();
        if (open > 0) {
            rows.refused(reader, OBJECT, c.id(), "refer", "already-referred");
            return new ReferralStep.Refused<>("already-referred",
                    "The content is already referred and the platform has not answered yet.");
        }
        String id = Ids.newId();
        Instant now = rows.now();
        rows.jdbc.sql("""
                INSERT INTO referrals_referral (id, content_id, platform_organisation_id, owner_organisation_id,
                    category, basis, state, referred_by, referred_at, reminders, version)
                VALUES (:id, :content, :platform, :owner, :category, :basis, 'REFERRED', :user, :now, 0, 1)""")
                .param("id", id).param("content", c.id()).param("platform", c.platform()).param("owner", c.owner())
                .param("category", c.assessment().category()).param("basis", basis).param("user", reader.userId())
                .param("now", Timestamp.from(now)).update();
        rows.step(id, "REFERRED", c.assessment().category(), reader.userId(), reader.organisationId(), now);
        // the referral discloses the content's URL, account and captured text to the platform
        rows.audit(reader, AuditAction.DISCLOSURE, OBJECT, c.id(), "refer", Map.of("referral", id,
                "platform", c.platform(), "category", c.assessment().category()));
        ReferralRows.ReferralRow r = rows.referralRow(id).orElseThrow();
        rows.tellPlatform(r, "referral-new", "Referral: " + r.category(), c.url());
        return new ReferralStep.Done<>(rows.toReferral(r));
    }

    Page<Referral> list(Reader reader, ReferralState state, String platform, PageRequest page) {
        SqlPredicate visible = VisibilityFilter.visible(reader, OBJECT, "c.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        StringBuilder where = new StringBuilder(visible.sql());
        if (state != null) {
            where.append(" AND r.state = :state");
            params.put("state", state.name());
        }
        if (platform != null && !platform.isBlank()) {
            where.append(" AND r.platform_organisation_id = :platform");
            params.put("platform", platform.strip());
        }
        String from = " FROM referrals_referral r JOIN referrals_content c ON c.id = r.content_id WHERE " + where;
        long total = rows.jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        List<Referral> items = rows.jdbc.sql("SELECT r.*" + from
                        + " ORDER BY r.referred_at DESC, r.id DESC LIMIT :limit OFFSET :offset").params(params)
                .param("limit", page.size()).param("offset", page.offset()).query(ReferralRows::referral).list()
                .stream().map(rows::toReferral).toList();
        rows.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), REFERRAL,
                items.stream().map(Referral::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "list", "page", String.valueOf(page.page()), "total",
                        String.valueOf(total))));
        return Page.of(items, page, total);
    }

    ContentAccess one(Reader reader, String referralId) {
        Optional<ReferralRows.ReferralRow> found = rows.referralRow(referralId);
        if (found.isEmpty()) {
            return new ContentAccess.Unknown();
        }
        ReferralRows.ContentRow c = rows.contentRow(found.get().contentId()).orElseThrow();
        Marking marking = rows.markings.find(c.markingId()).orElseThrow();
        Decision d = AccessPolicy.decide(reader, OBJECT, marking);
        return switch (d.visibility()) {
            case HIDDEN -> new ContentAccess.Unknown();
            case EXISTENCE_ONLY -> {
                rows.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                        REFERRAL, List.of(referralId)).withPurpose(reader.purpose()).withOutcome("EXISTENCE_ONLY")
                        .withDetails(Map.of("reason", d.reason())));
                yield new ContentAccess.KnownToExist(c.id(), c.owner(), marking);
            }
            case VISIBLE -> {
                rows.audit(reader, AuditAction.CONSULTATION, REFERRAL, referralId, "open", Map.of());
                yield new ContentAccess.Opened(rows.toContent(c, rows.files(c.id())),
                        List.of(rows.toReferral(found.get())));
            }
        };
    }

    /** The referral if the reader may see its content; audited when not. */
    private Optional<ReferralRows.ReferralRow> visible(Reader reader, String referralId) {
        Optional<ReferralRows.ReferralRow> r = rows.referralRow(referralId);
        if (r.isEmpty() || rows.visibleContent(reader, r.get().contentId()).isEmpty()) {
            return Optional.empty();
        }
        return r;
    }

    ReferralStep<Referral> recheck(Reader reader, String referralId, Drafts.RecheckDraft draft) {
        Optional<ReferralRows.ReferralRow> seen = visible(reader, referralId);
        if (seen.isEmpty()) {
            return new ReferralStep.Unknown<>();
        }
        ReferralRows.ReferralRow r = seen.get();
        if (draft == null || draft.stillOnline() == null) {
            throw new InvalidInputException("stillOnline", "is required: true when the content is still online");
        }
        String note = ReferralInput.text("note", draft.note(), ReferralInput.MAX_NOTE, false);
        if (!rows.analyst(reader, r.owner())) {
            rows.refused(reader, REFERRAL, r.id(), "recheck", "not-analyst");
            return new ReferralStep.Refused<>("not-analyst", "The referring organisation's analysts re-check.");
        }
        Instant now = rows.now();
        rows.jdbc.sql("""
                UPDATE referrals_referral SET rechecked_at = :now, still_online = :online, version = version + 1
                WHERE id = :id""").param("now", Timestamp.from(now)).param("online", draft.stillOnline())
                .param("id", r.id()).update();
        String detail = (draft.stillOnline() ? "ONLINE" : "OFFLINE") + (note == null ? "" : ": " + note);
        rows.step(r.id(), "RECHECKED", detail, reader.userId(), reader.organisationId(), now);
        rows.audit(reader, AuditAction.ALTERATION, REFERRAL, r.id(), "recheck", Map.of("stillOnline",
                String.valueOf(draft.stillOnline())));
        return new ReferralStep.Done<>(rows.toReferral(rows.referralRow(r.id()).orElseThrow()));
    }

    ReferralStep<Referral> decideAppeal(Reader reader, String referralId, Drafts.AppealDecisionDraft draft) {
        Optional<ReferralRows.ReferralRow> seen = visible(reader, referralId);
        if (seen.isEmpty()) {
            return new ReferralStep.Unknown<>();
        }
        ReferralRows.ReferralRow r = seen.get();
        AppealOutcome decision = ReferralInput.choice("decision", draft == null ? null : draft.decision(),
                AppealOutcome.class);
        String reason = ReferralInput.text("reason", draft.reason(), ReferralInput.MAX_NOTE, true);
        if (!rows.supervisor(reader, r.owner())) {
            rows.refused(reader, REFERRAL, r.id(), "appeal-decision", "not-supervisor");
            return new ReferralStep.Refused<>("not-supervisor",
                    "A supervisor of the referring organisation reviews appeals.");
        }
        Instant now = rows.now();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("appeal_outcome", decision.name());
        set.put("appeal_decision_reason", reason);
        set.put("appeal_decided_by", reader.userId());
        set.put("appeal_decided_at", Timestamp.from(now));
        ReferralStep<Referral> wrong = move(reader, r, ReferralState.APPEALED, ReferralState.APPEAL_DECIDED, set,
                "appeal-decision", "An appeal is decided once it is recorded, and only once.");
        if (wrong != null) {
            return wrong;
        }
        rows.step(r.id(), "APPEAL_DECIDED", decision.name() + ": " + reason, reader.userId(), reader.organisationId(),
                now);
        rows.audit(reader, AuditAction.ALTERATION, REFERRAL, r.id(), "appeal-decision", Map.of("decision",
                decision.name()));
        ReferralRows.ReferralRow after = rows.referralRow(r.id()).orElseThrow();
        rows.tellPlatform(after, "referral-appeal-decided", "Appeal decided: " + decision.name(), reason);
        return new ReferralStep.Done<>(rows.toReferral(after));
    }

    /**
     * Moves {@code r} from {@code from} to {@code to} with {@code set}; a refusal naming the state it is in when it is
     * not in {@code from} (read again, so that of two racing steps the second is told why), or null when moved.
     */
    private <T> ReferralStep<T> move(Reader reader, ReferralRows.ReferralRow r, ReferralState from, ReferralState to,
                                     Map<String, Object> set, String step, String why) {
        StringBuilder sql = new StringBuilder("UPDATE referrals_referral SET state = :to, version = version + 1");
        set.keySet().forEach(k -> sql.append(", ").append(k).append(" = :").append(k));
        sql.append(" WHERE id = :id AND state = :from");
        var statement = rows.jdbc.sql(sql.toString()).param("to", to.name()).param("id", r.id())
                .param("from", from.name());
        for (Map.Entry<String, Object> e : set.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        if (statement.update() == 1) {
            return null;
        }
        ReferralState now = rows.referralRow(r.id()).map(ReferralRows.ReferralRow::state).orElse(r.state());
        rows.refused(reader, REFERRAL, r.id(), step, "wrong-state");
        return new ReferralStep.Refused<>("wrong-state", "The referral is " + now + ". " + why);
    }

    // ---------------------------------------------------------------------------------------------- the platform

    private Optional<ReferralRows.ReferralRow> addressedRow(Reader reader, String referralId) {
        Optional<ReferralRows.ReferralRow> r = rows.referralRow(referralId);
        if (r.isEmpty()) {
            return r;
        }
        if (!rows.platformUser(reader, r.get().platform())) {
            rows.record(AuditRecord.of(AuditAction.ACCESS_DENIED, reader.userId(), reader.organisationId(), REFERRAL,
                    List.of(r.get().id())).withPurpose(reader.purpose()).withOutcome("HIDDEN")
                    .withDetails(Map.of("reason", "not addressed to the reader's platform")));
            return Optional.empty();
        }
        return r;
    }

    private Referral.Disclosed disclose(ReferralRows.ReferralRow r) {
        return ReferralRows.disclosed(r, rows.contentRow(r.contentId()).orElseThrow());
    }

    Page<Referral.Disclosed> addressed(Reader reader, ReferralState state, PageRequest page) {
        if (!rows.platformUser(reader, reader.organisationId())) {
            return Page.of(List.of(), page, 0);
        }
        String where = " FROM referrals_referral r WHERE r.platform_organisation_id = :org"
                + (state == null ? "" : " AND r.state = :state");
        Map<String, Object> params = new HashMap<>();
        params.put("org", reader.organisationId());
        if (state != null) {
            params.put("state", state.name());
        }
        long total = rows.jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
        List<Referral.Disclosed> items = rows.jdbc.sql("SELECT r.*" + where
                        + " ORDER BY r.referred_at DESC, r.id DESC LIMIT :limit OFFSET :offset").params(params)
                .param("limit", page.size()).param("offset", page.offset()).query(ReferralRows::referral).list()
                .stream().map(this::disclose).toList();
        rows.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), REFERRAL,
                items.stream().map(Referral.Disclosed::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "platform-list", "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    Optional<Referral.Disclosed> addressedOne(Reader reader, String referralId) {
        return addressedRow(reader, referralId).map(r -> {
            rows.audit(reader, AuditAction.CONSULTATION, REFERRAL, r.id(), "platform-open", Map.of());
            return disclose(r);
        });
    }

    ReferralStep<Referral.Disclosed> acknowledge(Reader reader, String referralId) {
        Optional<ReferralRows.ReferralRow> seen = addressedRow(reader, referralId);
        if (seen.isEmpty()) {
            return new ReferralStep.Unknown<>();
        }
        ReferralRows.ReferralRow r = seen.get();
        Instant now = rows.now();
        ReferralStep<Referral.Disclosed> wrong = move(reader, r, ReferralState.REFERRED, ReferralState.ACKNOWLEDGED,
                Map.of("acknowledged_at", Timestamp.from(now)), "acknowledge",
                "Only a referral just referred is acknowledged.");
        if (wrong != null) {
            return wrong;
        }
        return platformStep(reader, r.id(), "ACKNOWLEDGED", null, "acknowledge", now);
    }

    ReferralStep<Referral.Disclosed> reportOutcome(Reader reader, String referralId, Drafts.OutcomeDraft draft) {
        Optional<ReferralRows.ReferralRow> seen = addressedRow(reader, referralId);
        if (seen.isEmpty()) {
            return new ReferralStep.Unknown<>();
        }
        ReferralRows.ReferralRow r = seen.get();
        Outcome outcome = ReferralInput.choice("outcome", draft == null ? null : draft.outcome(), Outcome.class);
        String note = ReferralInput.text("note", draft.note(), ReferralInput.MAX_NOTE, false);
        Instant now = rows.now();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("outcome", outcome.name());
        set.put("outcome_note", note);
        set.put("outcome_at", Timestamp.from(now));
        ReferralStep<Referral.Disclosed> wrong = move(reader, r, ReferralState.ACKNOWLEDGED, ReferralState.ACTIONED,
                set, "outcome", "The outcome is reported after the referral is acknowledged, and once.");
        if (wrong != null) {
            return wrong;
        }
        ReferralStep<Referral.Disclosed> done = platformStep(reader, r.id(), "ACTIONED",
                outcome.name() + (note == null ? "" : ": " + note), "outcome", now);
        rows.tellCell(r, List.of(r.referredBy()), markingOf(r), "referral-outcome", "Referral outcome: "
                + outcome.name(), note == null ? "" : note);
        return done;
    }

    ReferralStep<Referral.Disclosed> appeal(Reader reader, String referralId, Drafts.AppealDraft draft) {
        Optional<ReferralRows.ReferralRow> seen = addressedRow(reader, referralId);
        if (seen.isEmpty()) {
            return new ReferralStep.Unknown<>();
        }
        ReferralRows.ReferralRow r = seen.get();
        Appellant appellant = ReferralInput.choice("appellant", draft == null ? null : draft.appellant(),
                Appellant.class);
        String reason = ReferralInput.text("reason", draft.reason(), ReferralInput.MAX_NOTE, true);
        if (r.state() == ReferralState.ACTIONED && r.outcome() != null && !r.outcome().measure()) {
            rows.refused(reader, REFERRAL, r.id(), "appeal", "not-a-measure");
            return new ReferralStep.Refused<>("not-a-measure",
                    "The platform found no violation: there is no measure to appeal.");
        }
        Instant now = rows.now();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("appellant", appellant.name());
        set.put("appeal_reason", reason);
        set.put("appealed_at", Timestamp.from(now));
        ReferralStep<Referral.Disclosed> wrong = move(reader, r, ReferralState.ACTIONED, ReferralState.APPEALED, set,
                "appeal", "An appeal is recorded against a removal or restriction, once.");
        if (wrong != null) {
            return wrong;
        }
        ReferralStep<Referral.Disclosed> done = platformStep(reader, r.id(), "APPEALED",
                appellant.name() + ": " + reason, "appeal", now);
        List<String> told = new java.util.ArrayList<>(rows.supervisors(r.owner()));
        told.add(r.referredBy());
        rows.tellCell(r, told, markingOf(r), "referral-appeal", "Appeal to review (" + appellant.name() + ")",
                reason);
        return done;
    }

    private String markingOf(ReferralRows.ReferralRow r) {
        return rows.contentRow(r.contentId()).orElseThrow().markingId();
    }

    private ReferralStep<Referral.Disclosed> platformStep(Reader reader, String id, String step, String detail,
                                                          String auditStep, Instant now) {
        rows.step(id, step, detail, reader.userId(), reader.organisationId(), now);
        rows.audit(reader, AuditAction.ALTERATION, REFERRAL, id, auditStep, Map.of());
        return new ReferralStep.Done<>(disclose(rows.referralRow(id).orElseThrow()));
    }

    int remind(Instant now) {
        return reminders.remind(now);
    }
}
