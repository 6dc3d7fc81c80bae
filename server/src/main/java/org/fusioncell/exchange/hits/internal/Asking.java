package org.fusioncell.exchange.hits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.IdentifierKeys;
import org.fusioncell.exchange.hits.HitOutcome;
import org.fusioncell.exchange.hits.HitQueries;
import org.fusioncell.exchange.hits.HitQuery;
import org.fusioncell.exchange.hits.HitQueryDraft;
import org.fusioncell.exchange.hits.HitRule;
import org.fusioncell.exchange.hits.MinimisedQuery;
import org.fusioncell.exchange.hits.ReleaseState;
import org.fusioncell.exchange.partners.ExchangeLog;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.NameParser;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requesting side of hit/no-hit. A query is checked and minimised per partner (each agreement's rule and
 * key), recorded and audited in one transaction, sent to every partner at once without holding a transaction,
 * and the answers stored in a second one. Release decisions are fetched from the holder when the query is
 * opened.
 */
@Component
class Asking {

    static final String OBJECT = "hit-query";
    static final int MAX_PARTNERS = 20;
    static final Set<EntityType> IDENTIFIER_TYPES = Set.of(EntityType.PHONE, EntityType.EMAIL,
            EntityType.FINANCIAL_ACCOUNT, EntityType.IDENTITY_DOCUMENT, EntityType.ONLINE_ACCOUNT, EntityType.VEHICLE,
            EntityType.URL);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PartnerCells partners;
    private final JdbcHitRules rules;
    private final IdentifierKeys identifierKeys;
    private final PartnerCalls calls;
    private final ExchangeLog exchangeLog;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Asking(JdbcClient jdbc, JsonMapper json, PartnerCells partners, JdbcHitRules rules, IdentifierKeys identifierKeys,
           PartnerCalls calls, ExchangeLog exchangeLog, AuditLog audit, Clock clock,
           PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.partners = partners;
        this.rules = rules;
        this.identifierKeys = identifierKeys;
        this.calls = calls;
        this.exchangeLog = exchangeLog;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether an agreement between the reader's organisation and {@code otherParty} is in force today. */
    static boolean inForce(Reader reader, String agreementId, String otherParty) {
        return reader.agreements().stream().anyMatch(a -> a.agreementId().equals(agreementId)
                && a.parties().contains(reader.organisationId()) && a.parties().contains(otherParty));
    }

    private record Subject(String kind, String label, List<String> nameKeys, BirthDate birthDate,
                           String identifierKey) {
        boolean person() {
            return kind.equals("PERSON");
        }
    }

    private record Target(PartnerCell partner, PartnerCells.Connection connection, MinimisedQuery sent) {
    }

    HitQuery ask(Reader requester, HitQueryDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        Subject subject = subject(draft);
        List<Target> targets = targets(requester, draft.partners(), subject);
        String id = Ids.newId();
        Map<String, String> sent = new LinkedHashMap<>();
        targets.forEach(t -> sent.put("sent." + t.partner().id(), json.writeValueAsString(t.sent())));
        Map<String, String> details = new LinkedHashMap<>(sent);
        details.put("kind", subject.kind());
        details.put("partners", String.join(",", targets.stream().map(t -> t.partner().id()).toList()));
        transaction.executeWithoutResult(s -> {
            jdbc.sql("""
                    INSERT INTO exchange_hit_query (id, owner_organisation_id, requester_user_id, kind, subject, created_at)
                    VALUES (:id, :org, :user, :kind, :subject, :now)""")
                    .param("id", id).param("org", requester.organisationId()).param("user", requester.userId())
                    .param("kind", subject.kind()).param("subject", subject.label())
                    .param("now", Timestamp.from(clock.instant())).update();
            audit.record(AuditRecord.of(AuditAction.DISCLOSURE, requester.userId(), requester.organisationId(), OBJECT,
                    List.of(id)).withPurpose(requester.purpose()).withDetails(details));
        });
        List<CompletableFuture<PartnerCalls.Result>> pending = targets.stream().map(t -> calls.post(t.connection(),
                PartnerCalls.INCOMING, Map.of("queryId", id, "query", t.sent()))).toList();
        transaction.executeWithoutResult(s -> {
            for (int i = 0; i < targets.size(); i++) {
                store(requester, id, i, targets.get(i), pending.get(i).join());
            }
        });
        return find(requester, id, false).orElseThrow();
    }

    private Subject subject(HitQueryDraft d) {
        String kind = d.kind() == null ? "" : d.kind().strip().toUpperCase(Locale.ROOT);
        switch (kind) {
            case "PERSON" -> {
                String name = d.name() == null ? "" : d.name().strip();
                if (name.isEmpty() || name.length() > 300) {
                    throw new InvalidInputException("name", "required, at most 300 characters");
                }
                NameParser.refusal(name).ifPresent(r -> {
                    throw new InvalidInputException("name", r);
                });
                List<String> keys = Minimising.nameKeys(name);
                if (keys.size() < 2) {
                    throw new InvalidInputException("name", "at least two name parts (a given name and a family"
                            + " or father's name): one part alone tells no one apart");
                }
                String dob = d.birthDate() == null ? "" : d.birthDate().strip();
                if (!dob.matches("\\d{4}(-\\d{2}-\\d{2})?")) {
                    throw new InvalidInputException("birthDate", "required: YYYY or YYYY-MM-DD");
                }
                BirthDate birth;
                try {
                    birth = BirthDate.parse(dob);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("birthDate", "not a date: YYYY or YYYY-MM-DD");
                }
                return new Subject(kind, name + " (" + dob + ")", keys, birth, null);
            }
            case "IDENTIFIER" -> {
                EntityType type = EntityType.parse(d.identifierType()).filter(IDENTIFIER_TYPES::contains)
                        .orElseThrow(() -> new InvalidInputException("identifierType", "one of "
                                + IDENTIFIER_TYPES.stream().map(Enum::name).sorted().toList()));
                if (d.identifier() == null || d.identifier().isEmpty()) {
                    throw new InvalidInputException("identifier", "required: the identifier's attributes");
                }
                String key = identifierKeys.keyOf(type, d.identifier(), "identifier");
                return new Subject(kind, cut(key, 500), List.of(), null, key);
            }
            default -> throw new InvalidInputException("kind", "one of PERSON, IDENTIFIER");
        }
    }

    private List<Target> targets(Reader requester, List<String> ids, Subject subject) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("partners", "choose at least one partner cell");
        }
        if (ids.size() > MAX_PARTNERS) {
            throw new InvalidInputException("partners", "at most " + MAX_PARTNERS);
        }
        List<Target> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "partners[" + i + "]";
            String id = ids.get(i);
            PartnerCell p = id == null ? null : partners.find(requester, id).orElse(null);
            if (p == null) {
                throw new InvalidInputException(field, "not a partner cell of your organisation");
            }
            if (!seen.add(p.id())) {
                throw new InvalidInputException(field, "named twice");
            }
            if (!inForce(requester, p.agreementId(), p.organisationId())) {
                throw new InvalidInputException(field, "its agreement with your organisation is not in force");
            }
            HitRule rule = rules.find(p.agreementId()).orElseThrow(() -> new InvalidInputException(field,
                    "its agreement has no hit/no-hit minimisation rule: an administrator sets one"));
            PartnerCells.Connection c = partners.connection(p.id()).orElseThrow(() -> new InvalidInputException(field,
                    "no address or token to call this partner: an administrator completes it"));
            MinimisedQuery sent;
            if (subject.person()) {
                if (!rule.nameKeyAndBirthDate()) {
                    throw new InvalidInputException(field, "its agreement's rule does not allow person queries");
                }
                sent = new MinimisedQuery(MinimisedQuery.NAME_KEY_DOB, subject.nameKeys(),
                        Minimising.birthDate(subject.birthDate(), rule.birthPrecision()), null);
            } else {
                byte[] key = rules.key(p.agreementId()).orElseThrow(() -> new InvalidInputException(field,
                        "its agreement's rule does not allow identifier queries"));
                sent = new MinimisedQuery(MinimisedQuery.KEYED_HASH, List.of(), null,
                        Minimising.hash(Minimising.mac(key), subject.identifierKey()));
            }
            out.add(new Target(p, c, sent));
        }
        return out;
    }

    private void store(Reader requester, String queryId, int position, Target t, PartnerCalls.Result r) {
        HitOutcome outcome = r.ok() ? HitOutcome.UNREACHABLE : r.failure();
        String reference = null;
        String contact = null;
        String detail = r.detail();
        if (r.ok()) {
            JsonNode b = r.body();
            String said = b.path("outcome").asString("");
            reference = b.path("reference").asString("");
            if ((said.equals("HIT") || said.equals("NO_HIT")) && Ids.isWellFormed(reference)) {
                outcome = HitOutcome.valueOf(said);
                contact = cut(b.path("contact").asString(""), 500);
            } else {
                reference = null;
                detail = "unreadable answer";
            }
        }
        jdbc.sql("""
                INSERT INTO exchange_hit_answer (id, query_id, position, partner_id, partner_name, sent, outcome,
                    reference, contact, detail, answered_at, release_state)
                VALUES (:id, :query, :pos, :partner, :name, :sent, :outcome, :ref, :contact, :detail, :now, 'NONE')""")
                .param("id", Ids.newId()).param("query", queryId).param("pos", position)
                .param("partner", t.partner().id()).param("name", t.partner().name())
                .param("sent", json.writeValueAsString(t.sent())).param("outcome", outcome.name())
                .param("ref", reference).param("contact", contact).param("detail", detail)
                .param("now", Timestamp.from(clock.instant())).update();
        exchangeLog.recordAlongside(requester.organisationId(), t.partner().id(), ExchangeLog.Kind.HIT_QUERY, 1,
                r.ok() && reference != null ? "OK" : outcome == HitOutcome.REFUSED ? "REFUSED" : "FAILED",
                outcome.name());
    }

    // ------------------------------------------------------------------------------------------ reading

    Page<HitQuery> list(Reader reader, PageRequest page) {
        return transaction.execute(s -> {
            long total = jdbc.sql("SELECT COUNT(*) FROM exchange_hit_query WHERE owner_organisation_id = :org")
                    .param("org", reader.organisationId()).query(Long.class).single();
            List<String> ids = jdbc.sql("""
                    SELECT id FROM exchange_hit_query WHERE owner_organisation_id = :org
                    ORDER BY created_at DESC, id DESC LIMIT :n OFFSET :o""").param("org", reader.organisationId())
                    .param("n", page.size()).param("o", page.offset()).query(String.class).list();
            audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                    ids).withPurpose(reader.purpose()));
            return Page.of(ids.stream().map(id -> load(reader, id).orElseThrow()).toList(), page, total);
        });
    }

    /** The query if it is the reader's organisation's; with {@code refresh}, fetches pending release decisions. */
    Optional<HitQuery> find(Reader reader, String id, boolean refresh) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        Optional<HitQuery> q = transaction.execute(s -> load(reader, id));
        if (q.isEmpty()) {
            return q;
        }
        if (refresh) {
            for (HitQuery.Answer a : q.get().answers()) {
                if (a.release() == ReleaseState.REQUESTED) {
                    learnDecision(reader, a);
                }
            }
        }
        return transaction.execute(s -> {
            audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                    List.of(id)).withPurpose(reader.purpose()));
            return load(reader, id);
        });
    }

    private void learnDecision(Reader reader, HitQuery.Answer a) {
        Optional<PartnerCells.Connection> c = partners.connection(a.partnerId());
        if (c.isEmpty()) {
            return;
        }
        PartnerCalls.Result r = calls.get(c.get(), PartnerCalls.INCOMING + "/" + a.reference()).join();
        if (!r.ok()) {
            return;
        }
        String state = r.body().path("release").asString("");
        if (!state.equals("RELEASED") && !state.equals("DECLINED")) {
            return;
        }
        String message = cut(r.body().path("message").asString(""), 2000);
        transaction.executeWithoutResult(s -> {
            int moved = jdbc.sql("""
                    UPDATE exchange_hit_answer SET release_state = :state, release_message = :message, decided_at = :now
                    WHERE id = :id AND release_state = 'REQUESTED'""").param("state", state).param("message", message)
                    .param("now", Timestamp.from(clock.instant())).param("id", a.id()).update();
            if (moved == 1) {
                audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(), reader.organisationId(), OBJECT,
                        List.of(a.id())).withPurpose(reader.purpose()).withOutcome(state)
                        .withDetails(Map.of("partner", a.partnerId(), "reference", a.reference())));
                exchangeLog.recordAlongside(reader.organisationId(), a.partnerId(), ExchangeLog.Kind.HIT_RELEASE, 0, "OK",
                        "decision received: " + state);
            }
        });
    }

    Optional<HitQuery> requestRelease(Reader requester, String queryId, String answerId, String justification) {
        Optional<HitQuery> q = Ids.isWellFormed(queryId) ? transaction.execute(s -> load(requester, queryId))
                : Optional.empty();
        Optional<HitQuery.Answer> answer = q.flatMap(x -> x.answers().stream()
                .filter(a -> a.id().equals(answerId)).findFirst());
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        HitQuery.Answer a = answer.get();
        if (a.outcome() != HitOutcome.HIT || a.release() != ReleaseState.NONE) {
            throw new InvalidInputException("answerId", "only a hit not yet asked for release");
        }
        String why = Holding.text("justification", justification);
        PartnerCells.Connection c = partners.connection(a.partnerId())
                .orElseThrow(() -> new HitQueries.PartnerUnavailableException("no address or token for the partner"));
        PartnerCalls.Result r = calls.post(c, PartnerCalls.INCOMING + "/" + a.reference() + "/release",
                Map.of("justification", why)).join();
        if (!r.ok()) {
            throw new HitQueries.PartnerUnavailableException(r.detail());
        }
        transaction.executeWithoutResult(s -> {
            int moved = jdbc.sql("""
                    UPDATE exchange_hit_answer SET release_state = 'REQUESTED', justification = :why
                    WHERE id = :id AND release_state = 'NONE'""").param("why", why).param("id", a.id()).update();
            if (moved == 1) {
                audit.record(AuditRecord.of(AuditAction.DISCLOSURE, requester.userId(), requester.organisationId(),
                        OBJECT, List.of(queryId)).withPurpose(requester.purpose())
                        .withDetails(Map.of("release", "REQUESTED", "partner", a.partnerId(), "reference",
                                a.reference())));
                exchangeLog.recordAlongside(requester.organisationId(), a.partnerId(), ExchangeLog.Kind.HIT_RELEASE, 0, "OK",
                        "release requested");
            }
        });
        return find(requester, queryId, false);
    }

    private Optional<HitQuery> load(Reader reader, String id) {
        record Head(String id, String user, String kind, String subject, java.time.Instant at) {
        }
        return jdbc.sql("""
                        SELECT id, requester_user_id, kind, subject, created_at FROM exchange_hit_query
                        WHERE id = :id AND owner_organisation_id = :org""")
                .param("id", id).param("org", reader.organisationId())
                .query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).optional()
                .map(h -> new HitQuery(h.id(), h.user(), h.kind(), h.subject(), h.at(), jdbc.sql(
                                "SELECT * FROM exchange_hit_answer WHERE query_id = :id ORDER BY position")
                        .param("id", h.id()).query(this::answer).list()));
    }

    private HitQuery.Answer answer(ResultSet rs, int n) throws SQLException {
        String sent = rs.getString("sent");
        return new HitQuery.Answer(rs.getString("id"), rs.getString("partner_id"), rs.getString("partner_name"),
                sent == null ? null : json.readValue(sent, MinimisedQuery.class), HitOutcome.valueOf(rs.getString("outcome")),
                rs.getString("reference"), rs.getString("contact"), rs.getString("detail"),
                Holding.instant(rs, "answered_at"), ReleaseState.valueOf(rs.getString("release_state")),
                rs.getString("justification"), rs.getString("release_message"), Holding.instant(rs, "decided_at"));
    }

    private static String cut(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
    }
}
