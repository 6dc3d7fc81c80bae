package org.fusioncell.safeguards.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.cases.CaseDraft;
import org.fusioncell.cases.CaseErasure;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.Cases;
import org.fusioncell.exchange.RfiErasure;
import org.fusioncell.exchange.rfi.RequestsForInformation;
import org.fusioncell.exchange.rfi.RfiDraft;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.AlertErasure;
import org.fusioncell.monitoring.incidents.IncidentDraft;
import org.fusioncell.monitoring.incidents.IncidentErasure;
import org.fusioncell.monitoring.incidents.Incidents;
import org.fusioncell.submissions.SubmissionErasure;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The purge reaches incidents, alerts, cases and requests for information: for each, an item past the register's
 * period is erased (every row the owning module held for it, queried directly), a fresh one and one under a legal
 * hold survive, and the run counts them; a closed case holding evidence is kept for the officer's decision. Each
 * module's erasure refuses a reader of another organisation. A database of its own, so that the counts are exact.
 */
@FusionCellTest
@Tag("persistence")
@TestPropertySource(properties = "fusioncell.test.context=RetentionPurgeTypesTest")
class RetentionPurgeTypesTest {

    private static final Instant ELEVEN_YEARS_AGO = Instant.now().minus(11 * 366, ChronoUnit.DAYS);
    private static final Instant THREE_YEARS_AGO = Instant.now().minus(3 * 366, ChronoUnit.DAYS);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    RetentionPurge purge;
    @Autowired
    LegalHolds holds;
    @Autowired
    Incidents incidents;
    @Autowired
    Cases cases;
    @Autowired
    RequestsForInformation rfis;
    @Autowired
    IncidentErasure incidentErasure;
    @Autowired
    AlertErasure alertErasure;
    @Autowired
    CaseErasure caseErasure;
    @Autowired
    RfiErasure rfiErasure;
    @Autowired
    SubmissionErasure submissionErasure;

    String cell;
    String police;
    Reader analyst;
    Reader supervisor;
    Reader officer;
    Reader stranger;

