package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.Attachment;
import org.fusioncell.intake.Attachments;
import org.fusioncell.intake.Disclosure;
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.Revision;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.search.Search;
import org.fusioncell.search.SearchQuery;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasure of reports, entities and links (TAXII revocation, retention): everything that is only the erased
 * item's goes in one transaction, shared content stays, only the owner organisation may erase, every erasure
 * is audited with its reason.
 */
@FusionCellTest
@Tag("persistence")
class ErasureTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reports reports;
    @Autowired
    Attachments attachments;
    @Autowired
    Entities entities;
    @Autowired
    ReportEntities reportEntities;
    @Autowired
    Graph graph;
    @Autowired
    Resolution resolution;
    @Autowired
    Search search;
    @Autowired
    ClassificationScheme scheme;

    private Reader owner;
    private Reader stranger;

    @BeforeEach
    void world() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String a = fx.organisation("Agence A", OrganisationType.STATE_AGENCY, "MR");
        String b = fx.organisation("Agence B", OrganisationType.STATE_AGENCY, "MR");
        // B may see A's AMBER items (an agreement): a reader who sees an item still may not erase it
        fx.agreement(Set.of(a, b), "SECRET", Set.of("*"));
        int top = scheme.levels().size() - 1;
        owner = new Reader(fx.user(a, "SECRET", Set.of(Role.ANALYST), Set.of()), a, OrganisationType.STATE_AGENCY,
                top, Set.of(), List.of(), "erasure test");
        stranger = new Reader(fx.user(b, "SECRET", Set.of(Role.ANALYST), Set.of()), b, OrganisationType.STATE_AGENCY,
                top, Set.of(), List.of(), "erasure test");
    }

    @Test
    void aReportIsErasedWithEverythingOnlyItsAndSharedContentStays() throws Exception {
        String word = "zq" + Long.toString(System.nanoTime(), 36);
        Report report = reports.contribute(owner, draft("Convoi " + word, "Appel au +222 46 12 34 56 pour " + word));
        Report other = reports.contribute(owner, draft("Autre rapport", "Rien de particulier"));
        assertThat(reports.revise(owner, report.id(), 1, draft("Convoi " + word + " (revu)",
                "Appel au +222 46 12 34 56 pour " + word), "correction")).isInstanceOf(Revision.Revised.class);
        Attachment shared = attach(report.id(), "shared content " + word);
        attach(other.id(), "shared content " + word);
        Attachment own = attach(report.id(), "own content " + word);
        Path sharedFile = file(report.id(), shared);
        Path ownFile = file(report.id(), own);
        Entity person = person("Sidi Ould Erased");
        Entity associate = person("Mohamed Lemine Kept");
        assertThat(reportEntities.mention(owner, report.id(), person.id(), null)).isTrue();
        assertThat(reportEntities.mention(owner, other.id(), associate.id(), null)).isTrue();
        EntityLink link = reportEntities.link(owner, new ReportEntities.LinkDraft(person.id(), associate.id(),
                LinkType.ASSOCIATE_OF, report.id(), 0.7, null, null), null).orElseThrow();
        EntityLink kept = reportEntities.link(owner, new ReportEntities.LinkDraft(associate.id(), person.id(),
                LinkType.ASSOCIATE_OF, other.id(), 0.5, null, null), null).orElseThrow();
        eventually(() -> count("SELECT COUNT(*) FROM entity_extraction WHERE report_id = ?", report.id()) == 1);
        assertThat(count("SELECT COUNT(*) FROM entity_proposal WHERE report_id = ?", report.id())).isPositive();
        eventually(() -> found(word) == 1);
        long before = reports.count(owner, null);

        // another organisation that may read the report may not erase it: nothing changes, the attempt is audited
        assertThat(reports.erase(stranger, report.id(), "revoked")).isFalse();
        assertThat(reports.open(owner, report.id(), null)).isInstanceOf(ReportAccess.Opened.class);
        assertThat(audited("ACCESS_DENIED", "report", report.id())).isEqualTo(1);
        assertThatThrownBy(() -> reports.erase(owner, report.id(), "  "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));

        assertThat(reports.erase(owner, report.id(), "revoked by partner")).isTrue();

        assertThat(reports.open(owner, report.id(), null)).isInstanceOf(ReportAccess.Unknown.class);
        assertThat(reports.forProcessing(report.id())).isEmpty();
        assertThat(reports.count(owner, null)).isEqualTo(before - 1);
        assertThat(reports.list(owner, word, PageRequest.of(0, 50)).total()).isZero();
        for (String table : List.of("intake_report_version", "intake_report_tag", "intake_attachment", "entity_mention",
                "entity_link", "entity_proposal", "entity_extraction")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE report_id = ?", report.id())).as(table).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM intake_report WHERE id = ?", report.id())).isZero();
        // the shared content stays for the other report, the report's own content goes
        assertThat(Files.exists(sharedFile)).isTrue();
        assertThat(Files.exists(ownFile)).isFalse();
        assertThat(attachments.list(owner, other.id(), null)).isInstanceOfSatisfying(Disclosure.Granted.class,
                g -> assertThat((List<?>) g.value()).hasSize(1));
        // the entity graph: the report's link and mention are gone, the other report's stand
        assertThat(entities.links(owner, person)).extracting(EntityLink::id).containsExactly(kept.id());
        assertThat(entities.mentions(owner, person)).isEmpty();
        assertThat(graph.neighbourhood(owner, person, 1).edges()).extracting(EntityLink::id).containsExactly(kept.id());
        assertThat(link.id()).isNotEqualTo(kept.id());
        eventually(() -> found(word) == 0);

        assertThat(reports.erase(owner, report.id(), "revoked by partner")).isFalse();
        assertThat(audited("ERASURE", "report", report.id())).isEqualTo(1);
        assertThat(auditDetails("ERASURE", "report", report.id())).contains("revoked by partner");
        assertThat(audited("ERASURE", "entity-link", link.id())).isEqualTo(1);
    }

    @Test
    void aReportErasureThatFailsAtItsLastStepLeavesEverythingAsItWas() throws Exception {
        Report report = reports.contribute(owner, draft("Rapport épinglé", "Texte"));
        Attachment own = attach(report.id(), "pinned content " + System.nanoTime());
        Path ownFile = file(report.id(), own);
        Entity a = person("Brahim Ould Pinned");
        Entity b = person("Cheikh Pinned");
        assertThat(reportEntities.mention(owner, report.id(), a.id(), null)).isTrue();
        reportEntities.link(owner, new ReportEntities.LinkDraft(a.id(), b.id(), LinkType.ASSOCIATE_OF, report.id(), 0.6,
                null, null), null).orElseThrow();
        // a row outside intake's knowledge that still refers to the report: deleting the report itself fails
        jdbc.sql("CREATE TABLE erasure_test_pin (report_id VARCHAR(36) NOT NULL REFERENCES intake_report (id))").update();
        try {
            jdbc.sql("INSERT INTO erasure_test_pin (report_id) VALUES (?)").param(report.id()).update();
            assertThatThrownBy(() -> reports.erase(owner, report.id(), "revoked by partner"))
                    .isInstanceOf(org.springframework.dao.DataAccessException.class);
        } finally {
            jdbc.sql("DROP TABLE erasure_test_pin").update();
        }
        assertThat(reports.open(owner, report.id(), null)).isInstanceOf(ReportAccess.Opened.class);
        for (String table : List.of("intake_report_version", "intake_report_tag", "intake_attachment", "entity_mention",
                "entity_link")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE report_id = ?", report.id())).as(table).isOne();
        }
        assertThat(Files.exists(ownFile)).isTrue();
        assertThat(audited("ERASURE", "report", report.id())).isZero();
        assertThat(audited("ERASURE", "entity-mention", a.id())).isZero();

        assertThat(reports.erase(owner, report.id(), "revoked by partner")).isTrue();
        assertThat(count("SELECT COUNT(*) FROM entity_link WHERE report_id = ?", report.id())).isZero();
        assertThat(Files.exists(ownFile)).isFalse();
    }

    @Test
    void anEntityIsErasedWithItsIdentifiersMentionsAndLinks() throws Exception {
        Report report = reports.contribute(owner, draft("Rapport téléphone", "Texte"));
        Entity phone = entities.record(owner, new EntityDraft(EntityType.PHONE, "+222 46 99 88 77", "tel:+22246998877",
                Map.of("number", "+222 46 99 88 77"), amber())).entity();
        Entity twin = entities.record(stranger, new EntityDraft(EntityType.PHONE, "+222 46 99 88 77",
                "tel:+22246998877", Map.of("number", "+222 46 99 88 77"), amberOf(stranger))).entity();
        Entity person = person("Hamada Ould Khairou");
        assertThat(reportEntities.mention(owner, report.id(), phone.id(), null)).isTrue();
        EntityLink used = reportEntities.link(owner, new ReportEntities.LinkDraft(person.id(), phone.id(),
                LinkType.USED, report.id(), 0.9, null, null), null).orElseThrow();
        eventually(() -> found("Khairou") == 1);

        assertThat(entities.erase(stranger, phone.id(), "revoked")).isFalse();
        assertThat(entities.erase(owner, twin.id(), "revoked")).isFalse();
        assertThat(entities.open(owner, phone.id())).isInstanceOf(EntityAccess.Opened.class);

        assertThat(entities.erase(owner, phone.id(), "revoked by partner")).isTrue();

        assertThat(entities.open(owner, phone.id())).isInstanceOf(EntityAccess.Unknown.class);
        assertThat(entities.forProcessing(phone.id())).isEmpty();
        assertThat(entities.links(owner, person)).isEmpty();
        assertThat(reportEntities.mentions(owner, report.id(), null).orElseThrow()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM entity_correlation WHERE entity_id = ?", phone.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM entity_link WHERE id = ?", used.id())).isZero();
        // the other organisation's entity under the same key is untouched, and no longer correlates with anything
        assertThat(entities.correlations(stranger, twin).visible()).isEmpty();
        assertThat(entities.correlations(stranger, twin).notices()).isEmpty();
        assertThat(entities.erase(owner, phone.id(), "again")).isFalse();
        assertThat(audited("ERASURE", "entity", phone.id())).isEqualTo(1);

        // a person: name keys and search document go
        assertThat(entities.erase(owner, person.id(), "retention period over")).isTrue();
        assertThat(count("SELECT COUNT(*) FROM entity_name_key WHERE entity_id = ?", person.id())).isZero();
        eventually(() -> found("Khairou") == 0);
    }

    @Test
    void aLinkIsUnlinkedOnlyByTheAssertingOrganisation() {
        Report report = reports.contribute(owner, draft("Rapport lien", "Texte"));
        Entity a = person("Ahmed Ould Salem");
        Entity b = person("Sidi Ahmed Lemine");
        EntityLink link = reportEntities.link(owner, new ReportEntities.LinkDraft(a.id(), b.id(), LinkType.ASSOCIATE_OF,
                report.id(), 0.6, null, null), null).orElseThrow();

        assertThat(reportEntities.unlink(stranger, link.id(), "revoked")).isFalse();
        assertThat(entities.links(owner, a)).hasSize(1);
        assertThat(reportEntities.unlink(owner, link.id(), "revoked by partner")).isTrue();
        assertThat(entities.links(owner, a)).isEmpty();
        assertThat(entities.open(owner, b.id())).isInstanceOf(EntityAccess.Opened.class);
        assertThat(reportEntities.unlink(owner, link.id(), "revoked by partner")).isFalse();
        assertThat(audited("ERASURE", "entity-link", link.id())).isEqualTo(1);
        assertThat(audited("ACCESS_DENIED", "entity-link", link.id())).isEqualTo(1);
    }

    @Test
    void anEntityMergedAwayIsTakenOutOfItsSurvivorAndASurvivorGoesWithWhatWasMergedIntoIt() {
        Entity survivor = entities.record(owner, new EntityDraft(EntityType.PERSON, "Hamada Ould Khairou", null,
                names("Hamada Ould Khairou", "Latin"), amber())).entity();
        Entity absorbed = entities.record(owner, new EntityDraft(EntityType.PERSON, "حمادة ولد خيرو", null,
                Map.of("names", names("حمادة ولد خيرو", "Arabic").get("names"), "dateOfBirth", "1970"), amber())).entity();
        Entity other = entities.record(owner, new EntityDraft(EntityType.PERSON, "Hamada Khairou", null,
                names("Hamada Khairou", "Latin"), amber())).entity();
        assertThat(resolution.merge(owner, survivor.id(), List.of(absorbed.id(), other.id()), "same man"))
                .isInstanceOf(MergeOutcome.Merged.class);
        assertThat(opened(survivor).attributes()).containsKey("dateOfBirth");
        assertThat(opened(survivor).attributes().toString()).contains("حمادة", "Hamada Khairou");
        // recording and merging persons screens them in the background (screening rows for each); erasing while
        // that runs makes one of the two transactions H2's deadlock victim, which is not what this test is about
        awaitBackgroundScreening();

        assertThat(entities.erase(owner, absorbed.id(), "revoked by partner")).isTrue();
        Map<String, Object> left = opened(survivor).attributes();
        assertThat(left).doesNotContainKey("dateOfBirth");
        assertThat(left.toString()).doesNotContain("حمادة").contains("Hamada Khairou");
        assertThat(count("SELECT COUNT(*) FROM entity_merge_member WHERE entity_id = ?", absorbed.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM entity_merge_member WHERE entity_id = ?", other.id())).isEqualTo(1);

        assertThat(entities.erase(owner, survivor.id(), "retention period over")).isTrue();
        assertThat(entities.open(owner, other.id())).isInstanceOf(EntityAccess.Unknown.class);
        assertThat(count("SELECT COUNT(*) FROM entity_merge WHERE survivor_id = ?", survivor.id())).isZero();
    }

    private void awaitBackgroundScreening() {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until && jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
                + " AND listener_id LIKE '%PersonScreening%'").query(Long.class).single() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Entity opened(Entity e) {
        return ((EntityAccess.Opened) entities.open(owner, e.id())).entity();
    }

    private ReportDraft draft(String title, String body) {
        return new ReportDraft(title, body, null, null, new Grading(SourceReliability.B, 2), amber(), null,
                List.of("modus-operandi:ied"));
    }

    private Marking amber() {
        return amberOf(owner);
    }

    private Marking amberOf(Reader r) {
        return new Marking(1, Tlp.AMBER, Releasability.NONE, false, Set.of(), r.organisationId());
    }

    private Entity person(String name) {
        return entities.record(owner, new EntityDraft(EntityType.PERSON, name, null, names(name, "Latin"), amber()))
                .entity();
    }

    /** Names as the entity form stores them once normalised. */
    private static Map<String, Object> names(String name, String script) {
        return Map.of("names", List.of(Map.of("value", name, "script", script)));
    }

    private Attachment attach(String reportId, String content) {
        return attachments.attach(owner, reportId, "note.txt", "text/plain",
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))).orElseThrow();
    }

    private Path file(String reportId, Attachment a) {
        Disclosure<Attachments.Content> d = attachments.open(owner, reportId, a.id(), null);
        return ((Disclosure.Granted<Attachments.Content>) d).value().file();
    }

    private long found(String word) {
        return search.search(owner, SearchQuery.text(word), PageRequest.of(0, 10)).total();
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private long audited(String action, String type, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = ? AND object_type = ? AND object_ids LIKE ?")
                .param(action).param(type).param("%" + id + "%").query(Long.class).single();
    }

    private String auditDetails(String action, String type, String id) {
        return jdbc.sql("SELECT details FROM audit_record WHERE action = ? AND object_type = ? AND object_ids LIKE ?")
                .param(action).param(type).param("%" + id + "%").query(String.class).single();
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not reached in time").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
