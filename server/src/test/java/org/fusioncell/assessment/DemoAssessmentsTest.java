package org.fusioncell.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The demo's products: a disseminated Arabic assessment that sets Mauritania's level, a report waiting in review. */
@FusionCellTest
@TestPropertySource(properties = {"fusioncell.identity.demo-data=true", "fusioncell.test.context=DemoAssessmentsTest"})
@DirtiesContext
class DemoAssessmentsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Assessments assessments;
    @Autowired
    ThreatLevels levels;

    private Reader demo(String username) {
        return readers.forUser(jdbc.sql("SELECT id FROM identity_user WHERE username = :u").param("u", username)
                .query(String.class).single(), "test");
    }

    @Test
    void theLiaisonReceivedTheAssessmentAndThePartnerSeesOnlyThePublicSummary() {
        var inbox = assessments.received(demo("liaison.police"), PageRequest.of(0, 10)).items();
        assertThat(inbox).singleElement().satisfies(p -> {
            assertThat(p.title()).contains("التجنيد عبر الإنترنت");
            assertThat(p.threatLevel()).isEqualTo("substantial");
        });
        assertThat(assessments.open(demo("liaison.police"), inbox.getFirst().assessmentId()))
                .isInstanceOf(AssessmentAccess.Opened.class);
        assertThat(levels.current(demo("liaison.police"))).singleElement()
                .satisfies(l -> assertThat(l.level()).isEqualTo("substantial"));
        assertThat(levels.current(demo("partner.analyst"))).singleElement().satisfies(l -> {
            assertThat(l.level()).isNull();
            assertThat(l.publicSummary()).contains("موريتانيا");
        });
        assertThat(assessments.count(demo("supervisor"), AssessmentState.IN_REVIEW, ProductType.SITUATION_REPORT))
                .isEqualTo(1);
        assertThat(assessments.count(demo("partner.analyst"), null, null)).isZero();
    }
}
