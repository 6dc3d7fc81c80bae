package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusioncell.entities.ResolutionFixtures.AMBER;
import static org.fusioncell.entities.ResolutionFixtures.AMBER_STRICT;
import static org.fusioncell.entities.ResolutionFixtures.created;
import static org.fusioncell.entities.ResolutionFixtures.find;
import static org.fusioncell.entities.ResolutionFixtures.ids;
import static org.fusioncell.entities.ResolutionFixtures.kinds;
import static org.fusioncell.entities.ResolutionFixtures.phoneBody;
import static org.fusioncell.entities.ResolutionFixtures.reason;

import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Merge suggestions through the API: by a shared identifier, by name across scripts, weighed by date of birth, never from hidden entities. */
@FusionCellTest
@Tag("persistence")
class ResolutionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static String agencyA;
    static String agencyB;
    private ResolutionFixtures f;

    @BeforeEach
    void world() {
        f = new ResolutionFixtures(port, jdbc);
        if (agencyA == null) {
            IdentityFixtures fx = new IdentityFixtures(jdbc);
            String a = fx.organisation("Agency A", OrganisationType.STATE_AGENCY, "MR");
            String b = fx.organisation("Agency B", OrganisationType.STATE_AGENCY, "MR");
            agencyA = fx.token(fx.user(a, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
            agencyB = fx.token(fx.user(b, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
        }
    }

    @Test
    void twoPeopleWhoUsedTheSamePhoneAreSuggestedWithThatNumberAsTheReason() throws Exception {
        String report = f.report(agencyA, "Interception");
        String first = f.person(agencyA, "[\"Ahmed Ould Salem\"]", null, AMBER);
        String second = f.person(agencyA, "[\"Brahim Vall\"]", null, AMBER);
        String phone = created(f.api().post(agencyA, "/api/v1/entities", phoneBody("+222 46 70 80 90", AMBER)));
        f.link(agencyA, first, phone, report);
        f.link(agencyA, second, phone, report);
        // agency B holds the same number under its own marking, used by a person A may not see
        String reportB = f.report(agencyB, "Rapport B");
        String hiddenPerson = f.person(agencyB, "[\"Brahim Vall\"]", null, AMBER);
        String phoneB = created(f.api().post(agencyB, "/api/v1/entities", phoneBody("+222 46 70 80 90", AMBER)));
        f.link(agencyB, hiddenPerson, phoneB, reportB);

        JsonNode items = f.suggestions(agencyA, first);
        assertThat(ids(items)).containsExactly(second);
        JsonNode reasons = items.get(0).get("reasons");
        assertThat(reasons.get(0).get("kind").asString()).isEqualTo("SHARED_IDENTIFIER");
        assertThat(reasons.get(0).get("detail").asString()).isEqualTo("phone:+22246708090");
        assertThat(items.get(0).get("mergeable").asBoolean()).isTrue();
        assertThat(items.toString()).doesNotContain(hiddenPerson, phoneB);
        // B sees only its own: the person A holds is not B's to see
        assertThat(ids(f.suggestions(agencyB, hiddenPerson))).isEmpty();
    }

    @Test
    void anArabicScriptPersonAndTheLatinRomanisationOfTheNameAreSuggestedAndDateOfBirthWeighs() throws Exception {
        String arabic = f.person(agencyA, "[\"مختار بلمختار\"]", "\"dateOfBirth\":\"1972-06-01\",\"nationality\":\"DZ\"", AMBER);
        String latin = f.person(agencyA, "[\"Mokhtar Belmokhtar\"]", "\"dateOfBirth\":\"1972-06-01\",\"nationality\":\"DZ\"", AMBER);
        String older = f.person(agencyA, "[\"Mokhtar Belmokhtar\"]", "\"dateOfBirth\":\"1941\"", AMBER);
        String otherMarking = f.person(agencyA, "[\"Mukhtar Bilmukhtar\"]", null, AMBER_STRICT);
        f.person(agencyA, "[\"Jean Dupont\"]", null, AMBER);
        String hidden = f.person(agencyB, "[\"Mokhtar Belmokhtar\"]", null, AMBER);

        JsonNode items = f.suggestions(agencyA, arabic);
        assertThat(ids(items)).contains(latin, older, otherMarking).doesNotContain(hidden, arabic).hasSize(3);
        JsonNode best = items.get(0);
        assertThat(best.get("entity").get("id").asString()).isEqualTo(latin);
        assertThat(best.get("score").asDouble()).isGreaterThanOrEqualTo(0.71);
        assertThat(kinds(best)).contains("NAME", "BIRTH_DATE", "NATIONALITY");
        assertThat(best.get("reasons").get(0).get("detail").asString()).contains("مختار", "mokhtar");
        JsonNode olderOne = find(items, older);
        assertThat(olderOne.get("score").asDouble()).isLessThan(best.get("score").asDouble());
        assertThat(reason(olderOne, "BIRTH_DATE").get("effect").asDouble()).isNegative();
        assertThat(find(items, otherMarking).get("mergeable").asBoolean()).as("different marking").isFalse();
        assertThat(f.auditCount("merge-suggestions", arabic)).isEqualTo(1);
    }
}
