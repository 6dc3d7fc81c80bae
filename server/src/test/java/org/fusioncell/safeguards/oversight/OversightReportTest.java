package org.fusioncell.safeguards.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditActor;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.names.Subject;
import org.fusioncell.safeguards.OversightCell;
import org.fusioncell.safeguards.OversightTable;
import org.fusioncell.screening.Hit;
import org.fusioncell.screening.Hits;
import org.fusioncell.screening.ListImport;
import org.fusioncell.screening.Review;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.screening.ScreeningRun;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistFormat;
import org.fusioncell.screening.Watchlists;
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
 * The oversight report's figures equal what the test wrote and decided, counted by the test itself: audit
 * records per category and organisation, screening hits per list and nationality with their false-positive
 * rates; the CSV and the PDF carry the same figures; each run is logged with the document's hash.
 */
@FusionCellTest
@Tag("persistence")
@AutoConfigureMockMvc
@Import(SettableClock.Config.class)
@TestPropertySource(properties = "fusioncell.safeguards.access-review.interval=PT1000H")
class OversightReportTest {

    @Autowired
    OversightReports reports;
    @Autowired
    AuditLog audit;
    @Autowired
    SettableClock clock;
    @Autowired
    Readers readers;
    @Autowired
    Watchlists watchlists;
    @Autowired
    Screening screening;
    @Autowired
    Hits hits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private record Actor(String userId, String organisationId) implements AuditActor {
    }

    /** Tokens expire by the application's clock, which this test moves to 2031. */
    private static final Instant LATER = Instant.parse("2040-01-01T00:00:00Z");

    private static List<List<OversightCell>> rows(OversightReports.Rendered r, String table) {
        return r.report().sections().stream().flatMap(s -> s.tables().stream()).filter(t -> t.id().equals(table))
                .findFirst().map(OversightTable::rows).orElseThrow();
    }

    private static long count(List<OversightCell> row, int column) {
        return ((OversightCell.Count) row.get(column)).value();
    }

