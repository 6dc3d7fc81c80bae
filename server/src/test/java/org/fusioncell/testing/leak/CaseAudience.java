package org.fusioncell.testing.leak;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision.Visibility;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Releasability;

/**
 * For leak tests of things shared through a case (cases, the attack response): which organisations to make
 * participants so that the policy over the marking in force is the whole rule, and that marking in force.
 */
public final class CaseAudience {

    private CaseAudience() {
    }

    /** Every organisation but the author's in which the policy lets someone learn of an item so marked. */
    public static Set<String> participants(List<LeakWorld.Member> members, LeakWorld.Member author, Marking base,
                                           String informationType) {
        Set<String> out = new LinkedHashSet<>();
        for (LeakWorld.Member m : members) {
            if (!m.organisationId().equals(author.organisationId())
                    && AccessPolicy.decide(m.reader(), informationType, base).visibility() != Visibility.HIDDEN) {
                out.add(m.organisationId());
            }
        }
        return out;
    }

    /** The case's marking in force: its participants kept in the releasability (docs/cases.md). */
    public static Marking inForce(Marking base, Set<String> participants) {
        Set<String> orgs = new HashSet<>(base.releasability().organisations());
        participants.stream().filter(o -> !o.equals(base.ownerOrganisation())).forEach(orgs::add);
        Releasability r = base.releasability();
        return new Marking(base.classificationRank(), base.tlp(), new Releasability(orgs, r.organisationTypes(),
                r.agreements(), r.users()), base.originatorControl(), base.caveats(), base.ownerOrganisation());
    }
}
