package org.fusioncell.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision.Visibility;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.exchange.internal.StixVocabulary;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.Reports;
import org.fusioncell.testing.BearerApi;
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

/**
 * The STIX export under the leak harness's world: six organisations, agreements in and out of force and of
 * different scopes, readers high and low, reports and entities under random markings by random authors, each
 * report mentioning random entities. Every reader's bundle must hold exactly the reports and entities
 * {@link AccessPolicy} calls VISIBLE for them — none existence-only or hidden, none left out — and no report
 * may refer to an entity that is not in the reader's bundle. The reports list is checked by the harness too,
 * as the reference the bundle must agree with.
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=StixLeakTest")
@DirtiesContext
@Tag("persistence")
class StixLeakTest {

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
    @Autowired
    ReportEntities reportEntities;

    @Test
    void everyReadersBundleHoldsExactlyWhatThePolicyShowsThem() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Reports.INFORMATION_TYPE);
        BearerApi api = new BearerApi(port);
        LeakHarness harness = new LeakHarness("http://localhost:" + port, Reports.INFORMATION_TYPE, world)
                .list("/api/v1/reports");
        Random rnd = new Random(20261122L);
        Map<String, Marking> reports = new HashMap<>();
        Map<String, Marking> entities = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm marking = world.randomMarking(rnd, author);
            String id = BearerApi.created(api.send(author.token(), "/api/v1/entities", Map.of("type", "GROUP",
                    "attributes", Map.of("name", "Groupe " + i + " " + LeakWorld.CONTENT_MARKER), "marking", marking)));
            entities.put(id, marking.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking"));
        }
        List<String> entityIds = List.copyOf(entities.keySet());
        for (int i = 0; i < 30; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm marking = world.randomMarking(rnd, author);
            String id = BearerApi.created(api.send(author.token(), "/api/v1/reports", Map.of(
                    "title", "تقرير رقم " + i, "body", "Rapport " + i + " " + LeakWorld.CONTENT_MARKER,
                    "grading", Map.of("sourceReliability", "C", "informationCredibility", 3), "marking", marking)));
            Marking m = marking.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            reports.put(id, m);
            harness.add(new LeakHarness.Item(id, m));
            for (int k = 0; k < 4; k++) {
                // recorded only when the author may see both: the mention carries the report's marking
                reportEntities.mention(author.reader(), id, entityIds.get(rnd.nextInt(entityIds.size())), "leak harness");
            }
        }
        harness.verify();

        int checks = 0;
        for (LeakWorld.Member reader : world.members()) {
            JsonNode bundle = api.get(reader.token(), "/api/v1/exchange/stix/bundle", 200);
            Set<String> gotReports = new HashSet<>();
            Set<String> gotEntities = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode o : bundle.get("objects")) {
                ids.add(o.get("id").asString());
                JsonNode x = o.path("extensions").path(StixVocabulary.EXTENSION_ID);
                if (x.has("item_id")) {
                    (x.get("item_type").asString().equals("report") ? gotReports : gotEntities).add(x.get("item_id").asString());
                }
            }
            assertThat(gotReports).as("reports in %s's bundle", reader.label())
                    .isEqualTo(visible(reader, Reports.INFORMATION_TYPE, reports));
            assertThat(gotEntities).as("entities in %s's bundle", reader.label())
                    .isEqualTo(visible(reader, Entities.INFORMATION_TYPE, entities));
            for (JsonNode o : bundle.get("objects")) {
                if (o.get("type").asString().equals("report")) {
                    for (JsonNode ref : o.get("object_refs")) {
                        assertThat(ids).as("%s refers to %s", o.get("id").asString(), ref.asString()).contains(ref.asString());
                    }
                }
            }
            checks++;
        }
        assertThat(checks).isEqualTo(world.members().size());
    }

    private static Set<String> visible(LeakWorld.Member reader, String type, Map<String, Marking> items) {
        Set<String> out = new HashSet<>();
        items.forEach((id, m) -> {
            if (AccessPolicy.decide(reader.reader(), type, m).visibility() == Visibility.VISIBLE) {
                out.add(id);
            }
        });
        return out;
    }
}
