package org.fusioncell.exchange.partners;

import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.PageVisitor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * For the page tests: our cell, the local organisation standing for a partner cell with an agreement in force
 * between them, and a stranger organisation with no agreement; users of any role, as page visitors.
 */
record PageWorld(MockMvc mvc, IdentityFixtures fx, String cell, String partnerOrg, String strangerOrg,
                 String agreement) {

    static PageWorld build(MockMvc mvc, JdbcClient jdbc, String partnerName) {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule nationale de fusion", OrganisationType.STATE_AGENCY, "MR");
        String partnerOrg = fx.organisation(partnerName, OrganisationType.PARTNER_FUSION_CELL, "SN");
        String strangerOrg = fx.organisation("Douanes du Sahel", OrganisationType.STATE_AGENCY, "ML");
        return new PageWorld(mvc, fx, cell, partnerOrg, strangerOrg,
                fx.agreement(Set.of(cell, partnerOrg), "SECRET", Set.of("*")));
    }

    /** A new user of {@code organisation} with {@code role}, cleared SECRET. */
    PageVisitor visitor(String organisation, Role role) {
        return new PageVisitor(mvc, fx.user(organisation, "SECRET", Set.of(role), Set.of()), organisation, role);
    }
}