    @Test
    void auditFiguresEqualTheRecordsTheTestWrote() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule " + UUID.randomUUID(), OrganisationType.STATE_AGENCY, "MR");
        String police = fx.organisation("Police " + UUID.randomUUID(), OrganisationType.STATE_AGENCY, "MR");
        String analyst = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String officer = fx.user(police, "SECRET", Set.of(Role.ANALYST), Set.of());
        String auditor = fx.user(cell, "SECRET", Set.of(Role.AUDITOR), Set.of());
        // a month nobody else writes in: 2031-05
        Instant from = Instant.parse("2031-05-01T00:00:00Z");
        Map<String, Map<AuditAction, Long>> wrote = new TreeMap<>();
        AuditAction[] plan = {AuditAction.CONSULTATION, AuditAction.SEARCH, AuditAction.EXPORT, AuditAction.COLLECTION,
                AuditAction.ACCESS_DENIED, AuditAction.ERASURE, AuditAction.DISCLOSURE};
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < 47; i++) {
            AuditAction action = plan[(i * i + 3) % plan.length];
            boolean ours = i % 3 != 0;
            String user = ours ? analyst : officer;
            String org = ours ? cell : police;
            clock.set(from.plusSeconds(3600L * 13 * i));
            tx.executeWithoutResult(s -> audit.record(AuditRecord.of(action, user, org, "report", List.of("r"))));
            wrote.computeIfAbsent(org, k -> new TreeMap<>()).merge(action, 1L, Long::sum);
        }
        Instant to = Instant.parse("2031-06-01T00:00:00Z");
        clock.set(Instant.parse("2031-06-02T10:00:00Z"));

        OversightReports.Rendered r = reports.run(new Actor(auditor, cell), from, to, Locale.FRENCH,
                ReportFormat.CSV);

        // per organisation: exactly what the test wrote for its two organisations
        Map<String, String> names = Map.of(cell, name(cell), police, name(police));
        Map<String, Map<String, Long>> shown = new TreeMap<>();
        for (List<OversightCell> row : rows(r, "audit-organisations")) {
            if (row.get(0) instanceof OversightCell.Text t && names.containsValue(t.value())) {
                String key = ((OversightCell.Term) row.get(1)).messageKey().substring("audit.action.".length());
                shown.computeIfAbsent(t.value(), k -> new TreeMap<>()).put(key, count(row, 2));
            }
        }
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        wrote.forEach((org, m) -> m.forEach((a, n) -> expected.computeIfAbsent(names.get(org), k -> new TreeMap<>())
                .put(a.name(), n)));
        assertThat(shown).isEqualTo(expected);
        // per category: every category listed, and each equal to a count made directly in the database
        List<List<OversightCell>> actions = rows(r, "audit-actions");
        assertThat(actions).hasSize(AuditAction.values().length + 1);
        for (int i = 0; i < AuditAction.values().length; i++) {
            AuditAction a = AuditAction.values()[i];
            assertThat(((OversightCell.Term) actions.get(i).get(0)).messageKey()).isEqualTo("audit.action." + a.name());
            long direct = jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = :a AND occurred_at >= :f"
                            + " AND occurred_at < :t").param("a", a.name())
                    .param("f", java.sql.Timestamp.from(from)).param("t", java.sql.Timestamp.from(to))
                    .query(Long.class).single();
            assertThat(count(actions.get(i), 1)).as(a.name()).isEqualTo(direct);
        }
        assertThat(count(actions.getLast(), 1)).isGreaterThanOrEqualTo(47);

        // the CSV: BOM, one line per cell, the same figures; and the run is logged with the CSV's hash
        assertThat(r.document()).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(r.document(), StandardCharsets.UTF_8);
        Map<String, Map<String, String>> cells = csvCells(csv, "audit-organisations");
        for (String org : List.of(cell, police)) {
            long inCsv = cells.values().stream().filter(row -> names.get(org).equals(row.get("organisation")))
                    .mapToLong(row -> Long.parseLong(row.get("records"))).sum();
            assertThat(inCsv).isEqualTo(wrote.get(org).values().stream().mapToLong(Long::longValue).sum());
        }
        Map<String, Map<String, String>> totals = csvCells(csv, "audit-actions");
        assertThat(totals.get(String.valueOf(AuditAction.values().length + 1)))
                .containsEntry("action", "Total").containsEntry("records", String.valueOf(count(actions.getLast(), 1)));
        assertThat(r.sha256()).isEqualTo(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(r.document())));
        assertThat(jdbc.sql("SELECT details FROM audit_record WHERE action = 'CONSULTATION' AND actor_user_id = :u"
                        + " AND object_type = 'oversight-report'").param("u", auditor).query(String.class).single())
                .contains(r.sha256(), "\"format\":\"CSV\"", "\"language\":\"fr\"");
    }

    private String name(String orgId) {
        return jdbc.sql("SELECT name FROM identity_organisation WHERE id = :id").param("id", orgId).query(String.class).single();
    }

    @Test
    void screeningFiguresEqualTheHitsAndDecisionsOfTheTest() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule " + UUID.randomUUID(), OrganisationType.STATE_AGENCY, "MR");
        Reader officer = readers.forUser(fx.user(cell, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of()), "test");
        Reader second = readers.forUser(fx.user(cell, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of()), "test");
        String auditor = fx.user(cell, "SECRET", Set.of(Role.AUDITOR), Set.of());
        clock.set(Instant.parse("2031-04-01T08:00:00Z"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String national = "national-" + suffix;
        String regional = "regional-" + suffix;
        String nationalId = list(officer, national, List.of(entry("n1", "Abdelkader Ould Belmokhtar", "mr"),
                entry("n2", "Hamadou Ould Kheirou", "ml")));
        String regionalId = list(officer, regional, List.of(entry("r1", "Iyad Ag Ghaly", "ml"),
                entry("r2", "Amadou Koufa", "ml")));
        waitForIndex(officer, Set.of(nationalId, regionalId));

        clock.set(Instant.parse("2031-04-10T09:00:00Z"));
        Map<String, Set<String>> nationalityOf = new HashMap<>();
        List<ScreeningQuery> travellers = List.of(
                traveller("Abdelkader Belmokhtar", Set.of("mr"), nationalityOf),
                traveller("Abdelkader Ould Belmokhtar", Set.of("dz"), nationalityOf),
                traveller("Hamadou Kheirou", Set.of("ml"), nationalityOf),
                traveller("Iyad Ag Ghaly", Set.of("ml"), nationalityOf),
                traveller("Amadou Koufa", Set.of("ml", "sn"), nationalityOf),
                traveller("Amadou Kufa", Set.of(), nationalityOf));
        ScreeningRun run = screening.screenBatch(officer, "oversight-test", List.of(1, 2, 3, 4, 5, 6), travellers,
                null, null);
        List<Hit> found = hits.list(officer, null, run.id(), new PageRequest(0, 500)).items();
        assertThat(found).hasSizeGreaterThanOrEqualTo(5);

        // decide: confirmed (two reviewers), dismissed, escalated, and some left pending
        clock.set(Instant.parse("2031-04-11T09:00:00Z"));
        for (int i = 0; i < found.size(); i++) {
            String id = found.get(i).facts().id();
            switch (i % 4) {
                case 0 -> {
                    hits.review(officer, id, Review.CONFIRM, "Même date de naissance et même document");
                    hits.review(second, id, Review.CONFIRM, "Confirmé après vérification du passeport");
                }
                case 1 -> hits.review(officer, id, Review.DISMISS, "Homonyme : date de naissance différente");
                case 2 -> hits.review(officer, id, Review.ESCALATE, "À voir par le chef de service");
                default -> { }
            }
        }
        // counted by the test: each hit's state now, by list and by the nationalities it screened
        Map<String, long[]> byList = new TreeMap<>();
        Map<String, long[]> byNationality = new TreeMap<>();
        for (Hit h : hits.list(officer, null, run.id(), new PageRequest(0, 500)).items()) {
            int slot = switch (h.state()) {
                case CONFIRMED -> 0;
                case DISMISSED -> 1;
                case ESCALATED -> 2;
                default -> 3;
            };
            byList.computeIfAbsent(h.facts().listName(), k -> new long[4])[slot]++;
            Set<String> codes = nationalityOf.get(h.facts().queryName());
            for (String code : codes.isEmpty() ? Set.of("") : codes) {
                byNationality.computeIfAbsent(code, k -> new long[4])[slot]++;
            }
        }
        assertThat(byList.keySet()).containsExactly(national, regional);
        assertThat(byList.values().stream().mapToLong(c -> c[1]).sum()).isPositive();

        clock.set(Instant.parse("2031-05-02T10:00:00Z"));
        Instant from = Instant.parse("2031-04-01T00:00:00Z");
        Instant to = Instant.parse("2031-05-01T00:00:00Z");
        OversightReports.Rendered r = reports.run(new Actor(auditor, cell), from, to, Locale.ENGLISH,
                ReportFormat.CSV);
        assertThat(figures(rows(r, "screening-lists"))).isEqualTo(asLists(byList));
        assertThat(figures(rows(r, "screening-nationalities"))).isEqualTo(asLists(byNationality));
        for (List<OversightCell> row : rows(r, "screening-lists")) {
            long[] c = byList.get(((OversightCell.Text) row.get(0)).value());
            Double rate = ((OversightCell.Rate) row.get(6)).value();
            if (c[0] + c[1] == 0) {
                assertThat(rate).isNull();
            } else {
                assertThat(rate).isEqualTo((double) c[1] / (c[0] + c[1]));
            }
        }

        // the PDF, in Arabic, says the same (pdftotext reads it)
        OversightReports.Rendered pdf = reports.run(new Actor(auditor, cell), from, to, Locale.forLanguageTag("ar"),
                ReportFormat.PDF);
        // kept for a look at the layout: target/oversight-report.ar.pdf
        Files.write(Path.of("target", "oversight-report.ar.pdf"), pdf.document());
        String text = pdfText(pdf.document());
        assertThat(text).contains(national, regional);
        assertThat(text).as("dates read left to right inside the Arabic").contains("2031-04-01", "2031-04-30");
        assertThat(text).contains("تقرير الرقابة", "معدل الإيجابيات الكاذبة");
        long[] nat = byList.get(national);
        assertThat(text).contains(String.valueOf(nat[0] + nat[1] + nat[2] + nat[3]));
        // the CSV rows of the lists carry the same figures
        String csv = new String(r.document(), StandardCharsets.UTF_8);
        for (Map.Entry<String, long[]> e : byList.entrySet()) {
            assertThat(csv).contains("\"screening\",\"screening-lists\"");
            assertThat(csv).contains("\"list\",\"List\",\"" + e.getKey() + "\"");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE actor_user_id = :u AND object_type ="
                + " 'oversight-report'").param("u", auditor).query(Long.class).single()).isEqualTo(2);
    }


    private static Map<String, List<Long>> asLists(Map<String, long[]> counts) {
        Map<String, List<Long>> out = new TreeMap<>();
        counts.forEach((k, c) -> out.put(k, List.of(c[0], c[1], c[2], c[3])));
        return out;
    }

    private static Map<String, List<Long>> figures(List<List<OversightCell>> rows) {
        Map<String, List<Long>> out = new TreeMap<>();
        for (List<OversightCell> row : rows) {
            String key = row.get(0) instanceof OversightCell.Text t ? t.value() : "";
            out.put(key, List.of(count(row, 2), count(row, 3), count(row, 4), count(row, 5)));
            assertThat(count(row, 1)).isEqualTo(count(row, 2) + count(row, 3) + count(row, 4) + count(row, 5));
        }
        return out;
    }

    @Test
    void badPeriodsAndLanguagesAreRefusedByName() {
        AuditActor a = new Actor("auditor", "cell");
        Instant t = Instant.parse("2031-01-01T00:00:00Z");
        assertThatThrownBy(() -> reports.run(a, t, t, Locale.ENGLISH, ReportFormat.CSV))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> reports.run(a, null, t, Locale.ENGLISH, ReportFormat.CSV))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> reports.run(a, t, t.plusSeconds(60), Locale.GERMAN, ReportFormat.CSV))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("language"));
    }

    private String list(Reader importer, String name, List<WatchlistEntry> entries) {
        return ((ListImport.Imported) watchlists.importVersion(importer, name, new Watchlist(name,
                WatchlistFormat.NATIONAL_CSV, "v-1", Instant.parse("2031-03-01T00:00:00Z"), entries), null))
                .version().listId();
    }

    private static WatchlistEntry entry(String reference, String name, String nationality) {
        return new WatchlistEntry(reference, Subject.Kind.PERSON, "FCi." + reference,
                List.of(new WatchlistEntry.ListedName(name, WatchlistEntry.NameQuality.PRIMARY, false)), List.of(),
                List.of(nationality), Subject.Gender.MALE, List.of(), List.of("FICTIONAL"),
                LocalDate.of(2020, 1, 15), "Fictional entry for tests.");
    }

    private static ScreeningQuery traveller(String name, Set<String> nationalities, Map<String, Set<String>> record) {
        record.put(name, nationalities);
        return new ScreeningQuery(List.of(name), null, nationalities, Subject.Gender.MALE, List.of());
    }

    /** A list's index is rebuilt after its import commits. */
    private void waitForIndex(Reader reader, Set<String> listIds) throws InterruptedException {
        for (int i = 0; i < 200 && !screening.query(reader, ScreeningQuery.named("Warm Up"), null).lists().stream()
                .map(l -> l.id()).toList().containsAll(listIds); i++) {
            Thread.sleep(50);
        }
    }

    /** The CSV's cells of one table: row number, then column id to value. Every field is quoted, none spans lines. */
    private static Map<String, Map<String, String>> csvCells(String csv, String table) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (String line : csv.lines().toList()) {
            String[] f = line.substring(line.indexOf('"') + 1, line.length() - 1).split("\",\"", -1);
            if (f.length == 6 && f[1].equals(table)) {
                rows.computeIfAbsent(f[2], k -> new TreeMap<>()).put(f[3], f[5].replace("\"\"", "\""));
            }
        }
        return rows;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("oversight", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").start();
            try (InputStream in = p.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).isZero();
                // Arabic comes back as presentation forms, wrapped in direction marks: compare the letters
                return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                        .replaceAll("[\\u200e\\u200f\\u202a-\\u202e]", "");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
