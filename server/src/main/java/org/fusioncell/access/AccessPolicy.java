package org.fusioncell.access;

/**
 * The policy decision point: {@code decide(reader, informationType, marking)}. Plain Java, no state.
 * {@link VisibilityFilter} compiles exactly these rules to SQL; a test holds the two in agreement
 * over generated cases on every database.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li><b>Audience.</b> TLP:CLEAR reaches everyone, unless the item is under originator control.
 *   TLP:RED reaches the named users only (not even the owner organisation as a whole). Otherwise the
 *   owner organisation and the named organisations are in the audience; under TLP:AMBER and
 *   TLP:GREEN without originator control, so are the named organisation types and the parties to
 *   named agreements (an agreement in force, covering the information type, whose ceiling reaches
 *   the item's level, with the owner as a party); under TLP:GREEN without originator control, every
 *   organisation with such an agreement with the owner (the owner's community) as well.</li>
 *   <li><b>Clearance and caveats.</b> A reader in the audience sees the item only if their
 *   clearance reaches its level and they hold each of its caveats; otherwise they learn only that it
 *   exists.</li>
 *   <li><b>Hit/no-hit.</b> A reader outside the audience learns that the item exists (and whom to ask)
 *   when their organisation has an agreement in force with the owner covering the information type,
 *   unless the item is TLP:RED. Everyone else: hidden.</li>
 * </ol>
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static Decision decide(Reader reader, String informationType, Marking marking) {
        String audience = audienceReason(reader, informationType, marking);
        if (audience != null) {
            if (reader.clearanceRank() < marking.classificationRank()) {
                return Decision.existenceOnly("clearance below classification");
            }
            if (!reader.caveats().containsAll(marking.caveats())) {
                return Decision.existenceOnly("caveat not held");
            }
            return Decision.visible(audience);
        }
        if (marking.tlp() != Tlp.RED && hasAgreementWithOwner(reader, informationType, marking, false)) {
            return Decision.existenceOnly("outside releasability; agreement with holder allows hit/no-hit");
        }
        return Decision.hidden("outside releasability");
    }

    /** Why the reader is in the item's audience, or null if they are not. */
    private static String audienceReason(Reader reader, String informationType, Marking marking) {
        Releasability rel = marking.releasability();
        switch (marking.tlp()) {
            case CLEAR:
                if (!marking.originatorControl()) {
                    return "TLP:CLEAR";
                }
                break; // originator control outranks the label: the first recipients only
            case RED:
                return rel.users().contains(reader.userId()) ? "named recipient" : null;
            default:
                break;
        }
        if (reader.organisationId().equals(marking.ownerOrganisation())) {
            return "owner organisation";
        }
        if (rel.organisations().contains(reader.organisationId())) {
            return "named organisation";
        }
        if (!marking.tlp().allowsExpansion() || marking.originatorControl()) {
            return null;
        }
        if (rel.organisationTypes().contains(reader.organisationType())) {
            return "organisation type";
        }
        for (AgreementGrant grant : reader.agreements()) {
            if (rel.agreements().contains(grant.agreementId())
                    && grantReaches(grant, informationType, marking, true)) {
                return "named agreement";
            }
        }
        if (marking.tlp() == Tlp.GREEN && hasAgreementWithOwner(reader, informationType, marking, true)) {
            return "TLP:GREEN community of the owner";
        }
        return null;
    }

    private static boolean hasAgreementWithOwner(Reader reader, String informationType, Marking marking,
                                                 boolean ceilingApplies) {
        for (AgreementGrant grant : reader.agreements()) {
            if (grantReaches(grant, informationType, marking, ceilingApplies)) {
                return true;
            }
        }
        return false;
    }

    private static boolean grantReaches(AgreementGrant grant, String informationType, Marking marking,
                                        boolean ceilingApplies) {
        return grant.parties().contains(marking.ownerOrganisation())
                && grant.covers(informationType)
                && (!ceilingApplies || marking.classificationRank() <= grant.maxClassificationRank());
    }
}