    @BeforeEach
    void world() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        cell = fx.organisation("الخلية الوطنية للدمج", OrganisationType.STATE_AGENCY, "MR");
        police = fx.organisation("Police nationale", OrganisationType.STATE_AGENCY, "MR");
        analyst = readers.forUser(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "test");
        supervisor = readers.forUser(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "test");
        officer = readers.forUser(fx.user(cell, "SECRET", Set.of(Role.DATA_PROTECTION_OFFICER), Set.of()), "retention");
        fx.user(police, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of());
        stranger = readers.forOrganisation(police, "processing:test", "retention");
    }

    @Test
    void itemsPastTheirPeriodAreErasedWhileFreshAndHeldOnesSurviveAndTheRunCountsThem() {
        String oldIncident = incident(ELEVEN_YEARS_AGO);
        String heldIncident = incident(ELEVEN_YEARS_AGO);
        String freshIncident = incident(Instant.now());
        String watch = watch();
        String oldAlert = alert(watch, "CLOSED", THREE_YEARS_AGO, UUID.randomUUID().toString());
        String heldAlert = alert(watch, "ACTIONED", THREE_YEARS_AGO, UUID.randomUUID().toString());
        String newAlert = alert(watch, "NEW", THREE_YEARS_AGO, UUID.randomUUID().toString());
        String onOldIncident = alert(watch, "NEW", Instant.now(), oldIncident);
        jdbc.sql("""
                INSERT INTO monitoring_delivery (id, alert_id, recipient_user_id, channel, target, payload, state,
                    attempts, next_attempt_at, created_at)
                VALUES (:id, :alert, :user, 'EMAIL', :user, '{}', 'DELIVERED', 1, :at, :at)""")
                .param("id", UUID.randomUUID().toString()).param("alert", oldAlert).param("user", analyst.userId())
                .param("at", Timestamp.from(THREE_YEARS_AGO)).update();
        String oldCase = closedCase(ELEVEN_YEARS_AGO);
        String heldCase = closedCase(ELEVEN_YEARS_AGO);
        String freshCase = closedCase(Instant.now());
        String evidenceCase = closedCase(ELEVEN_YEARS_AGO);
        String openCase = openCase().id();
        backdateCase(openCase, ELEVEN_YEARS_AGO);
        jdbc.sql("""
                INSERT INTO cases_evidence_item (id, case_id, kind, title, sha256, custodian_user_id, disposed, head_seq,
                    head_hash, created_by, created_at) VALUES (:id, :case, 'PHYSICAL', 'Téléphone saisi', :hash, :user,
                    FALSE, 1, :hash, :user, :at)""").param("id", UUID.randomUUID().toString()).param("case", evidenceCase)
                .param("hash", "a".repeat(64)).param("user", analyst.userId()).param("at", Timestamp.from(ELEVEN_YEARS_AGO))
                .update();
        String oldRfi = cancelledRfi(ELEVEN_YEARS_AGO);
        String heldRfi = cancelledRfi(ELEVEN_YEARS_AGO);
        String freshRfi = cancelledRfi(Instant.now());
        String awaitedRfi = rfi();
        backdateRfi(awaitedRfi, ELEVEN_YEARS_AGO);
        String oldSubmission = submission("NO_ACTION", THREE_YEARS_AGO);
        String reportedSubmission = submission("TURNED_INTO_REPORT", THREE_YEARS_AGO);
        String heldSubmission = submission("NO_ACTION", THREE_YEARS_AGO);
        String freshSubmission = submission("NO_ACTION", Instant.now());
        String untriagedSubmission = submission("NEW", THREE_YEARS_AGO);

        assertThat(holds.place(officer, new LegalHolds.HoldDraft("case", oldIncident, "Procédure", "Parquet", null,
                null))).as("an incident's id names no case").isInstanceOf(LegalHolds.Placement.UnknownItem.class);
        String incidentHold = hold("incident", heldIncident);
        String alertHold = hold("alert", heldAlert);
        String caseHold = hold("case", heldCase);
        String rfiHold = hold("request-for-information", heldRfi);
        String submissionHold = hold("civil-society-submission", heldSubmission);

        PurgeRun run = purge.run(Instant.now(), "test:" + UUID.randomUUID(), officer.userId(), cell).orElseThrow();

        assertThat(run.failures()).isZero();
        assertThat(run.count("incident")).isEqualTo(new PurgeRun.Count("incident", 1, 1, 0));
        assertThat(run.count("alert")).as("the closed alert; the one on the erased incident goes with it")
                .isEqualTo(new PurgeRun.Count("alert", 1, 1, 0));
        assertThat(run.count("case")).as("the case holding evidence awaits the officer")
                .isEqualTo(new PurgeRun.Count("case", 1, 1, 1));
        assertThat(run.count("request-for-information"))
                .isEqualTo(new PurgeRun.Count("request-for-information", 1, 1, 0));
        assertThat(run.count("civil-society-submission")).as("both triaged to an end; not the new one")
                .isEqualTo(new PurgeRun.Count("civil-society-submission", 2, 1, 0));
        assertThat(run.skipped()).containsExactlyInAnyOrder(
                new PurgeRun.Skipped("incident", heldIncident, incidentHold),
                new PurgeRun.Skipped("alert", heldAlert, alertHold), new PurgeRun.Skipped("case", heldCase, caseHold),
                new PurgeRun.Skipped("request-for-information", heldRfi, rfiHold),
                new PurgeRun.Skipped("civil-society-submission", heldSubmission, submissionHold));
        for (String gone : List.of(oldSubmission, reportedSubmission)) {
            assertThat(rows("submissions_submission", "id", gone)).as("erased with its sealed identity").isZero();
        }
        for (String kept : List.of(heldSubmission, freshSubmission, untriagedSubmission)) {
            assertThat(rows("submissions_submission", "id", kept)).isOne();
        }

        assertThat(rows("monitoring_incident", "id", oldIncident)).isZero();
        assertThat(rows("monitoring_incident", "id", heldIncident)).isOne();
        assertThat(rows("monitoring_incident", "id", freshIncident)).isOne();
        assertThat(rows("monitoring_alert", "id", onOldIncident)).as("alerted on the erased incident").isZero();
        assertThat(rows("monitoring_alert", "id", oldAlert)).isZero();
        assertThat(rows("monitoring_delivery", "alert_id", oldAlert)).isZero();
        assertThat(rows("monitoring_alert", "id", heldAlert)).isOne();
        assertThat(rows("monitoring_alert", "id", newAlert)).as("a new alert is work outstanding").isOne();
        for (String table : List.of("cases_timeline", "cases_participant", "cases_item", "cases_task")) {
            assertThat(rows(table, "case_id", oldCase)).as(table).isZero();
        }
        assertThat(rows("cases_case", "id", oldCase)).isZero();
        for (String kept : List.of(heldCase, freshCase, evidenceCase, openCase)) {
            assertThat(rows("cases_case", "id", kept)).isOne();
        }
        assertThat(rows("cases_timeline", "case_id", heldCase)).isPositive();
        for (String table : List.of("exchange_rfi_addressee", "exchange_rfi_message", "exchange_rfi_response",
                "exchange_rfi_entity")) {
            assertThat(rows(table, "rfi_id", oldRfi)).as(table).isZero();
        }
        assertThat(rows("exchange_rfi", "id", oldRfi)).isZero();
        for (String kept : List.of(heldRfi, freshRfi, awaitedRfi)) {
            assertThat(rows("exchange_rfi", "id", kept)).isOne();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'ERASURE' AND object_type = :t"
                        + " AND actor_user_id = 'processing:retention-purge'").param("t", Cases.INFORMATION_TYPE)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM retention_erasure WHERE cause = 'EXPIRY' AND item_id IN (:ids)")
                .param("ids", List.of(oldIncident, oldAlert, oldCase, oldRfi)).query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void eachModuleRefusesToEraseForAReaderOfAnotherOrganisation() {
        String incident = incident(ELEVEN_YEARS_AGO);
        String alert = alert(watch(), "CLOSED", THREE_YEARS_AGO, UUID.randomUUID().toString());
        String closed = closedCase(ELEVEN_YEARS_AGO);
        String request = cancelledRfi(ELEVEN_YEARS_AGO);
        String sent = submission("NO_ACTION", THREE_YEARS_AGO);
        String why = "Demande d'effacement";

        assertThat(incidentErasure.erase(stranger, incident, why)).isFalse();
        assertThat(alertErasure.erase(stranger, alert, why)).isFalse();
        assertThat(caseErasure.erase(stranger, closed, why)).isEqualTo(CaseErasure.Outcome.UNKNOWN);
        assertThat(rfiErasure.erase(stranger, request, why)).isFalse();
        assertThat(submissionErasure.erase(stranger, sent, why)).isFalse();
        assertThat(rows("submissions_submission", "id", sent)).isOne();
        assertThat(rows("monitoring_incident", "id", incident)).isOne();
        assertThat(rows("monitoring_alert", "id", alert)).isOne();
        assertThat(rows("cases_case", "id", closed)).isOne();
        assertThat(rows("exchange_rfi", "id", request)).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'ACCESS_DENIED' AND actor_organisation_id = :o")
                .param("o", police).query(Long.class).single()).isEqualTo(5);

        Reader holder = readers.forOrganisation(cell, "processing:test", "retention");
        assertThat(caseErasure.erase(holder, openCase().id(), why)).as("never an open case")
                .isEqualTo(CaseErasure.Outcome.NOT_CLOSED);
        assertThat(incidentErasure.erase(holder, incident, why)).isTrue();
        assertThat(incidentErasure.erase(holder, incident, why)).as("nothing held any more").isFalse();
        assertThat(rfiErasure.erase(holder, request, why)).isTrue();
        assertThat(caseErasure.erase(holder, closed, why)).isEqualTo(CaseErasure.Outcome.ERASED);
    }

    private long rows(String table, String column, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :id").param("id", id)
                .query(Long.class).single();
    }

    private String hold(String type, String id) {
        LegalHolds.Placement placed = holds.place(officer, new LegalHolds.HoldDraft(type, id,
                "Procédure judiciaire en cours", "Parquet de Nouakchott", "RP 2026/211", null));
        assertThat(placed).isInstanceOf(LegalHolds.Placement.Placed.class);
        return ((LegalHolds.Placement.Placed) placed).hold().id();
    }

    private String incident(Instant when) {
        Marking marking = new Marking(0, Tlp.AMBER, new Releasability(Set.of(), Set.of(), Set.of(), Set.of()), false,
                Set.of(), cell);
        String id = incidents.record(analyst, new IncidentDraft(LocalDate.of(2026, 3, 4), null, null, "Néma", "MRT",
                null, null, null, null, "bombing", "civilians", "explosives", "Groupe armé", null, 1, 2,
                List.of("presse locale"), marking, null, "Attaque contre un marché.", null, null)).id();
        jdbc.sql("UPDATE monitoring_incident SET incident_date = :day, recorded_at = :at WHERE id = :id")
                .param("day", java.sql.Date.valueOf(LocalDate.ofInstant(when, java.time.ZoneOffset.UTC)))
                .param("at", Timestamp.from(when)).param("id", id).update();
        return id;
    }

    private String watch() {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO monitoring_watch (id, name, kind, criterion, severity, owner_user_id, owner_organisation_id,
                    shared, recipient_users, recipient_organisations, active, version, created_at, updated_at)
                VALUES (:id, 'Attentats au Hodh', 'INCIDENT', '{}', 'HIGH', :user, :org, FALSE, '[]', '[]', FALSE, 1,
                    :at, :at)""").param("id", id).param("user", analyst.userId()).param("org", cell)
                .param("at", Timestamp.from(THREE_YEARS_AGO)).update();
        return id;
    }

    private String alert(String watch, String state, Instant raised, String incidentId) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO monitoring_alert (id, watch_id, watch_name, recipient_user_id, item_type, item_id,
                    item_organisation_id, disclosure, headline, severity, state, raised_at, occurrences, last_matched_at)
                VALUES (:id, :watch, 'Attentats au Hodh', :user, 'incident', :item, :org, 'FULL', 'Attaque à Néma',
                    'HIGH', :state, :at, 1, :at)""").param("id", id).param("watch", watch)
                .param("user", analyst.userId()).param("item", incidentId).param("org", cell).param("state", state)
                .param("at", Timestamp.from(raised)).update();
        return id;
    }

    private CaseFile openCase() {
        return cases.open(analyst, new CaseDraft("Réseau de Kiffa", "Facilitation présumée.", "OPERATION", "fr",
                new MarkingForm("RESTRICTED", "AMBER", null, false, List.of())));
    }

    private String closedCase(Instant closedAt) {
        CaseFile c = openCase();
        CaseStep<CaseFile> closed = cases.changeStatus(supervisor, c.id(), c.version(), "CLOSED",
                "Classement sans suite");
        assertThat(closed).isInstanceOf(CaseStep.Done.class);
        backdateCase(c.id(), closedAt);
        return c.id();
    }

    private void backdateCase(String id, Instant at) {
        jdbc.sql("UPDATE cases_timeline SET at = :at WHERE case_id = :id").param("at", Timestamp.from(at))
                .param("id", id).update();
        jdbc.sql("UPDATE cases_case SET created_at = :at, updated_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    private String rfi() {
        return rfis.file(analyst, new RfiDraft("Véhicule suspect à Kiffa", "Le propriétaire du véhicule est-il connu ?",
                "ROUTINE", LocalDate.now().plusDays(10).toString(), List.of(police), List.of(),
                new MarkingForm("RESTRICTED", "AMBER", new MarkingForm.ReleasabilityForm(List.of(police), List.of(),
                        List.of(), List.of()), false, List.of()))).id();
    }

    /** A submission sent to the cell with a sealed sender, last changed at {@code at}. */
    private String submission(String status, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO submissions_submission (id, cell_organisation_id, kind, language, text, observed_on,
                    anonymous, identity_sealed, identity_key_id, status, created_at, updated_at)
                VALUES (:id, :cell, 'RECRUITMENT_ATTEMPT', 'ar', 'محاولة تجنيد شباب الحي عبر تطبيق مراسلة', :day,
                    FALSE, 'c2VhbGVk', 'k1', :status, :at, :at)""")
                .param("id", id).param("cell", cell).param("day", java.sql.Date.valueOf(
                        java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC)))
                .param("status", status).param("at", Timestamp.from(at)).update();
        return id;
    }

    private String cancelledRfi(Instant at) {
        String id = rfi();
        assertThat(rfis.cancel(supervisor, id, "Véhicule retrouvé.")).isNotNull();
        backdateRfi(id, at);
        return id;
    }

    private void backdateRfi(String id, Instant at) {
        jdbc.sql("UPDATE exchange_rfi SET created_at = :at, updated_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
        jdbc.sql("UPDATE exchange_rfi_addressee SET updated_at = :at WHERE rfi_id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }
}
