package org.fusioncell.access;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The marking every information item carries. {@code classificationRank} is the index of the level
 * in the installation's {@link ClassificationScheme}; {@code caveats} are handling caveats the
 * reader must each hold; {@code originatorControl} (ORCON) limits the audience to the owner and the
 * named organisations until the originator approves wider release.
 */
public record Marking(int classificationRank, Tlp tlp, Releasability releasability,
                      boolean originatorControl, Set<String> caveats, String ownerOrganisation) {

    public Marking {
        if (classificationRank < 0) {
            throw new IllegalArgumentException("classification rank must not be negative");
        }
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(releasability, "releasability");
        Objects.requireNonNull(ownerOrganisation, "ownerOrganisation");
        caveats = Set.copyOf(caveats);
    }

    /**
     * This marking released to more organisations: each of {@code organisations} (but the owner) added to its
     * releasability, everything else as it is. Used by items shared with participants (cases, requirements).
     */
    public Marking releasedTo(Set<String> organisations) {
        Set<String> orgs = new LinkedHashSet<>(releasability.organisations());
        organisations.stream().filter(o -> !o.equals(ownerOrganisation)).forEach(orgs::add);
        return new Marking(classificationRank, tlp, new Releasability(orgs, releasability.organisationTypes(),
                releasability.agreements(), releasability.users()), originatorControl, caveats, ownerOrganisation);
    }
}
