package org.fusioncell.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.exchange.internal.StixVocabulary;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.Reports;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A reader's export holds only what the access policy lets them see: not items outside their audience
 * (AMBER not released to them, TLP:RED), not items they would only learn exist (above their clearance,
 * caveats they do not hold), not the mentions and links that lead to such items, and not the STIX objects
 * another organisation kept from its imports. Every item in the export is one {@link AccessPolicy} answers
 * VISIBLE for.
 */
@FusionCellTest
@Tag("persistence")
class StixNeedToKnowTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportEntities reportEntities;
    @Autowired
    Readers readers;
    @Autowired
    Reports reports;
    @Autowired
    Entities entities;
    @Autowired
    StixBundles bundles;

    @Test
    void aReadersExportNeverHoldsWhatThePolicyHidesFromThem() throws Exception {
        BearerApi api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String owner = fx.organisation(OrganisationType.STATE_AGENCY);
        String partner = fx.organisation(OrganisationType.STATE_AGENCY);
        String ownerUser = fx.user(owner, "SECRET", Set.of(Role.ANALYST), Set.of("NOFORN"));
        String ownerToken = fx.token(ownerUser, "read", "write");
        String partnerUser = fx.user(partner, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of());
        String partnerToken = fx.token(partnerUser, "read", "write");
        var author = readers.forUser(ownerUser, "test");

        StixWorld w = new StixWorld(api);
        String released = w.report(ownerToken, "Released to the partner", "Visible " + StixWorld.ARABIC,
                StixWorld.marking("CONFIDENTIAL", "TLP:AMBER", List.of(partner)));
        String notReleased = w.report(ownerToken, "Kept by the owner NTK-1", "Hidden text NTK-1",
                StixWorld.marking("RESTRICTED", "TLP:AMBER", List.of()));
        String red = w.report(ownerToken, "Red report NTK-2", "Hidden text NTK-2",
                StixWorld.marking("RESTRICTED", "TLP:RED", List.of()));
        String tooHigh = w.report(ownerToken, "Secret report NTK-3", "Hidden text NTK-3",
                StixWorld.marking("SECRET", "TLP:AMBER", List.of(partner)));
        Map<String, Object> caveated = new java.util.HashMap<>(StixWorld.marking("RESTRICTED", "TLP:AMBER", List.of(partner)));
        caveated.put("caveats", List.of("NOFORN"));
        String withCaveat = w.report(ownerToken, "Caveated report NTK-4", "Hidden text NTK-4", caveated);

        String visibleGroup = w.entity(ownerToken, "GROUP", Map.of("name", "Visible group"),
                StixWorld.marking("RESTRICTED", "TLP:GREEN", List.of(partner)));
        String hiddenPerson = w.entity(ownerToken, "PERSON", Map.of("names", List.of("Hidden Person NTK-5")),
                StixWorld.marking("RESTRICTED", "TLP:AMBER", List.of()));
        String caveatPhone = w.entity(ownerToken, "PHONE", Map.of("number", "+22246" + StixWorld.digits(6)), caveated);
        // the released report mentions and links the hidden person: neither may reach the partner
        reportEntities.mention(author, released, visibleGroup, "test");
        reportEntities.mention(author, released, hiddenPerson, "test");
        String hiddenLink = w.link(reportEntities, author, hiddenPerson, visibleGroup, "MEMBER_OF", released, 0.9, null, null);
        String hiddenLink2 = w.link(reportEntities, author, caveatPhone, visibleGroup, "USED", released, 0.5, null, null);
        // objects the owner kept from an import (TLP:AMBER by default, the owner's only)
        bundles.importBundle(author, Files.readAllBytes(StixSchemas.data().resolve("stix21-examples/sighting-of-an-indicator.json")));

        // the owner's own export does hold them all (so their absence below is the policy, not a gap)
        String ownerText = api.get(ownerToken, "/api/v1/exchange/stix/bundle", 200).toString();
        assertThat(ownerText).contains(notReleased, withCaveat, hiddenPerson, hiddenLink, "NTK-3",
                "sighting--8356e820-8080-4692-aa91-ecbe94006833");

        JsonNode bundle = api.get(partnerToken, "/api/v1/exchange/stix/bundle", 200);
        String text = bundle.toString();
        for (String hidden : List.of(notReleased, red, tooHigh, withCaveat, hiddenPerson, caveatPhone, hiddenLink, hiddenLink2)) {
            assertThat(text).as("hidden item " + hidden).doesNotContain(hidden);
        }
        for (String type : List.of("report", "identity", "observed-data", "relationship")) {
            for (String hidden : List.of(notReleased, red, tooHigh, withCaveat, hiddenPerson, caveatPhone, hiddenLink, hiddenLink2)) {
                assertThat(text).doesNotContain(StixVocabulary.stixId(type, hidden));
            }
        }
        assertThat(text).doesNotContain("NTK-1", "NTK-2", "NTK-3", "NTK-4", "NTK-5", "sighting--8356e820-8080-4692-aa91-ecbe94006833");
        assertThat(text).contains(StixVocabulary.stixId("report", released), StixVocabulary.stixId("threat-actor", visibleGroup));

        // every item in it is one the policy shows the partner
        var partnerReader = readers.forUser(partnerUser, "test");
        List<String> checked = new ArrayList<>();
        for (JsonNode o : bundle.get("objects")) {
            JsonNode x = o.path("extensions").path(StixVocabulary.EXTENSION_ID);
            if (!x.has("item_id")) {
                continue;
            }
            String itemId = x.get("item_id").asString();
            switch (x.get("item_type").asString()) {
                case "report" -> assertThat(AccessPolicy.decide(partnerReader, Reports.INFORMATION_TYPE,
                        reports.forProcessing(itemId).orElseThrow().marking()).visibility())
                        .isEqualTo(org.fusioncell.access.Decision.Visibility.VISIBLE);
                case "entity" -> assertThat(AccessPolicy.decide(partnerReader, Entities.INFORMATION_TYPE,
                        entities.forProcessing(itemId).orElseThrow().marking()).visibility())
                        .isEqualTo(org.fusioncell.access.Decision.Visibility.VISIBLE);
                default -> {
                }
            }
            checked.add(itemId);
        }
        assertThat(checked).contains(released, visibleGroup);
        // the released report's references stop at what the partner may see
        for (JsonNode o : bundle.get("objects")) {
            if (o.get("id").asString().equals(StixVocabulary.stixId("report", released))) {
                assertThat(o.get("object_refs").toString()).contains(StixVocabulary.stixId("threat-actor", visibleGroup))
                        .doesNotContain(StixVocabulary.stixId("identity", hiddenPerson));
            }
        }
    }
}
