package org.fusioncell.monitoring.incidents.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** An incident drawn from a report reaches no one the report does not. */
class MarkingFloorTest {

    private static Marking marking(int rank, Tlp tlp, Set<String> orgs, Set<OrganisationType> types, boolean orcon,
                                   Set<String> caveats, String owner) {
        return new Marking(rank, tlp, new Releasability(orgs, types, Set.of(), Set.of()), orcon, caveats, owner);
    }

    private static final Marking REPORT = marking(1, Tlp.AMBER, Set.of("b"), Set.of(OrganisationType.STATE_AGENCY),
            false, Set.of("EYES"), "a");

    private static void refused(Marking incident, String field) {
        assertThatThrownBy(() -> MarkingFloor.check(REPORT, incident)).isInstanceOf(InvalidInputException.class)
                .extracting("field").isEqualTo(field);
    }

    @Test
    void theSameOrAStricterMarkingPasses() {
        assertThatCode(() -> MarkingFloor.check(REPORT, marking(1, Tlp.AMBER, Set.of("a"),
                Set.of(OrganisationType.STATE_AGENCY), false, Set.of("EYES"), "b"))).doesNotThrowAnyException();
        assertThatCode(() -> MarkingFloor.check(REPORT, marking(2, Tlp.AMBER_STRICT, Set.of(), Set.of(), true,
                Set.of("EYES", "NOFORN"), "a"))).doesNotThrowAnyException();
    }

    @Test
    void aWiderOrLowerMarkingIsRefusedNamingTheField() {
        refused(marking(0, Tlp.AMBER, Set.of(), Set.of(), false, Set.of("EYES"), "a"), "marking.classification");
        refused(marking(1, Tlp.GREEN, Set.of(), Set.of(), false, Set.of("EYES"), "a"), "marking.tlp");
        refused(marking(1, Tlp.AMBER, Set.of(), Set.of(), false, Set.of(), "a"), "marking.caveats");
        refused(marking(1, Tlp.AMBER, Set.of("c"), Set.of(), false, Set.of("EYES"), "a"),
                "marking.releasability.organisations");
        refused(marking(1, Tlp.AMBER, Set.of(), Set.of(OrganisationType.ACADEMIC_INSTITUTION), false, Set.of("EYES"), "a"),
                "marking.releasability.organisationTypes");
        refused(marking(1, Tlp.GREEN, Set.of(), Set.of(), false, Set.of("EYES"), "c"), "marking.tlp");
        Marking orcon = marking(1, Tlp.AMBER, Set.of("b"), Set.of(), true, Set.of(), "a");
        assertThatThrownBy(() -> MarkingFloor.check(orcon, marking(1, Tlp.AMBER, Set.of(), Set.of(), false, Set.of(), "b")))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("marking.originatorControl");
    }

    @Test
    void aClearReportAllowsAnyMarkingAtItsLevel() {
        Marking clear = marking(0, Tlp.CLEAR, Set.of(), Set.of(), false, Set.of(), "a");
        assertThatCode(() -> MarkingFloor.check(clear, marking(0, Tlp.GREEN, Set.of("z"), Set.of(), false, Set.of(), "z")))
                .doesNotThrowAnyException();
    }
}
