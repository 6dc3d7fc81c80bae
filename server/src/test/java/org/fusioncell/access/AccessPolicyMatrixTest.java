package org.fusioncell.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy decision point against an independent oracle over a generated matrix: every reader of
 * {@link PolicyWorld#allReaders()} (384) × 300 generated markings × three information types, about
 * 345,000 cases. The outcome distribution is asserted too, so the matrix cannot pass by being trivial.
 */
class AccessPolicyMatrixTest {

    private static final long SEED = 20_240_601L;
    private static final int MARKINGS = 300;

    @Test
    void decideAgreesWithTheAudienceTableOracleOnEveryGeneratedCase() {
        PolicyOracle oracle = new PolicyOracle(PolicyWorld.ORGANISATIONS, PolicyWorld.AGREEMENTS);
        List<Marking> markings = PolicyWorld.markings(SEED, MARKINGS);
        List<Reader> readers = PolicyWorld.allReaders();
        Map<Decision.Visibility, Integer> outcomes = new EnumMap<>(Decision.Visibility.class);
        Map<Tlp, Map<Decision.Visibility, Integer>> byTlp = new EnumMap<>(Tlp.class);
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        for (String type : PolicyWorld.INFORMATION_TYPES) {
            for (int mi = 0; mi < markings.size(); mi++) {
                Marking marking = markings.get(mi);
                for (int ri = 0; ri < readers.size(); ri++) {
                    Reader reader = readers.get(ri);
                    Decision decision = AccessPolicy.decide(reader, type, marking);
                    Decision.Visibility expected = oracle.decide(reader, type, marking);
                    cases++;
                    outcomes.merge(decision.visibility(), 1, Integer::sum);
                    byTlp.computeIfAbsent(marking.tlp(), t -> new EnumMap<>(Decision.Visibility.class))
                            .merge(decision.visibility(), 1, Integer::sum);
                    if (decision.visibility() != expected && disagreements.size() < 20) {
                        disagreements.add("type=" + type + " marking#" + mi + "=" + marking + " reader#" + ri + "="
                                + reader + " decide=" + decision + " oracle=" + expected);
                    }
                    assertThat(decision.reason()).as("every decision carries a reason for the audit log").isNotBlank();
                }
            }
        }
        System.out.printf("access matrix: %d cases, outcomes %s, by TLP %s%n", cases, outcomes, byTlp);
        assertThat(disagreements).as("decide vs oracle").isEmpty();
        assertThat(cases).isGreaterThanOrEqualTo(100_000);
        for (Decision.Visibility v : Decision.Visibility.values()) {
            assertThat(outcomes.getOrDefault(v, 0)).as("cases decided %s", v).isGreaterThanOrEqualTo(5_000);
        }
        for (Tlp tlp : Tlp.values()) {
            assertThat(byTlp.get(tlp).getOrDefault(Decision.Visibility.VISIBLE, 0))
                    .as("VISIBLE cases under %s", tlp).isGreaterThanOrEqualTo(100);
        }
        assertThat(byTlp.get(Tlp.RED).getOrDefault(Decision.Visibility.HIDDEN, 0)).isGreaterThan(1_000);
    }

    @Test
    void oracleCatchesAPolicyThatIgnoresOriginatorControl() {
        // The oracle is only worth something if it can disagree: an ORCON item released by organisation type.
        PolicyOracle oracle = new PolicyOracle(PolicyWorld.ORGANISATIONS, PolicyWorld.AGREEMENTS);
        Marking orcon = new Marking(PolicyWorld.UNCLASSIFIED, Tlp.AMBER,
                new Releasability(java.util.Set.of(), java.util.Set.of(OrganisationType.TECHNOLOGY_PLATFORM),
                        java.util.Set.of(), java.util.Set.of()),
                true, java.util.Set.of(), PolicyWorld.POLICE);
        Reader platform = PolicyWorld.reader(PolicyWorld.firstUserOf(PolicyWorld.PLATFORM), 3, java.util.Set.of());
        Marking sameWithoutOrcon = new Marking(orcon.classificationRank(), orcon.tlp(), orcon.releasability(), false,
                orcon.caveats(), orcon.ownerOrganisation());
        assertThat(oracle.decide(platform, PolicyWorld.REPORT, orcon)).isEqualTo(Decision.Visibility.HIDDEN);
        assertThat(oracle.decide(platform, PolicyWorld.REPORT, sameWithoutOrcon)).isEqualTo(Decision.Visibility.VISIBLE);
    }
}
