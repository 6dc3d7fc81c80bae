package org.fusioncell.safeguards.redress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Hit;
import org.fusioncell.screening.HitState;
import org.fusioncell.screening.Hits;
import org.fusioncell.screening.ListImport;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.screening.ScreeningRun;
import org.fusioncell.screening.SubjectDocument;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistFormat;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole redress flow: a traveller found against two entries asks, through the data protection officer, in
 * Arabic; the officer links the hit about one entry, reviews and upholds; the letter comes out in Arabic; the
 * same traveller screened again — by the same agency and by another — raises no alert for that entry, and
 * still does for the other.
 */
@FusionCellTest
@Tag("persistence")
class RedressTest {

    static final String ARABIC_NAME = "يوسف حداد";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Watchlists watchlists;
    @Autowired
    Screening screening;
    @Autowired
    Hits hits;

    private static WatchlistEntry entry(String reference, String name, String birth, String reason) {
        return new WatchlistEntry(reference, Subject.Kind.PERSON, "NAT-" + reference,
                List.of(new WatchlistEntry.ListedName(name, WatchlistEntry.NameQuality.PRIMARY, false)),
                List.of(BirthDate.parse(birth)), List.of("jo"), Subject.Gender.MALE, List.of(), List.of("FICTIONAL"),
                LocalDate.of(2023, 2, 1), reason);
    }

    private static ScreeningQuery traveller() {
        return new ScreeningQuery(List.of("Youssef Haddad"), BirthDate.parse("1980-05-01"), Set.of("jo"),
                Subject.Gender.MALE, List.of(new SubjectDocument("P", "N0481516", "jo")));
    }

