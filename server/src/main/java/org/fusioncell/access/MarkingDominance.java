package org.fusioncell.access;

import java.util.Optional;

/**
 * Whether a product's marking is at least as restrictive as the marking of something it draws on (a
 * threat assessment and its evidence): a level as high, a TLP label at least as narrow, every handling
 * caveat, originator control when the source has it, and for TLP:RED no named user the source does not
 * name. Plain Java, like {@link AccessPolicy}.
 *
 * <p>Releasability by organisation is not compared: the product belongs to its author's organisation,
 * which is in the audience of everything the author may cite, and the TLP comparison already keeps a
 * product from reaching a wider community than its sources.
 */
public final class MarkingDominance {

    private MarkingDominance() {
    }

    /** Empty when {@code upper} dominates {@code lower}; otherwise why not, in a few words. */
    public static Optional<String> shortfall(Marking upper, Marking lower, ClassificationScheme scheme) {
        if (upper.classificationRank() < lower.classificationRank()) {
            return Optional.of("classification " + scheme.level(upper.classificationRank()) + " is below "
                    + scheme.level(lower.classificationRank()));
        }
        if (upper.tlp().ordinal() < lower.tlp().ordinal()) {
            return Optional.of(upper.tlp().label() + " is wider than " + lower.tlp().label());
        }
        if (!upper.caveats().containsAll(lower.caveats())) {
            return Optional.of("caveats " + lower.caveats() + " are not all kept");
        }
        if (lower.originatorControl() && !upper.originatorControl()) {
            return Optional.of("originator control is not kept");
        }
        if (lower.tlp() == Tlp.RED && !lower.releasability().users().containsAll(upper.releasability().users())) {
            return Optional.of("TLP:RED names users the source does not name");
        }
        return Optional.empty();
    }

    public static boolean dominates(Marking upper, Marking lower, ClassificationScheme scheme) {
        return shortfall(upper, lower, scheme).isEmpty();
    }
}
