package org.fusioncell.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusioncell.access.Decision.Visibility.EXISTENCE_ONLY;
import static org.fusioncell.access.Decision.Visibility.HIDDEN;
import static org.fusioncell.access.Decision.Visibility.VISIBLE;
import static org.fusioncell.access.PolicyWorld.CIVIL_SOCIETY;
import static org.fusioncell.access.PolicyWorld.CONFIDENTIAL;
import static org.fusioncell.access.PolicyWorld.ENTITY;
import static org.fusioncell.access.PolicyWorld.INTELLIGENCE;
import static org.fusioncell.access.PolicyWorld.NATIONAL;
import static org.fusioncell.access.PolicyWorld.PARTNER_CELL;
import static org.fusioncell.access.PolicyWorld.PLATFORM;
import static org.fusioncell.access.PolicyWorld.POLICE;
import static org.fusioncell.access.PolicyWorld.PREVENTION;
import static org.fusioncell.access.PolicyWorld.REGIONAL;
import static org.fusioncell.access.PolicyWorld.REGIONAL_BODY;
import static org.fusioncell.access.PolicyWorld.REPORT;
import static org.fusioncell.access.PolicyWorld.RESTRICTED;
import static org.fusioncell.access.PolicyWorld.SECRET;
import static org.fusioncell.access.PolicyWorld.SUSPENDED;
import static org.fusioncell.access.PolicyWorld.UNCLASSIFIED;
import static org.fusioncell.access.PolicyWorld.WATCHLIST;
import static org.fusioncell.access.PolicyWorld.firstUserOf;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link AccessPolicy}, in the small world of {@link PolicyWorld}. */
class AccessPolicyTest {

    private static Reader cleared(String org) {
        return PolicyWorld.reader(firstUserOf(org), SECRET, Set.copyOf(PolicyWorld.CAVEATS));
    }

    private static Reader clearedWithout(String org, AgreementGrant... left) {
        return PolicyWorld.reader(firstUserOf(org), SECRET, Set.copyOf(PolicyWorld.CAVEATS), List.of(left));
    }

    private static Marking marking(int level, Tlp tlp, Releasability rel, String owner) {
        return new Marking(level, tlp, rel, false, Set.of(), owner);
    }

    private static Releasability types(OrganisationType... types) {
        return new Releasability(Set.of(), Set.of(types), Set.of(), Set.of());
    }

    private static Releasability agreements(String... ids) {
        return new Releasability(Set.of(), Set.of(), Set.of(ids), Set.of());
    }

    private static Releasability users(String... ids) {
        return new Releasability(Set.of(), Set.of(), Set.of(), Set.of(ids));
    }

    private static Decision.Visibility decide(Reader reader, Marking marking) {
        return AccessPolicy.decide(reader, REPORT, marking).visibility();
    }

    @Test
    void clearReachesEveryUserEvenWithoutAnyAgreement() {
        Marking m = marking(UNCLASSIFIED, Tlp.CLEAR, Releasability.NONE, POLICE);
        for (String org : PolicyWorld.organisations()) {
            assertThat(decide(clearedWithout(org), m)).as(org).isEqualTo(VISIBLE);
        }
    }

    @Test
    void clearUnderOriginatorControlReachesOnlyOwnerAndNamedOrganisations() {
        Marking m = new Marking(UNCLASSIFIED, Tlp.CLEAR, Releasability.toOrganisations(PLATFORM), true, Set.of(), POLICE);
        assertThat(decide(cleared(POLICE), m)).isEqualTo(VISIBLE);
        assertThat(decide(cleared(PLATFORM), m)).isEqualTo(VISIBLE);
        assertThat(decide(cleared(INTELLIGENCE), m)).as("partner under NATIONAL: hit/no-hit only").isEqualTo(EXISTENCE_ONLY);
        assertThat(decide(cleared(CIVIL_SOCIETY), m)).isEqualTo(HIDDEN);
    }

