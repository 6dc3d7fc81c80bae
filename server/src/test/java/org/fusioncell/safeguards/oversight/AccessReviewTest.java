package org.fusioncell.safeguards.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditActor;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.CaseDraft;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.Cases;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityDraft;
import org.fusioncell.entities.EntityType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.WatchDraft;
import org.fusioncell.monitoring.Watches;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access-pattern review over a generated audit log, written through the real audit API at times the test
 * sets: an ordinary analyst's week raises nothing; each planted abuse is flagged by its rule, with the records it
 * counted as evidence, an explanation in three languages, and a notice in the auditor's inbox.
 */
@FusionCellTest
@Tag("persistence")
@AutoConfigureMockMvc
@Import(SettableClock.Config.class)
@TestPropertySource(properties = "fusioncell.safeguards.access-review.interval=PT1000H")
class AccessReviewTest {

    @Autowired
    AccessReview review;
    @Autowired
    Explanations explanations;
    @Autowired
    AuditLog audit;
    @Autowired
    SettableClock clock;
    @Autowired
    Readers readers;
    @Autowired
    Entities entities;
    @Autowired
    Cases cases;
    @Autowired
    Watches watches;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** Monday 2 March 2026; the review counts in UTC, working hours 07:00–20:00 Monday to Friday. */
    private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");

    private record World(String cell, Reader a, Reader b, Reader c, Reader d, Reader e, String auditor,
                         List<String> known, String foreign) {
    }

    private World world() {
        clock.set(MONDAY.plusSeconds(7 * 3600));
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule nationale", OrganisationType.STATE_AGENCY, "MR");
        String other = fx.organisation("Gendarmerie", OrganisationType.STATE_AGENCY, "MR");
        Reader a = analyst(fx, cell);
        Reader owner = analyst(fx, other);
        String auditor = fx.user(cell, "SECRET", Set.of(Role.AUDITOR), Set.of());
        Marking ours = new Marking(1, Tlp.AMBER, Releasability.NONE, false, Set.of(), cell);
        List<String> known = new ArrayList<>();
        for (String name : List.of("محمد ولد أحمد", "Sidi Mohamed Ould Brahim", "Fatimetou Mint Salem", "Ahmedou Ould Ely")) {
            known.add(person(a, name, ours));
        }
        CaseFile c = cases.open(a, new CaseDraft("Filière de Rosso", "Facilitation présumée.", "OPERATION", "fr",
                new MarkingForm("RESTRICTED", "AMBER", null, false, List.of())));
        for (String p : known.subList(0, 3)) {
            assertThat(cases.addItem(a, c.id(), "ENTITY", p, null)).isInstanceOf(CaseStep.Done.class);
        }
        watches.create(a, new WatchDraft("Ahmedou", Map.of("kind", "entity", "entityId", known.get(3)), "MEDIUM", true,
                List.of(), List.of(), null, true));
        String foreign = person(owner, "Personne protégée",
                new Marking(2, Tlp.RED, Releasability.NONE, false, Set.of(), other));
        return new World(cell, a, analyst(fx, cell), analyst(fx, cell), analyst(fx, cell), analyst(fx, cell), auditor,
                known, foreign);
    }

