package org.fusioncell.exchange.internal;

import java.util.Set;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.exchange.partners.PartnerDraft;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.DemoIdentitySeeded;
import org.fusioncell.identity.Readers;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo cell's exchange (profile {@code dev}, first start): the neighbouring fusion centre registered as a
 * partner cell under the bilateral agreement (no link: offline packages, or a base URL and token to add), and a
 * TAXII collection for that agreement that publishes the cell's own reports — so the demo reports the partner
 * may read appear in it, and the partner's demo analyst reads them over TAXII.
 */
@Component
class DemoExchange {

    private final PartnerCells partners;
    private final TaxiiStore collections;
    private final Readers readers;

    DemoExchange(PartnerCells partners, TaxiiStore collections, Readers readers) {
        this.partners = partners;
        this.collections = collections;
        this.readers = readers;
    }

    @EventListener
    @Order(-1) // before the demo reports, which are then published as they are contributed
    void seed(DemoIdentitySeeded seeded) {
        Reader admin = readers.forUser(seeded.users().get("admin"), "demo data");
        String bilateral = seeded.agreements().get("bilateral");
        partners.create(admin, new PartnerDraft("Centre de fusion du Sahel occidental", seeded.organisations().get("neighbour"),
                bilateral, null, null, "Officier de permanence — +221 33 800 00 00", null, null));
        collections.create(admin, new TaxiiCollection(null, "fusioncell", "Cellule ↔ Centre de fusion du Sahel occidental",
                "Rapports de la cellule que l'accord bilatéral permet de partager", null, null, bilateral, Set.of(),
                Set.of(), null, true));
    }
}
