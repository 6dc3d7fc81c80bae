package org.fusioncell.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.exchange.taxii.ObjectQuery;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Readers;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's exchange: the neighbouring fusion centre is a partner cell of the national cell, and the collection
 * of their bilateral agreement publishes the cell's own items the partner may read — the public synthesis — never
 * the cell's national-only reports, nor the partner's own report shared with the cell.
 */
@FusionCellTest
@TestPropertySource(properties = {"fusioncell.identity.demo-data=true", "fusioncell.test.context=DemoExchangeTest"})
@DirtiesContext
class DemoExchangeTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    PartnerCells partners;
    @Autowired
    TaxiiStore store;

    private Reader demo(String username) {
        return readers.forUser(jdbc.sql("SELECT id FROM identity_user WHERE username = :u").param("u", username)
                .query(String.class).single(), "test");
    }

    @Test
    void theNeighbourReadsWhatTheBilateralAgreementAllows() throws Exception {
        assertThat(partners.list(demo("analyst"))).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("Centre de fusion du Sahel occidental"));
        Reader partner = demo("partner.analyst");
        TaxiiCollection collection = store.collections(partner, "fusioncell").getFirst().collection();
        assertThat(collection.publishes()).isTrue();
        ObjectQuery reports = new ObjectQuery(null, 100, null, List.of(), List.of("report"), List.of(), List.of());
        List<String> names = new ArrayList<>();
        Instant until = Instant.now().plusSeconds(30);
        while (!String.join("", names).contains("Synthèse publique") && Instant.now().isBefore(until)) {
            names.clear();
            store.objects(partner, collection, reports, null).rows().forEach(r -> names.add(r.json()));
            Thread.sleep(200);
        }
        // the cell publishes its own items: not the partner's report shared with it, nor national-only reports
        assertThat(String.join("\n", names)).contains("Synthèse publique")
                .doesNotContain("Cross-border logistics network", "تجنيد", "mouvements suspects");
    }
}