    @Test
    void tlpRedIsVisibleOnlyToNamedUsersEvenInTheOwnerOrganisation() {
        String named = firstUserOf(POLICE);
        String colleague = PolicyWorld.users().get(1);
        assertThat(PolicyWorld.USERS.get(colleague)).isEqualTo(POLICE);
        Marking m = new Marking(UNCLASSIFIED, Tlp.RED,
                new Releasability(Set.of(POLICE), Set.of(OrganisationType.STATE_AGENCY), Set.of(NATIONAL.agreementId()),
                        Set.of(named)), false, Set.of(), POLICE);
        assertThat(decide(PolicyWorld.reader(named, SECRET, Set.of()), m)).isEqualTo(VISIBLE);
        assertThat(decide(PolicyWorld.reader(colleague, SECRET, Set.of()), m)).isEqualTo(HIDDEN);
        assertThat(decide(cleared(INTELLIGENCE), m)).isEqualTo(HIDDEN);
    }

    @Test
    void namedRecipientOfRedStillNeedsClearance() {
        String named = firstUserOf(PLATFORM);
        Marking m = marking(CONFIDENTIAL, Tlp.RED, users(named), POLICE);
        assertThat(decide(PolicyWorld.reader(named, RESTRICTED, Set.of()), m)).isEqualTo(EXISTENCE_ONLY);
    }

    @Test
    void hitNoHitNeverForTlpRed() {
        Marking m = marking(UNCLASSIFIED, Tlp.RED, users(firstUserOf(CIVIL_SOCIETY)), POLICE);
        assertThat(NATIONAL.parties()).contains(POLICE, INTELLIGENCE);
        assertThat(decide(cleared(INTELLIGENCE), m)).isEqualTo(HIDDEN);
        assertThat(decide(cleared(REGIONAL_BODY), m)).isEqualTo(HIDDEN);
    }

    @Test
    void amberStrictReachesOwnerAndNamedOrganisationsOnly() {
        Marking m = marking(UNCLASSIFIED, Tlp.AMBER_STRICT, Releasability.toOrganisations(PLATFORM), POLICE);
        assertThat(decide(cleared(POLICE), m)).isEqualTo(VISIBLE);
        assertThat(decide(cleared(PLATFORM), m)).isEqualTo(VISIBLE);
        assertThat(decide(cleared(CIVIL_SOCIETY), m)).isEqualTo(HIDDEN);
    }

    @Test
    void amberStrictIgnoresOrganisationTypesAndAgreements() {
        Marking m = marking(UNCLASSIFIED, Tlp.AMBER_STRICT,
                new Releasability(Set.of(), Set.of(OrganisationType.CIVIL_SOCIETY_ORGANISATION),
                        Set.of(REGIONAL.agreementId()), Set.of()), POLICE);
        assertThat(decide(cleared(CIVIL_SOCIETY), m)).isEqualTo(HIDDEN);
        assertThat(decide(cleared(REGIONAL_BODY), m)).as("party to REGIONAL with the owner: hit/no-hit only")
                .isEqualTo(EXISTENCE_ONLY);
    }

    @Test
    void amberReachesNamedOrganisationTypes() {
        Marking m = marking(UNCLASSIFIED, Tlp.AMBER, types(OrganisationType.TECHNOLOGY_PLATFORM), POLICE);
        assertThat(decide(cleared(PLATFORM), m)).isEqualTo(VISIBLE);
        assertThat(decide(cleared(CIVIL_SOCIETY), m)).isEqualTo(HIDDEN);
    }

    @Test
    void amberReachesPartiesOfANamedAgreementInForce() {
        Marking m = marking(RESTRICTED, Tlp.AMBER, agreements(REGIONAL.agreementId()), POLICE);
        assertThat(decide(cleared(REGIONAL_BODY), m)).isEqualTo(VISIBLE);
        assertThat(decide(cleared(INTELLIGENCE), m)).as("NATIONAL partner, not named").isEqualTo(EXISTENCE_ONLY);
    }

    @Test
    void amberDoesNotReachTheOwnersCommunityUnlessNamed() {
        Marking m = marking(UNCLASSIFIED, Tlp.AMBER, Releasability.NONE, POLICE);
        assertThat(decide(cleared(INTELLIGENCE), m)).isEqualTo(EXISTENCE_ONLY);
    }

    @Test
    void namedAgreementWithoutTheOwnerAsPartyDoesNotRelease() {
        Marking m = marking(UNCLASSIFIED, Tlp.AMBER, agreements(PREVENTION.agreementId()), POLICE);
        assertThat(PREVENTION.parties()).doesNotContain(POLICE);
        assertThat(decide(cleared(PLATFORM), m)).isEqualTo(HIDDEN);
    }

