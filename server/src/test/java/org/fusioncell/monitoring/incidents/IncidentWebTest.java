package org.fusioncell.monitoring.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.Place;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API (problem details naming the field, import with a mapping) and the pages in Arabic and French:
 * list with filters, the form pre-filled from a report, one incident, the import page with its problems.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class IncidentWebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Reports reports;
    @Autowired
    Incidents incidents;

    private String agency;
    private String user;

    @BeforeEach
    void world() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        agency = fx.organisation(OrganisationType.STATE_AGENCY);
        user = fx.user(agency, "SECRET", Set.of(Role.ANALYST), Set.of());
    }

    private MvcResult as(AbstractMockHttpServletRequestBuilder<?> request, String... scopes) throws Exception {
        FusionCellPrincipal principal = new FusionCellPrincipal(user, user, "Test user", agency, Set.of(Role.ANALYST),
                Set.of(scopes));
        List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_ANALYST")));
        for (String s : scopes) {
            authorities.add(new SimpleGrantedAuthority("SCOPE_" + s));
        }
        return mvc.perform(request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                authorities)))).andReturn();
    }

    private String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> incident(Object fatalities, Object latitude, String country, String attackType) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("date", "2026-03-04");
        m.put("placeName", "Ménaka");
        m.put("country", country);
        m.put("latitude", latitude);
        m.put("longitude", 2.4);
        m.put("attackType", attackType);
        m.put("fatalities", fatalities);
        m.put("perpetratorGroup", "Groupe fictif");
        m.put("sources", List.of("presse locale"));
        m.put("marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER"));
        return m;
    }

    @Test
    void theApiRecordsAndNamesTheFieldOfBadInput() throws Exception {
        MvcResult created = as(post("/api/v1/incidents").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(incident(4, 15.9, "MLI", "armed-assault"))), "write");
        assertThat(created.getResponse().getStatus()).as(body(created)).isEqualTo(201);
        String id = JSON.readTree(body(created)).get("id").asString();
        MvcResult one = as(get("/api/v1/incidents/" + id), "read");
        assertThat(one.getResponse().getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(body(one)).get("marking").get("banner").asString()).isEqualTo("RESTRICTED // TLP:AMBER");
        MvcResult listed = as(get("/api/v1/incidents").param("country", "MLI").param("type", "armed-assault"), "read");
        assertThat(JSON.readTree(body(listed)).get("total").asLong()).isEqualTo(1);

        for (var bad : List.of(Map.entry(incident(-1, 15.9, "MLI", "armed-assault"), "fatalities"),
                Map.entry(incident(1, 95.0, "MLI", "armed-assault"), "latitude"),
                Map.entry(incident(1, 15.9, "XYZ", "armed-assault"), "country"),
                Map.entry(incident(1, 15.9, "MLI", "colour"), "attackType"))) {
            MvcResult r = as(post("/api/v1/incidents").contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(bad.getKey())), "write");
            assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(400);
            assertThat(JSON.readTree(body(r)).get("field").asString()).isEqualTo(bad.getValue());
        }
        MvcResult badFilter = as(get("/api/v1/incidents").param("type", "colour"), "read");
        assertThat(badFilter.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void theImportApiTakesAMappingAndRefusesAnUnknownFieldOrColumn() throws Exception {
        String csv = "event,day,land,killed,kind\nE-1,2026-02-01,Mali,3,1\nE-2,2026-02-03,Niger,0,3\n";
        String mapping = """
                {"source": "national-log", "columns": {"externalId": "event", "date": "day", "country": "land",
                 "fatalities": "killed", "attackType": "kind"},
                 "values": {"attackType": {"1": "state-based", "3": "one-sided"}}}""";
        MvcResult ok = as(multipart("/api/v1/incidents/import")
                .file(new MockMultipartFile("file", "log.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("mapping", mapping), "write");
        assertThat(ok.getResponse().getStatus()).as(body(ok)).isEqualTo(201);
        assertThat(JSON.readTree(body(ok)).get("imported").asInt()).isEqualTo(2);

        MvcResult colour = as(multipart("/api/v1/incidents/import")
                .file(new MockMultipartFile("file", "log.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("mapping", "{\"columns\": {\"date\": \"day\", \"colour\": \"kind\"}}"), "write");
        assertThat(colour.getResponse().getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(body(colour)).get("field").asString()).isEqualTo("mapping.columns.colour");

        MvcResult absent = as(multipart("/api/v1/incidents/import")
                .file(new MockMultipartFile("file", "log.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("preset", "ucdp-ged"), "write");
        assertThat(absent.getResponse().getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(body(absent)).get("detail").asString()).contains("is not in the file's header");

        String negative = "event,day,land,killed,kind\nE-9,2026-02-01,Mali,-3,1\n";
        MvcResult rows = as(multipart("/api/v1/incidents/import")
                .file(new MockMultipartFile("file", "log.csv", "text/csv", negative.getBytes(StandardCharsets.UTF_8)))
                .param("mapping", mapping), "write");
        assertThat(rows.getResponse().getStatus()).isEqualTo(400);
        JsonNode error = JSON.readTree(body(rows)).get("errors").get(0);
        assertThat(error.get("row").asLong()).isEqualTo(1);
        assertThat(error.get("column").asString()).isEqualTo("killed");
        assertThat(error.get("field").asString()).isEqualTo("fatalities");
    }

    @Test
    void pagesRenderInArabicAndFrenchAndTheFormIsPrefilledFromAReport() throws Exception {
        var author = readers.forUser(user, "test");
        Marking marking = new Marking(1, Tlp.AMBER, new Releasability(Set.of(), Set.of(), Set.of(), Set.of()), false,
                Set.of(), agency);
        var report = reports.contribute(author, new ReportDraft("Attaque à Ménaka", "Un marché visé.",
                Instant.parse("2026-03-04T09:30:00Z"), new Place("Ménaka", 15.92, 2.4),
                new Grading(SourceReliability.B, 2), marking, null));

        String form = body(as(get("/incidents/new").param("report", report.id()).param("lang", "ar")));
        assertThat(form).contains("dir=\"rtl\"").contains("تسجيل حادثة").contains("value=\"2026-03-04\"")
                .contains("value=\"15.92\"").contains("value=\"" + report.id() + "\"");
        assertThat(form).containsPattern("<option value=\"RESTRICTED\" selected");
        MvcResult saved = as(post("/incidents").with(csrf()).param("reportId", report.id()).param("date", "2026-03-04")
                .param("placeName", "Ménaka").param("country", "MLI").param("latitude", "15.92").param("longitude", "2.4")
                .param("attackType", "armed-assault").param("fatalities", "2").param("injuries", "0")
                .param("classification", "UNCLASSIFIED").param("tlp", "AMBER"));
        assertThat(saved.getResponse().getStatus()).as("below the report's level").isEqualTo(200);
        assertThat(body(saved)).contains("marking.classification");
        saved = as(post("/incidents").with(csrf()).param("reportId", report.id()).param("date", "2026-03-04")
                .param("placeName", "Ménaka").param("country", "MLI").param("latitude", "15.92").param("longitude", "2.4")
                .param("attackType", "armed-assault").param("fatalities", "2").param("injuries", "0")
                .param("sources", "presse\n" + report.id()).param("classification", "RESTRICTED").param("tlp", "AMBER"));
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        String page = saved.getResponse().getRedirectedUrl();

        String fr = body(as(get(page).param("lang", "fr")));
        assertThat(fr).contains("Attaque armée").contains("Ménaka").contains("RESTRICTED // TLP:AMBER")
                .contains("Ouvrir le rapport").contains("class=\"source-report\"").contains("presse");
        String list = body(as(get("/incidents").param("country", "MLI").param("lang", "ar")));
        assertThat(list).contains("dir=\"rtl\"").contains("هجوم مسلّح").contains("الحوادث");
        String listFr = body(as(get("/incidents").param("type", "armed-assault").param("lang", "fr")));
        assertThat(listFr).contains("Type d&#39;attaque").contains(page);
        // someone of another organisation may not draw an incident from the report: it is "not found" to them
        String otherAgency = new IdentityFixtures(jdbc).organisation(OrganisationType.STATE_AGENCY);
        var outsider = readers.forUser(new IdentityFixtures(jdbc).user(otherAgency, "SECRET", Set.of(Role.ANALYST),
                Set.of()), "test");
        var draft = new IncidentDraft(java.time.LocalDate.of(2026, 3, 4), null, null, null, "MLI", null, null, null, null,
                "armed-assault", null, null, null, null, 0, 0, List.of(), new Marking(2, Tlp.RED,
                new Releasability(Set.of(), Set.of(), Set.of(), Set.of(outsider.userId())), false, Set.of(), otherAgency),
                report.id(), null, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> incidents.record(outsider, draft))
                .isInstanceOf(org.fusioncell.shared.InvalidInputException.class).extracting("field").isEqualTo("reportId");
        String importAr = body(as(get("/incidents/import").param("lang", "ar")));
        assertThat(importAr).contains("استيراد الحوادث").contains("ucdp-ged");
        String reportPage = body(as(get("/reports/" + report.id()).param("lang", "fr")));
        assertThat(reportPage).contains("/incidents/new?report=" + report.id()).contains("Enregistrer un incident");
    }

    @Test
    void theImportPageTakesTheUcdpPresetAndSaysWhatWasSkippedInArabic() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA",
                "../../shared/data")).resolve("incidents-ucdp-ged-syria/ged_syria_2016-2019.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(file),
                "the UCDP GED Syria file is not at " + file + "; set FUSIONCELL_TEST_DATA");
        String head;
        try (var lines = java.nio.file.Files.lines(file)) {
            head = String.join("\n", lines.limit(31).toList()) + "\n"; // the header and 30 events (no multi-line cells there)
        }
        MockMultipartFile upload = new MockMultipartFile("file", "ged.csv", "text/csv", head.getBytes(StandardCharsets.UTF_8));
        MvcResult first = as(multipart("/incidents/import").file(upload).with(csrf()).param("preset", "ucdp-ged")
                .param("classification", "UNCLASSIFIED").param("tlp", "GREEN").param("lang", "ar"));
        assertThat(first.getResponse().getStatus()).as(body(first)).isEqualTo(200);
        assertThat(body(first)).contains("dir=\"rtl\"").contains("استُورد 30 من الحوادث");
        MvcResult again = as(multipart("/incidents/import").file(upload).with(csrf()).param("preset", "ucdp-ged")
                .param("lang", "ar"));
        assertThat(body(again)).contains("استُورد 0 من الحوادث").contains("وتُجووز 30");
        String list = body(as(get("/incidents").param("country", "SYR").param("type", "state-based").param("lang", "fr")));
        assertThat(list).contains("Conflit armé impliquant un État").contains("Government of Syria");
    }

    @Test
    void theImportPageListsProblemsInFrench() throws Exception {
        String csv = "id,date_start,country,type_of_violence,best\n1,2016-01-01,Syria,9,-1\n";
        MvcResult r = as(multipart("/incidents/import").with(csrf())
                .file(new MockMultipartFile("file", "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("mapping", "{\"columns\": {\"externalId\": \"id\", \"date\": \"date_start\", \"country\": \"country\","
                        + " \"attackType\": \"type_of_violence\", \"fatalities\": \"best\"}}")
                .param("lang", "fr"));
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r)).contains("rien n&#39;a été enregistré").contains("type_of_violence").contains("attackType");
    }
}
