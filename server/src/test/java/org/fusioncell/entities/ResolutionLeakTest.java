package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.leak.LeakHarness;
import org.fusioncell.testing.leak.LeakWorld;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merge suggestions and merge history under the leak harness. People in four groups of names (each
 * written in Arabic and Latin spellings) and phones under random markings, linked by reports under random
 * markings; a few pairs merged, one split again. For every reader and visible entity the suggestions must
 * be exactly the visible entities of the same type with a name of the same group or an identifier shared
 * through visible links and phones — and the history exactly the merges touching it.
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=resolution-leak")
@DirtiesContext
@Tag("persistence")
class ResolutionLeakTest {

    private static final String[][] GROUPS = {
            {"Mokhtar Belmokhtar", "مختار بلمختار", "Mukhtar Belmukhtar"},
            {"Abdelmalek Droukdel", "عبد المالك دروكدال", "Abdelmalek Droukdal"},
            {"Amadou Koufa", "أمادو كوفا", "Amadou Kouffa"},
            {"Djamel Okacha", "جمال عكاشة", "Jamel Okasha"},
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    ClassificationScheme scheme;
    @Autowired
    MarkingVocabulary vocabulary;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Marking> markings = new HashMap<>();
    private final Map<String, Integer> groupOf = new HashMap<>();
    private final Map<String, String> keyOf = new HashMap<>();
    private final Map<String, Marking> linkMarkings = new HashMap<>();
    private final Map<String, String> mergedAway = new HashMap<>();
    private final List<List<String>> merges = new ArrayList<>();
    /** How often each kind of suggestion was expected: the world must exercise both, or the check proves little. */
    private int byName;
    private int byPhoneOnly;
    private int byNumber;

    @Test
    void everyReaderIsSuggestedExactlyTheDuplicatesThePolicyLetsThemSeeAndOnlyTheirMerges() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Entities.INFORMATION_TYPE);
        String base = "http://localhost:" + port;
        LeakHarness harness = new LeakHarness(base, Entities.INFORMATION_TYPE, world)
                .related("/api/v1/entities/{id}/merge-suggestions", ResolutionLeakTest::suggested,
                        (m, id) -> expectedSuggestions(m.reader(), id))
                .related("/api/v1/entities/{id}/merges", ResolutionLeakTest::merged, (m, id) -> expectedMerges(id));
        Random rnd = new Random(20261125L);
        for (int i = 0; i < 32; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            person(base, author, world.randomMarking(rnd, author), rnd.nextInt(GROUPS.length), rnd, harness);
        }
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm form = world.randomMarking(rnd, author);
            String number = "+222 4" + (6100000 + rnd.nextInt(3));
            HttpResponse<String> r = post(base + "/api/v1/entities", author, Map.of("type", "PHONE",
                    "label", "هاتف " + i + " " + LeakWorld.CONTENT_MARKER, "attributes", Map.of("number", number),
                    "marking", form));
            assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
            if (r.statusCode() == 201) {
                JsonNode e = JSON.readTree(r.body());
                String id = e.get("id").asString();
                markings.put(id, marking(form, author));
                keyOf.put(id, e.get("identifierKey").asString());
                phones.add(id);
                harness.add(new LeakHarness.Item(id, markings.get(id)));
            }
        }
        Map<String, Marking> reports = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm form = world.randomMarking(rnd, author);
            HttpResponse<String> r = post(base + "/api/v1/reports", author, Map.of("title", "تقرير " + i,
                    "body", "Rapport " + i, "grading", Map.of("sourceReliability", "C", "informationCredibility", 3),
                    "marking", form));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            reports.put(JSON.readTree(r.body()).get("id").asString(), marking(form, author));
        }
        // pairs under one marking, merged by their author; the first merge is split again
        for (int pair = 0; pair < 4; pair++) {
            LeakWorld.Member author;
            MarkingForm form;
            do {
                author = world.members().get(rnd.nextInt(world.members().size()));
                form = world.randomMarking(rnd, author);
            } while (!sees(author.reader(), marking(form, author)));
            int group = rnd.nextInt(GROUPS.length);
            String survivor = person(base, author, form, group, rnd, harness);
            String member = person(base, author, form, group, rnd, harness);
            HttpResponse<String> r = post(base + "/api/v1/entities/" + survivor + "/merges", author,
                    Map.of("otherIds", List.of(member), "reason", "same person"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            merges.add(List.of(survivor, member));
            mergedAway.put(member, survivor);
            if (pair == 0) {
                HttpResponse<String> s = post(base + "/api/v1/entities/" + survivor + "/splits", author,
                        Map.of("mergeId", JSON.readTree(r.body()).get("id").asString(), "reason", "not the same"));
                assertThat(s.statusCode()).as(s.body()).isEqualTo(200);
                mergedAway.remove(member);
            }
        }
        List<String> people = new ArrayList<>(groupOf.keySet());
        List<String> reportIds = List.copyOf(reports.keySet());
        int made = 0;
        for (int attempt = 0; attempt < 3000 && made < 30; attempt++) {
            String person = people.get(rnd.nextInt(people.size()));
            String phone = phones.get(rnd.nextInt(phones.size()));
            String report = reportIds.get(rnd.nextInt(reportIds.size()));
            if (mergedAway.containsKey(person)) {
                continue;
            }
            LeakWorld.Member author = world.members().stream().filter(m -> AccessPolicy.decide(m.reader(), "report", reports.get(report)).visible()
                    && sees(m.reader(), markings.get(person)) && sees(m.reader(), markings.get(phone))).findFirst().orElse(null);
            if (author == null) {
                continue;
            }
            HttpResponse<String> r = post(base + "/api/v1/links", author, Map.of("from", person, "to", phone,
                    "type", "USED", "reportId", report, "confidence", 0.6));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            linkMarkings.put(JSON.readTree(r.body()).get("id").asString(), reports.get(report));
            made++;
        }
        assertThat(made).as("links made").isGreaterThan(15);
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(600);
        assertThat(List.of(byName, byPhoneOnly, byNumber)).as("suggestions by name, by a shared phone only, by number")
                .allMatch(n -> n > 10);
    }

    private String person(String base, LeakWorld.Member author, MarkingForm form, int group, Random rnd,
                          LeakHarness harness) throws Exception {
        String name = GROUPS[group][rnd.nextInt(GROUPS[group].length)];
        HttpResponse<String> r = post(base + "/api/v1/entities", author, Map.of("type", "PERSON",
                "label", "شخص " + groupOf.size() + " " + LeakWorld.CONTENT_MARKER,
                "attributes", Map.of("names", List.of(name)), "marking", form));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = JSON.readTree(r.body()).get("id").asString();
        markings.put(id, marking(form, author));
        groupOf.put(id, group);
        harness.add(new LeakHarness.Item(id, markings.get(id)));
        return id;
    }

    private Set<String> expectedSuggestions(Reader reader, String id) {
        Set<String> out = new HashSet<>();
        if (mergedAway.containsKey(id)) {
            return out;
        }
        for (String other : markings.keySet()) {
            if (other.equals(id) || mergedAway.containsKey(other) || !sees(reader, markings.get(other))) {
                continue;
            }
            if (groupOf.containsKey(id) && groupOf.containsKey(other)) {
                if (groupOf.get(id).equals(groupOf.get(other))) {
                    byName++;
                    out.add(other);
                } else if (shareAPhone(reader, id, other)) {
                    byPhoneOnly++;
                    out.add(other);
                }
            } else if (keyOf.containsKey(id) && keyOf.containsKey(other) && keyOf.get(id).equals(keyOf.get(other))) {
                byNumber++;
                out.add(other);
            }
        }
        return out;
    }

    /** Both are linked, through links and phones the reader may see, to phones with one number. */
    private boolean shareAPhone(Reader reader, String a, String b) {
        Set<String> keysOfA = new HashSet<>();
        Set<String> keysOfB = new HashSet<>();
        // the ends as they are now: a merge re-points its member's links to the survivor
        jdbc.sql("SELECT id, from_entity_id, to_entity_id FROM entity_link").query(rs -> {
            String link = rs.getString(1);
            String person = rs.getString(2);
            String phone = rs.getString(3);
            if (linkMarkings.containsKey(link) && sees(reader, linkMarkings.get(link)) && sees(reader, markings.get(phone))) {
                if (person.equals(a)) {
                    keysOfA.add(keyOf.get(phone));
                } else if (person.equals(b)) {
                    keysOfB.add(keyOf.get(phone));
                }
            }
        });
        keysOfA.retainAll(keysOfB);
        return !keysOfA.isEmpty();
    }

    private Set<String> expectedMerges(String id) {
        Set<String> out = new HashSet<>();
        merges.stream().filter(m -> m.contains(id)).forEach(out::addAll);
        return out;
    }

    private static Set<String> suggested(JsonNode body) {
        Set<String> ids = new HashSet<>();
        body.get("items").forEach(i -> ids.add(i.get("entity").get("id").asString()));
        return ids;
    }

    private static Set<String> merged(JsonNode body) {
        Set<String> ids = new HashSet<>();
        body.get("items").forEach(m -> {
            ids.add(m.get("survivorId").asString());
            m.get("mergedIds").forEach(x -> ids.add(x.asString()));
        });
        return ids;
    }

    private Marking marking(MarkingForm form, LeakWorld.Member author) {
        return form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
    }

    private static boolean sees(Reader reader, Marking marking) {
        return AccessPolicy.decide(reader, Entities.INFORMATION_TYPE, marking).visible();
    }

    private HttpResponse<String> post(String url, LeakWorld.Member author, Map<String, Object> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + author.token())
                .header("Content-Type", "application/json").header("X-FusionCell-Justification", "leak harness")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