    private Reader analyst(IdentityFixtures fx, String org) {
        return readers.forUser(fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of()), "test");
    }

    private String person(Reader author, String label, Marking m) {
        return entities.record(author, new EntityDraft(EntityType.PERSON, label, null, Map.of(), m)).entity().id();
    }

    /** Records at the given time; the record's number in the chain, found by its actor and time. */
    private long at(Instant when, AuditRecord r) {
        clock.set(when);
        new TransactionTemplate(transactions).executeWithoutResult(s -> audit.record(r));
        return jdbc.sql("SELECT MAX(seq) FROM audit_record WHERE actor_user_id = :u AND occurred_at = :at")
                .param("u", r.actorUserId()).param("at", java.time.OffsetDateTime.ofInstant(when, java.time.ZoneOffset.UTC))
                .query(Long.class).single();
    }

    private static Instant day(int offset, int hour, int minute) {
        return MONDAY.plusSeconds(offset * 86400L + hour * 3600L + minute * 60L);
    }

    private static AuditRecord opened(Reader r, String entityId) {
        return AuditRecord.of(AuditAction.CONSULTATION, r.userId(), r.organisationId(), Entities.INFORMATION_TYPE,
                List.of(entityId));
    }

    /** Monday to Friday, nine to half past five, and one late Wednesday evening: what an analyst's week looks like. */
    private void ordinaryWeek(World w) {
        Reader a = w.a();
        for (int d = 0; d < 5; d++) {
            at(day(d, 8, 55), AuditRecord.of(AuditAction.LOGIN, a.userId(), a.organisationId(), "session", List.of()));
            int minute = 0;
            for (String p : w.known()) {
                at(day(d, 9, minute++), opened(a, p));
                at(day(d, 11, minute++), opened(a, p));
            }
            for (int s = 0; s < 3; s++) {
                at(day(d, 10, s), AuditRecord.of(AuditAction.SEARCH, a.userId(), a.organisationId(), "report", List.of()));
            }
            // a list page names many entities without anybody reading them
            at(day(d, 10, 30), opened(a, w.foreign()).withDetails(Map.of("view", "list")));
            at(day(d, 14, 0), AuditRecord.of(AuditAction.EXPORT, a.userId(), a.organisationId(), "incident",
                    List.of("i1", "i2", "i3", "i4", "i5")));
            at(day(d, 17, 30), AuditRecord.of(AuditAction.LOGOUT, a.userId(), a.organisationId(), "session", List.of()));
        }
        for (int m = 0; m < 8; m++) {
            at(day(2, 20, 30 + m * 5), opened(a, w.known().get(m % 4)));
        }
        // asked twice for a person another service holds under TLP:RED, and left it there
        at(day(1, 15, 0), opened(a, w.foreign()).withOutcome("EXISTENCE_ONLY"));
        at(day(1, 15, 2), opened(a, w.foreign()).withOutcome("EXISTENCE_ONLY"));
        at(day(3, 14, 30), AuditRecord.of(AuditAction.EXPORT, a.userId(), a.organisationId(), "bulletin", List.of("b1")));
    }

    private List<Finding> findingsOf(String userId) {
        AuditActor auditor = new Actor("auditor-in-test", "cell");
        return review.findings(auditor, null, new PageRequest(0, 500)).items().stream()
                .filter(f -> f.userId().equals(userId)).toList();
    }

    private record Actor(String userId, String organisationId) implements AuditActor {
    }

    @Test
    void anOrdinaryWeekRaisesNothingAndEachPlantedAbuseIsFlaggedByItsRule() {
        World w = world();
        ordinaryWeek(w);

        // B: thirty persons nobody in the cell works on, on a Tuesday morning, and one that is in the case
        Marking ours = new Marking(1, Tlp.GREEN, Releasability.NONE, false, Set.of(), w.cell());
        clock.set(day(1, 8, 0));
        List<String> strangers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            strangers.add(person(w.b(), "Personne " + i, ours));
        }
        String place = entities.record(w.b(), new EntityDraft(EntityType.LOCATION, "Rosso", null, Map.of(), ours))
                .entity().id();
        List<Long> bSeqs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bSeqs.add(at(day(1, 9, i), opened(w.b(), strangers.get(i))));
        }
        at(day(1, 10, 0), opened(w.b(), place));
        at(day(1, 10, 1), opened(w.b(), w.known().getFirst()));
        // C: twelve exports in one afternoon
        List<Long> cSeqs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cSeqs.add(at(day(2, 14, i), AuditRecord.of(AuditAction.EXPORT, w.c().userId(), w.c().organisationId(),
                    "incident", List.of("x" + i, "y" + i, "z" + i))));
        }
        // D: twenty-five records at two in the morning on a Saturday
        List<Long> dSeqs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            dSeqs.add(at(day(5, 2, i), opened(w.d(), w.known().get(i % 4))));
        }
        // E: six tries at the same protected person in one day
        List<Long> eSeqs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            eSeqs.add(at(day(3, 9, i * 7), opened(w.e(), w.foreign()).withOutcome("EXISTENCE_ONLY")));
        }
        for (int i = 0; i < 2; i++) {
            eSeqs.add(at(day(3, 16, i), AuditRecord.of(AuditAction.ACCESS_DENIED, w.e().userId(),
                    w.e().organisationId(), Entities.INFORMATION_TYPE, List.of(w.foreign())).withOutcome("REFUSED")));
        }

        clock.set(day(7, 8, 0));
        assertThat(review.review()).isGreaterThanOrEqualTo(4);

        assertThat(findingsOf(w.a().userId())).isEmpty();

        List<Finding> b = findingsOf(w.b().userId());
        assertThat(b).extracting(Finding::rule).containsExactly(FindingRule.UNRELATED_PERSONS);
        assertThat(b.getFirst().observed()).isEqualTo(30);
        assertThat(b.getFirst().threshold()).isEqualTo(25);
        assertThat(b.getFirst().evidence()).containsExactlyElementsOf(bSeqs);
        assertThat(b.getFirst().windowStart()).isEqualTo(day(1, 0, 0));
        assertThat(b.getFirst().windowEnd()).isEqualTo(day(2, 0, 0));

        List<Finding> c = findingsOf(w.c().userId());
        assertThat(c).extracting(Finding::rule).containsExactly(FindingRule.BULK_EXPORT);
        assertThat(c.getFirst().observed()).isEqualTo(12);
        assertThat(c.getFirst().objects()).isEqualTo(36);
        assertThat(c.getFirst().evidence()).containsExactlyElementsOf(cSeqs);

        List<Finding> d = findingsOf(w.d().userId());
        assertThat(d).extracting(Finding::rule).containsExactly(FindingRule.ODD_HOURS);
        assertThat(d.getFirst().observed()).isEqualTo(25);
        assertThat(d.getFirst().evidence()).containsExactlyElementsOf(dSeqs);

        List<Finding> e = findingsOf(w.e().userId());
        assertThat(e).extracting(Finding::rule).containsExactly(FindingRule.REPEATED_PROBING);
        assertThat(e.getFirst().observed()).isEqualTo(6);
        assertThat(e.getFirst().evidence()).containsExactlyElementsOf(eSeqs);
        assertThat(e.getFirst().detail()).isEqualTo("entity:" + w.foreign() + " ×6");

        for (Finding f : List.of(b.getFirst(), c.getFirst(), d.getFirst(), e.getFirst())) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE recipient_user_id = :u AND item_id = :f")
                    .param("u", w.auditor()).param("f", f.id()).query(Long.class).single()).as(f.rule().name())
                    .isEqualTo(1);
            for (String lang : List.of("en", "fr", "ar")) {
                String text = explanations.explain(f, Locale.forLanguageTag(lang), java.time.ZoneOffset.UTC);
                assertThat(text).as(f.rule() + " " + lang).contains(String.valueOf(f.observed()),
                        String.valueOf(f.threshold())).doesNotContain("Personne", "protégée", "{");
            }
        }
        assertThat(explanations.explain(b.getFirst(), Locale.forLanguageTag("ar"), java.time.ZoneOffset.UTC))
                .containsPattern("[\\p{IsArabic}]{3,}");

        // read once: a second pass finds nothing new, and the review's own reads are not reviewed
        assertThat(review.review()).isZero();
        assertThat(findingsOf(InvestigativeContextActor.NAME)).isEmpty();
    }

    /** The processing actor the review reads cases and watches as. */
    private static final class InvestigativeContextActor {
        static final String NAME = "processing:access-review";
    }

    @Test
    void theAuditorDecidesOnceAndADismissalNeedsAReason() {
        World w = world();
        for (int i = 0; i < 6; i++) {
            at(day(14, 11, i), opened(w.e(), w.foreign()).withOutcome("HIDDEN"));
        }
        clock.set(day(15, 8, 0));
        review.review();
        Finding f = findingsOf(w.e().userId()).getFirst();
        AuditActor auditor = new Actor(w.auditor(), w.cell());

        assertThatThrownBy(() -> review.decide(auditor, f.id(), FindingDecision.DISMISS, "  "))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.field()).isEqualTo("reason"));
        assertThat(review.finding(auditor, f.id()).orElseThrow().state()).isEqualTo(FindingState.OPEN);

        FindingStep done = review.decide(auditor, f.id(), FindingDecision.DISMISS,
                "Vérification autorisée par le chef de service, note 2026/114");
        assertThat(done).isInstanceOfSatisfying(FindingStep.Done.class, x -> {
            assertThat(x.finding().state()).isEqualTo(FindingState.DISMISSED);
            assertThat(x.finding().decidedBy()).isEqualTo(w.auditor());
        });
        assertThat(review.decide(auditor, f.id(), FindingDecision.ESCALATE, null))
                .isInstanceOf(FindingStep.AlreadyDecided.class);
        assertThat(review.decide(auditor, "no-such-finding", FindingDecision.ACKNOWLEDGE, null))
                .isInstanceOf(FindingStep.Unknown.class);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM audit_record WHERE action = 'ALTERATION' AND actor_user_id = :u
                        AND object_type = 'oversight-finding' AND object_ids = :f""")
                .param("u", w.auditor()).param("f", f.id()).query(Long.class).single()).isEqualTo(1);

        // more probes in the same window do not reopen what the auditor decided
        at(day(14, 15, 0), opened(w.e(), w.foreign()).withOutcome("HIDDEN"));
        clock.set(day(15, 9, 0));
        review.review();
        Finding again = review.finding(auditor, f.id()).orElseThrow();
        assertThat(again.state()).isEqualTo(FindingState.DISMISSED);
        assertThat(again.observed()).isEqualTo(6);
    }
}
