package org.fusioncell.exchange.hits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two cells in one test server: the national cell A and partner cell B, each registering the other as a
 * partner under their agreement, B's side reached over HTTP at the server's own loopback address with the
 * token of a user of A (the organisation that stands for cell A there). A also has a partner D at a closed
 * port. B holds a person in Latin letters, one in Arabic (from the UN consolidated list) and a phone number,
 * marked SECRET for B alone. A stranger organisation has an agreement with B but is no partner of it.
 */
record HitWorld(String cellA, String cellB, String stranger, String aAnalystUser, String aAnalyst,
                String aOtherAnalyst, String bAnalyst, String bSupervisorUser, String bSupervisor,
                String strangerUser, String strangerAnalyst, String partnerB, String partnerUnreachable,
                String heldPerson, String heldPhone, String agreement, String aAdmin, String aAdminUser) {

    static HitWorld build(JdbcClient jdbc, BearerApi api, int port) throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cellA = fx.organisation("Cellule nationale de fusion", OrganisationType.STATE_AGENCY, "MR");
        String cellB = fx.organisation("خلية الاندماج الإقليمية", OrganisationType.PARTNER_FUSION_CELL, "SN");
        String cellD = fx.organisation("Cellule du Sahel (hors ligne)", OrganisationType.PARTNER_FUSION_CELL, "ML");
        String stranger = fx.organisation("Douanes", OrganisationType.STATE_AGENCY, "MR");
        String ab = fx.agreement(Set.of(cellA, cellB), "SECRET", Set.of("*"));
        String ad = fx.agreement(Set.of(cellA, cellD), "SECRET", Set.of("*"));
        fx.agreement(Set.of(stranger, cellB), "SECRET", Set.of("*")); // an agreement, but no partner entry
        String aAdminUser = fx.user(cellA, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of());
        String aAdmin = fx.token(aAdminUser, "read", "write", "admin");
        String bAdmin = fx.token(fx.user(cellB, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        String aAnalystUser = fx.user(cellA, "RESTRICTED", Set.of(Role.ANALYST), Set.of());
        String aAnalyst = fx.token(aAnalystUser, "read", "write");
        String aOtherAnalyst = fx.token(fx.user(cellA, "RESTRICTED", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String bAnalyst = fx.token(fx.user(cellB, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String bSupervisorUser = fx.user(cellB, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        String bSupervisor = fx.token(bSupervisorUser, "read", "write");
        String strangerUser = fx.user(stranger, "SECRET", Set.of(Role.ANALYST), Set.of());
        String strangerAnalyst = fx.token(strangerUser, "read", "write");
        // the token B's side knows cell A by: a user of the organisation that stands for A there
        String aLiaison = fx.token(fx.user(cellA, "RESTRICTED", Set.of(Role.LIAISON_OFFICER), Set.of()), "read", "write");
        String base = "http://127.0.0.1:" + port;

        String partnerB = BearerApi.created(api.send(aAdmin, "/api/v1/admin/partner-cells", Map.of("name", "Cellule B",
                "organisationId", cellB, "agreementId", ab, "baseUrl", base, "token", aLiaison)));
        String partnerUnreachable = BearerApi.created(api.send(aAdmin, "/api/v1/admin/partner-cells", Map.of("name",
                "Cellule D", "organisationId", cellD, "agreementId", ad, "baseUrl", "http://127.0.0.1:9", "token", "x")));
        BearerApi.created(api.send(bAdmin, "/api/v1/admin/partner-cells", Map.of("name", "Cellule nationale A",
                "organisationId", cellA, "agreementId", ab, "baseUrl", base, "token", bAnalyst)));

        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = Base64.getEncoder().encodeToString(secret);
        Map<String, Object> rule = Map.of("nameKeyAndBirthDate", true, "birthPrecision", "DAY", "keyedHash", true,
                "key", key);
        HttpResponse<String> set = api.put(aAdmin, "/api/v1/admin/hit-rules/" + ab, null, rule);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).doesNotContain(key).contains("\"hasKey\":true");
        assertThat(api.put(aAdmin, "/api/v1/admin/hit-rules/" + ad, null, rule).statusCode()).isEqualTo(200);
        assertThat(api.put(bAdmin, "/api/v1/admin/hit-contact", null,
                Map.of("contact", "مكتب الاتصال — +221 33 800 00 00")).statusCode()).isEqualTo(200);

        // B holds, marked for B alone and above the requesting analysts' clearance
        Map<String, Object> secretForB = Map.of("classification", "SECRET", "tlp", "RED",
                "releasability", Map.of("organisations", List.of(cellB)));
        String heldPerson = BearerApi.created(api.send(bAnalyst, "/api/v1/entities", Map.of("type", "PERSON",
                "attributes", Map.of("names", List.of("Mokhtar Ould Salem"), "dateOfBirth", "1985-07-14"),
                "marking", secretForB)));
        // a name as the UN consolidated list writes it in Arabic (IQi.004), its date of birth a year
        BearerApi.created(api.send(bAnalyst, "/api/v1/entities", Map.of("type", "PERSON",
                "attributes", Map.of("names", List.of("عابد حامد محمود التكريتي"), "dateOfBirth", "1957"),
                "marking", secretForB)));
        String heldPhone = BearerApi.created(api.send(bAnalyst, "/api/v1/entities", Map.of("type", "PHONE",
                "attributes", Map.of("number", "+222 45 25 12 34"), "marking", secretForB)));
        return new HitWorld(cellA, cellB, stranger, aAnalystUser, aAnalyst, aOtherAnalyst, bAnalyst, bSupervisorUser,
                bSupervisor, strangerUser, strangerAnalyst, partnerB, partnerUnreachable, heldPerson, heldPhone, ab, aAdmin, aAdminUser);
    }
}