    @Test
    void greenReachesOwnersAgreementCommunity() {
        Marking m = marking(UNCLASSIFIED, Tlp.GREEN, Releasability.NONE, PARTNER_CELL);
        assertThat(decide(cleared(POLICE), m)).as("NATIONAL").isEqualTo(VISIBLE);
        assertThat(decide(cleared(PLATFORM), m)).as("PREVENTION").isEqualTo(VISIBLE);
        assertThat(decide(cleared(REGIONAL_BODY), m)).as("no agreement with the owner").isEqualTo(HIDDEN);
    }

    @Test
    void greenCommunityFollowsTheInformationTypeScope() {
        Marking m = marking(UNCLASSIFIED, Tlp.GREEN, Releasability.NONE, PARTNER_CELL);
        assertThat(AccessPolicy.decide(cleared(PLATFORM), ENTITY, m).visibility()).isEqualTo(VISIBLE);
        assertThat(AccessPolicy.decide(cleared(PLATFORM), WATCHLIST, m).visibility()).isEqualTo(HIDDEN);
    }

    @Test
    void originatorControlLimitsToOwnerAndNamedOrganisations() {
        Releasability wide = new Releasability(Set.of(REGIONAL_BODY), Set.of(OrganisationType.TECHNOLOGY_PLATFORM),
                Set.of(NATIONAL.agreementId()), Set.of());
        for (Tlp tlp : List.of(Tlp.GREEN, Tlp.AMBER)) {
            Marking m = new Marking(UNCLASSIFIED, tlp, wide, true, Set.of(), POLICE);
            assertThat(decide(cleared(POLICE), m)).as("%s owner", tlp).isEqualTo(VISIBLE);
            assertThat(decide(cleared(REGIONAL_BODY), m)).as("%s named organisation", tlp).isEqualTo(VISIBLE);
            assertThat(decide(cleared(PLATFORM), m)).as("%s named type", tlp).isEqualTo(HIDDEN);
            assertThat(decide(cleared(INTELLIGENCE), m)).as("%s named agreement: ask the originator", tlp)
                    .isEqualTo(EXISTENCE_ONLY);
        }
    }

    @Test
    void suspendedAgreementGrantsNothing() {
        // identity builds readers from agreements in force only, so a suspended agreement is simply absent
        Marking named = marking(UNCLASSIFIED, Tlp.AMBER, agreements(SUSPENDED.agreementId()), INTELLIGENCE);
        Marking green = marking(UNCLASSIFIED, Tlp.GREEN, Releasability.NONE, INTELLIGENCE);
        Reader civilSociety = cleared(CIVIL_SOCIETY);
        assertThat(civilSociety.agreements()).doesNotContain(SUSPENDED);
        assertThat(decide(civilSociety, named)).isEqualTo(HIDDEN);
        assertThat(decide(civilSociety, green)).isEqualTo(HIDDEN);
        Reader stillSigned = PolicyWorld.reader(firstUserOf(CIVIL_SOCIETY), SECRET, Set.of(), List.of(SUSPENDED));
        assertThat(decide(stillSigned, named)).as("the same reader while it was in force").isEqualTo(VISIBLE);
    }

    @Test
    void readerWhoseAgreementsWereAllSuspendedKeepsOnlyOrganisationReleases() {
        Marking green = marking(UNCLASSIFIED, Tlp.GREEN, Releasability.toOrganisations(REGIONAL_BODY), INTELLIGENCE);
        assertThat(decide(clearedWithout(POLICE), green)).isEqualTo(HIDDEN);
        assertThat(decide(clearedWithout(REGIONAL_BODY), green)).isEqualTo(VISIBLE);
    }

    @Test
    void agreementCeilingBelowClassificationDoesNotRelease() {
        Marking m = marking(CONFIDENTIAL, Tlp.AMBER, agreements(REGIONAL.agreementId()), POLICE);
        assertThat(REGIONAL.maxClassificationRank()).isLessThan(CONFIDENTIAL);
        assertThat(decide(cleared(REGIONAL_BODY), m)).as("hit/no-hit only").isEqualTo(EXISTENCE_ONLY);
        Marking green = marking(CONFIDENTIAL, Tlp.GREEN, Releasability.NONE, PARTNER_CELL);
        assertThat(decide(cleared(PLATFORM), green)).isEqualTo(EXISTENCE_ONLY);
    }

