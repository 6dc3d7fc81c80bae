package org.fusioncell.cases.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store: the gap is measured from the last answer the reader may see (configurable days, default 30); a
 * list and a count by the same predicate agree; an agency sees its task, not the others'; a satisfied requirement
 * takes no new task nor answer and leaves the coverage overview.
 */
@FusionCellTest
@Tag("persistence")
class RequirementsStoreTest {

    @Autowired
    Requirements requirements;
    @Autowired
    Reports reports;
    @Autowired
    Readers readers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theGapFollowsTheLastVisibleAnswerAndASatisfiedRequirementLeavesTheOverview() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule", OrganisationType.STATE_AGENCY, "MR");
        String police = fx.organisation("Sûreté", OrganisationType.STATE_AGENCY, "MR");
        String customs = fx.organisation("Douanes", OrganisationType.STATE_AGENCY, "MR");
        Reader supervisor = readers.forUser(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "test");
        Reader policeAnalyst = readers.forUser(fx.user(police, "SECRET", Set.of(Role.ANALYST), Set.of()), "test");
        Reader customsAnalyst = readers.forUser(fx.user(customs, "SECRET", Set.of(Role.ANALYST), Set.of()), "test");

        CaseStep<Requirement> made = requirements.create(supervisor, new RequirementDraft("PIR-S" + System.nanoTime()
                % 100000, "Routes de contrebande d'armes", "Par quels points de passage les armes entrent-elles ?",
                "URGENT", null, null, new MarkingForm("RESTRICTED", "AMBER", null, false, List.of())));
        Requirement r = ((CaseStep.Done<Requirement>) made).value();
        assertThat(requirements.addTask(supervisor, r.id(), police, "Saisies aux frontières", null))
                .isInstanceOf(CaseStep.Done.class);
        assertThat(requirements.addTask(supervisor, r.id(), customs, "Déclarations suspectes", null))
                .isInstanceOf(CaseStep.Done.class);
        assertThat(requirements.tasks(customsAnalyst, r.id()).orElseThrow()).extracting(CollectionTask::organisationId)
                .containsExactly(customs);
        assertThat(requirements.list(policeAnalyst, null, PageRequest.of(0, 500)).total())
                .isEqualTo(requirements.count(policeAnalyst, null));

        Instant now = Instant.now();
        assertThat(((CaseStep.Done<Coverage>) requirements.coverage(supervisor, r.id(), now)).value().gap()).isTrue();
        String report = reports.contribute(policeAnalyst, new ReportDraft("Saisie à Gogui", "Deux fusils saisis.",
                null, null, new Grading(SourceReliability.B, 2), new Marking(0, Tlp.AMBER,
                Releasability.toOrganisations(cell), false, Set.of(), police), null, List.of())).id();
        assertThat(requirements.answer(policeAnalyst, r.id(), null, report, null)).isInstanceOf(CaseStep.Done.class);

        Coverage fresh = ((CaseStep.Done<Coverage>) requirements.coverage(supervisor, r.id(), now)).value();
        assertThat(fresh.gap()).isFalse();
        assertThat(fresh.answers()).isEqualTo(1);
        assertThat(fresh.agenciesWaiting()).containsExactlyInAnyOrder(police, customs);
        Coverage later = ((CaseStep.Done<Coverage>) requirements.coverage(supervisor, r.id(),
                now.plus(Duration.ofDays(31)))).value();
        assertThat(later.gap()).as("no answer within the last 30 days").isTrue();
        assertThat(((CaseStep.Done<Coverage>) requirements.coverage(customsAnalyst, r.id(), now)).value().answers())
                .as("the customs may not see the police report").isZero();

        assertThat(requirements.changeStatus(supervisor, r.id(), r.version(), "SATISFIED", "Points identifiés"))
                .isInstanceOf(CaseStep.Done.class);
        assertThat(requirements.addTask(supervisor, r.id(), police, "x", null)).isInstanceOf(CaseStep.WrongState.class);
        assertThat(requirements.overview(supervisor, now)).extracting(Coverage::requirementId).doesNotContain(r.id());
    }
}
