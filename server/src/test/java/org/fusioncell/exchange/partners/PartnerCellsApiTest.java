package org.fusioncell.exchange.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Partner cells over the API: an administrator registers one under an agreement in force with the partner;
 * the organisation's analysts list it; the token is never shown; another organisation does not learn it;
 * bad input names the field and writes nothing.
 */
@FusionCellTest
class PartnerCellsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExchangeLog log;

    @Test
    void administratorsRegisterPartnersThatOnlyTheirOrganisationSees() throws Exception {
        BearerApi api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule nationale de fusion", OrganisationType.STATE_AGENCY, "MR");
        String partner = fx.organisation("خلية الاندماج الإقليمية", OrganisationType.PARTNER_FUSION_CELL, "SN");
        String stranger = fx.organisation("Douanes", OrganisationType.STATE_AGENCY, "MR");
        String agreement = fx.agreement(Set.of(cell, partner), "SECRET", Set.of("*"));
        String unrelated = fx.agreement(Set.of(cell, stranger), "SECRET", Set.of("*"));
        String admin = fx.token(fx.user(cell, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        String analyst = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String other = fx.token(fx.user(stranger, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        String key = Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());

        Map<String, Object> body = new HashMap<>(Map.of("name", "خلية الاندماج الإقليمية — داكار", "organisationId", partner,
                "agreementId", agreement, "baseUrl", "https://cell.example.sn", "contact", "duty officer +221 33 800 00 00",
                "publicKey", key, "token", "secret-token-of-the-partner"));
        HttpResponse<String> created = api.send(admin, "/api/v1/admin/partner-cells", body);
        String id = BearerApi.created(created);
        assertThat(created.body()).doesNotContain("secret-token-of-the-partner").contains("\"hasToken\":true");

        JsonNode list = api.get(analyst, "/api/v1/exchange/partner-cells", 200);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("apiRoot").asString()).isEqualTo("fusioncell");
        assertThat(list.toString()).doesNotContain("secret-token");
        assertThat(api.status(analyst, "/api/v1/admin/partner-cells")).isEqualTo(403);
        assertThat(api.get(other, "/api/v1/exchange/partner-cells", 200)).isEmpty();
        assertThat(api.status(other, "/api/v1/exchange/partner-cells/" + id)).isEqualTo(404);

        // bad input: each names its field, and nothing is written
        expectBad(api, admin, with(body, "baseUrl", "http://cell.example.sn"), "baseUrl");
        expectBad(api, admin, with(body, "agreementId", unrelated), "agreementId");
        expectBad(api, admin, with(body, "publicKey", "bm90IGEga2V5"), "publicKey");
        expectBad(api, admin, with(body, "organisationId", cell), "organisationId");
        expectBad(api, admin, with(body, "apiRoot", "../x"), "apiRoot");
        expectBad(api, admin, body, "organisationId"); // a second partner standing for the same organisation
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_partner_cell WHERE owner_organisation_id = :o")
                .param("o", cell).query(Long.class).single()).isEqualTo(1);

        // an update without a token keeps it; the loopback http base is allowed in tests
        HttpResponse<String> updated = api.put(admin, "/api/v1/admin/partner-cells/" + id, null,
                with(with(body, "token", null), "baseUrl", "http://127.0.0.1:9"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(BearerApi.JSON.readTree(updated.body()).get("hasToken").asBoolean()).isTrue();

        log.record(cell, id, ExchangeLog.Kind.TAXII_PULL, 3, "OK", "3 objects");
        assertThat(api.get(analyst, "/api/v1/exchange/log?partner=" + id, 200).get("total").asLong()).isEqualTo(1);
        assertThat(api.get(other, "/api/v1/exchange/log", 200).get("total").asLong()).isZero();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static void expectBad(BearerApi api, String token, Map<String, Object> body, String field) throws Exception {
        HttpResponse<String> r = api.send(token, "/api/v1/admin/partner-cells", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(field);
    }
}