    private static void awaitIndexed(Screening screening, Reader reader, String listId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (screening.query(reader, ScreeningQuery.named("Warm Up"), null).lists().stream()
                .noneMatch(l -> l.id().equals(listId))) {
            assertThat(Instant.now()).as("list indexed").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private List<Hit> hitsOf(Reader reader, ScreeningRun run) {
        return hits.list(reader, null, run.id(), PageRequest.of(0, 100)).items();
    }

    @Test
    void anUpheldRequestStopsTheSameTravellerBeingFlaggedForThatEntryAndTheLetterIsInArabic() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String border = fx.organisation(OrganisationType.STATE_AGENCY);
        String otherAgency = fx.organisation(OrganisationType.STATE_AGENCY);
        String cell = fx.organisation(OrganisationType.STATE_AGENCY);
        String officerId = fx.user(border, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of());
        String otherOfficerId = fx.user(otherAgency, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of());
        String dpoId = fx.user(cell, "SECRET", Set.of(Role.DATA_PROTECTION_OFFICER), Set.of());
        String dpo = fx.token(dpoId, "read", "write");
        String analyst = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        Reader officer = readers.forUser(officerId, "border control");
        String listName = "redress-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "Financier of an armed group, seen in Zarqa 2019";
        Watchlist list = new Watchlist(listName, WatchlistFormat.NATIONAL_CSV, "v1", Instant.parse("2025-01-01T00:00:00Z"),
                List.of(entry("R-1", "Youssef Haddad", "1980-05-01", secret),
                        entry("R-2", "Yousef Hadad", "1980", "Courier for the same group")));
        String listId = ((ListImport.Imported) watchlists.importVersion(officer, listName, list, null)).version().listId();
        awaitIndexed(screening, officer, listId);

        ScreeningRun first = screening.screenBatch(officer, "arrivals.csv", List.of(1), List.of(traveller()), null, null);
        List<Hit> found = hitsOf(officer, first);
        String wrongHit = found.stream().filter(h -> h.facts().entryReference().equals("R-1")).findFirst()
                .orElseThrow().facts().id();
        assertThat(found).extracting(h -> h.facts().entryReference()).contains("R-1", "R-2");

        // an analyst is no redress officer
        assertThat(new BearerApi(port).fetch(analyst, "/api/v1/redress").statusCode()).isEqualTo(403);

        BearerApi api = new BearerApi(port);
        Map<String, Object> filing = Map.of("names", List.of(ARABIC_NAME, "Youssef Haddad"), "dateOfBirth", "1980-05-01",
                "nationality", "الأردن", "document", "N0481516", "language", "ar",
                "representative", "المحامية سلمى العلي", "contact", "صندوق بريد 1234، عمّان",
                "statement", "أُوقفت في المطار مرتين بسبب تشابه الأسماء");
        HttpResponse<String> bad = api.send(dpo, "/api/v1/redress", Map.of("names", List.of(ARABIC_NAME),
                "language", "de", "contact", "x"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(bad.body()).get("field").asString()).isEqualTo("language");
        String id = BearerApi.created(api.send(dpo, "/api/v1/redress", filing));
        String outsideDpo = fx.token(fx.user(otherAgency, "SECRET", Set.of(Role.DATA_PROTECTION_OFFICER), Set.of()),
                "read", "write");
        assertThat(api.status(outsideDpo, "/api/v1/redress/" + id)).as("another organisation's officer").isEqualTo(404);
        assertThat(api.get(outsideDpo, "/api/v1/redress", 200).toString()).doesNotContain(id);
        assertThat(api.status(outsideDpo, "/api/v1/redress/" + id + "/candidates")).isEqualTo(404);

        JsonNode candidates = api.get(dpo, "/api/v1/redress/" + id + "/candidates", 200);
        List<String> candidateIds = new ArrayList<>();
        candidates.forEach(c -> candidateIds.add(c.get("hitId").asString()));
        assertThat(candidateIds).as("the hit history gathered across runs").contains(wrongHit)
                .containsAll(found.stream().map(h -> h.facts().id()).toList());
        assertThat(api.send(dpo, "/api/v1/redress/" + id + "/decision",
                Map.of("outcome", "UPHELD", "reason", "too early")).statusCode()).as("nothing linked yet").isEqualTo(409);

        assertThat(api.send(dpo, "/api/v1/redress/" + id + "/hits", Map.of("hitIds", List.of(wrongHit))).statusCode())
                .isEqualTo(200);
        assertThat(api.send(dpo, "/api/v1/redress/" + id + "/assignment", Map.of("userId", dpoId)).statusCode())
                .isEqualTo(200);
        assertThat(api.send(dpo, "/api/v1/redress/" + id + "/notes",
                Map.of("text", "Passport N0481516 issued 2015; the listed person was in detention then.")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> decided = api.send(dpo, "/api/v1/redress/" + id + "/decision", Map.of("outcome", "UPHELD",
                "reason", "Different person: documents and travel history do not fit the listing"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        JsonNode request = BearerApi.JSON.readTree(decided.body());
        assertThat(request.get("state").asString()).isEqualTo("DECIDED");
        assertThat(request.get("outcome").asString()).isEqualTo("UPHELD");
        assertThat(request.get("assignedTo").asString()).isEqualTo(dpoId);
        assertThat(request.get("notes")).hasSize(1);
        assertThat(api.send(dpo, "/api/v1/redress/" + id + "/decision", Map.of("outcome", "NOT_UPHELD",
                "reason", "again")).statusCode()).isEqualTo(409);

        HttpResponse<String> html = api.fetch(dpo, "/api/v1/redress/" + id + "/letter");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("lang=\"ar\" dir=\"rtl\"", ARABIC_NAME, "المحامية سلمى العلي", "المرجع " + id,
                "تبيّن لنا أنكم اعتُبرتم خطأً شخصًا مدرجًا", "مسؤول حماية البيانات");
        assertThat(html.body()).as("nothing of the lists").doesNotContain(listName, "R-1", "NAT-R-1", secret,
                "Yousef Hadad", "Courier");

        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/redress/" + id + "/letter.pdf"))
                .header("Authorization", "Bearer " + dpo).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(document).replaceAll("\\s+", " "),
                    Normalizer.Form.NFC);
            assertThat(text).contains(ARABIC_NAME, "مسؤول حماية البيانات", "ردّ على طلب التظلّم")
                    .doesNotContain(listName, secret);
        }

        ScreeningRun again = screening.screenBatch(officer, "arrivals.csv", List.of(1), List.of(traveller()), null, null);
        List<Hit> second = hitsOf(officer, again);
        assertThat(second).filteredOn(h -> h.facts().entryReference().equals("R-1"))
                .as("no alert for the entry the person was cleared of").allSatisfy(h -> {
                    assertThat(h.state()).isEqualTo(HitState.DISMISSED);
                    assertThat(h).isInstanceOfSatisfying(Hit.DismissedMatch.class, d -> assertThat(d.remembered()).isTrue());
                });
        assertThat(second).filteredOn(h -> h.state() == HitState.PENDING).extracting(h -> h.facts().entryReference())
                .as("the other entry still raises a hit").containsExactly("R-2");
        assertThat(again.pendingHits()).isEqualTo(1);

        Reader other = readers.forUser(otherOfficerId, "border control");
        ScreeningRun elsewhere = screening.screenBatch(other, "arrivals.csv", List.of(1), List.of(traveller()), null, null);
        assertThat(hitsOf(other, elsewhere)).filteredOn(h -> h.state() == HitState.PENDING)
                .extracting(h -> h.facts().entryReference()).as("every organisation").containsExactly("R-2");

        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record r JOIN audit_record_object o ON o.seq = r.seq
                WHERE o.object_id = :id AND r.outcome IN ('FILED', 'HITS_LINKED', 'ASSIGNED', 'NOTE_WRITTEN', 'UPHELD')""")
                .param("id", id).query(Long.class).single()).as("every step audited").isEqualTo(5);
        assertThat(jdbc.sql("SELECT details FROM audit_record WHERE outcome = 'FILED' AND object_ids LIKE :id")
                .param("id", "%" + id + "%").query(String.class).single()).doesNotContain("حداد", "Haddad");
    }
}