    @Test
    void agreementOutsideScopeDoesNotRelease() {
        Marking m = marking(UNCLASSIFIED, Tlp.AMBER, agreements(REGIONAL.agreementId()), POLICE);
        assertThat(REGIONAL.covers(ENTITY)).isFalse();
        assertThat(AccessPolicy.decide(cleared(REGIONAL_BODY), ENTITY, m).visibility())
                .as("not even hit/no-hit outside the agreement's scope").isEqualTo(HIDDEN);
        assertThat(AccessPolicy.decide(cleared(REGIONAL_BODY), REPORT, m).visibility()).isEqualTo(VISIBLE);
    }

    @Test
    void clearanceBelowLevelGivesExistenceOnly() {
        Marking m = marking(SECRET, Tlp.AMBER_STRICT, Releasability.NONE, POLICE);
        Decision d = AccessPolicy.decide(PolicyWorld.reader(firstUserOf(POLICE), CONFIDENTIAL, Set.of()), REPORT, m);
        assertThat(d.visibility()).isEqualTo(EXISTENCE_ONLY);
        assertThat(d.reason()).contains("clearance");
        assertThat(decide(PolicyWorld.reader(firstUserOf(POLICE), SECRET, Set.of()), m)).isEqualTo(VISIBLE);
    }

    @Test
    void missingCaveatGivesExistenceOnly() {
        Marking m = new Marking(UNCLASSIFIED, Tlp.AMBER, Releasability.NONE, false, Set.of("NOFORN", "HUMINT"), POLICE);
        Reader one = PolicyWorld.reader(firstUserOf(POLICE), SECRET, Set.of("NOFORN"));
        Reader both = PolicyWorld.reader(firstUserOf(POLICE), SECRET, Set.of("NOFORN", "HUMINT", "CT"));
        Decision d = AccessPolicy.decide(one, REPORT, m);
        assertThat(d.visibility()).isEqualTo(EXISTENCE_ONLY);
        assertThat(d.reason()).contains("caveat");
        assertThat(decide(both, m)).isEqualTo(VISIBLE);
    }

    @Test
    void clearanceAndCaveatsNeverWidenTheAudience() {
        Marking m = marking(UNCLASSIFIED, Tlp.AMBER_STRICT, Releasability.NONE, POLICE);
        assertThat(decide(cleared(CIVIL_SOCIETY), m)).isEqualTo(HIDDEN);
    }

    @Test
    void hitNoHitForAPartnerOfTheOwnerIgnoresTheCeilingButNotTheScope() {
        Marking secret = marking(SECRET, Tlp.AMBER_STRICT, Releasability.NONE, POLICE);
        Decision d = AccessPolicy.decide(cleared(REGIONAL_BODY), REPORT, secret);
        assertThat(d.visibility()).isEqualTo(EXISTENCE_ONLY);
        assertThat(d.reason()).contains("hit/no-hit");
        assertThat(AccessPolicy.decide(cleared(REGIONAL_BODY), WATCHLIST, secret).visibility()).isEqualTo(HIDDEN);
    }

    @Test
    void organisationWithoutAgreementWithTheOwnerLearnsNothing() {
        Marking m = marking(UNCLASSIFIED, Tlp.GREEN, Releasability.NONE, REGIONAL_BODY);
        assertThat(decide(cleared(CIVIL_SOCIETY), m)).isEqualTo(HIDDEN);
        assertThat(decide(cleared(INTELLIGENCE), m)).isEqualTo(HIDDEN);
        assertThat(decide(cleared(POLICE), m)).isEqualTo(VISIBLE);
    }

    @Test
    void namedUsersWidenOnlyTlpRed() {
        Marking m = marking(UNCLASSIFIED, Tlp.AMBER, users(firstUserOf(CIVIL_SOCIETY)), POLICE);
        assertThat(decide(cleared(CIVIL_SOCIETY), m)).isEqualTo(HIDDEN);
    }
}
