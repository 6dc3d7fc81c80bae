package org.fusioncell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.fusioncell.access.AgreementGrant;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@FusionCellTest
@Tag("persistence")
class ReadersTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    IdentityFixtures fixtures;
    String cell;
    String police;
    String neighbour;
    String user;

    @BeforeEach
    void setUp() {
        fixtures = new IdentityFixtures(jdbc);
        cell = fixtures.organisation(OrganisationType.STATE_AGENCY);
        police = fixtures.organisation(OrganisationType.STATE_AGENCY);
        neighbour = fixtures.organisation(OrganisationType.PARTNER_FUSION_CELL);
        user = fixtures.user(cell, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of("NATIONAL-ONLY"));
    }

    @Test
    void readerCarriesClearanceCaveatsTypeAndActiveAgreementGrants() {
        String mou = fixtures.agreement(Set.of(cell, police), "SECRET", Set.of("*"));
        Reader reader = readers.forUser(user, "case 42");
        assertThat(reader.organisationId()).isEqualTo(cell);
        assertThat(reader.organisationType()).isEqualTo(OrganisationType.STATE_AGENCY);
        assertThat(reader.clearanceRank()).isEqualTo(2);
        assertThat(reader.caveats()).containsExactly("NATIONAL-ONLY");
        assertThat(reader.purpose()).isEqualTo("case 42");
        assertThat(reader.agreements()).containsExactly(new AgreementGrant(mou, Set.of(cell, police), 3, Set.of("*")));
    }

    @Test
    void suspendedExpiredFutureAndForeignAgreementsGrantNothing() {
        String bilateral = fixtures.agreement(Set.of(cell, neighbour), "RESTRICTED", Set.of("report"));
        assertThat(readers.forUser(user, null).agreements()).extracting(AgreementGrant::agreementId)
                .containsExactly(bilateral);
        fixtures.agreementStatus(bilateral, "SUSPENDED");
        assertThat(readers.forUser(user, null).agreements()).isEmpty();
        fixtures.agreement(Set.of(cell, neighbour), "RESTRICTED", Set.of("*"), "ACTIVE",
                LocalDate.now().minusYears(2), LocalDate.now().minusDays(1));
        fixtures.agreement(Set.of(cell, neighbour), "RESTRICTED", Set.of("*"), "ACTIVE",
                LocalDate.now().plusDays(1), null);
        fixtures.agreement(Set.of(cell, neighbour), "RESTRICTED", Set.of("*"), "DRAFT", null, null);
        fixtures.agreement(Set.of(police, neighbour), "SECRET", Set.of("*"));
        assertThat(readers.forUser(user, null).agreements()).isEmpty();
    }

    @Test
    void agreementInForceOnItsLastDayStillGrants() {
        String ending = fixtures.agreement(Set.of(cell, neighbour), "RESTRICTED", Set.of("*"), "ACTIVE",
                LocalDate.now().minusYears(1), LocalDate.now());
        assertThat(readers.forUser(user, null).agreements()).extracting(AgreementGrant::agreementId)
                .containsExactly(ending);
    }
}
