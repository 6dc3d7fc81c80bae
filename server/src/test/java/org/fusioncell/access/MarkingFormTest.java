package org.fusioncell.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.MarkingForm.ReleasabilityForm;
import org.fusioncell.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link MarkingForm}: every bad value is refused naming its field; the usual TLP spellings are accepted. */
class MarkingFormTest {

    private static final String OWNER = PolicyWorld.POLICE;
    private static final String AUTHOR = PolicyWorld.firstUserOf(OWNER);
    private static final String UNKNOWN_ID = "00000000-0000-7000-8000-0000000000ff";

    /** The world's ids are known; anything else is not. A lambda per question, as identity will answer. */
    private static final MarkingVocabulary VOCABULARY = new MarkingVocabulary() {
        @Override
        public boolean isOrganisation(String id) {
            return PolicyWorld.ORGANISATIONS.containsKey(id);
        }

        @Override
        public boolean isAgreement(String id) {
            return PolicyWorld.AGREEMENTS.stream().anyMatch(a -> a.agreementId().equals(id));
        }

        @Override
        public boolean isUser(String id) {
            return PolicyWorld.USERS.containsKey(id);
        }
    };

    private static ReleasabilityForm releasability(List<String> orgs, List<String> types, List<String> agreements,
                                                   List<String> users) {
        return new ReleasabilityForm(orgs, types, agreements, users);
    }

    private static Marking convert(MarkingForm form, String author) {
        return form.toMarking(ClassificationScheme.DEFAULT, VOCABULARY, OWNER, author, "marking");
    }

    private static String refusedField(MarkingForm form, String author) {
        try {
            convert(form, author);
        } catch (InvalidInputException e) {
            assertThat(e.problem()).isNotBlank();
            return e.field();
        }
        throw new AssertionError("accepted " + form);
    }

    @Test
    void acceptsAFullFormAndKeepsEveryField() {
        MarkingForm form = new MarkingForm("confidential", "TLP:AMBER", releasability(
                List.of(PolicyWorld.PLATFORM), List.of("state_agency"), List.of(PolicyWorld.NATIONAL.agreementId()),
                List.of(PolicyWorld.firstUserOf(PolicyWorld.PLATFORM))), true, List.of("noforn", " CT "));
        Marking m = convert(form, AUTHOR);
        assertThat(m.classificationRank()).isEqualTo(PolicyWorld.CONFIDENTIAL);
        assertThat(m.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(m.originatorControl()).isTrue();
        assertThat(m.caveats()).containsExactlyInAnyOrder("NOFORN", "CT");
        assertThat(m.ownerOrganisation()).isEqualTo(OWNER);
        assertThat(m.releasability().organisations()).containsExactly(PolicyWorld.PLATFORM);
        assertThat(m.releasability().organisationTypes()).containsExactly(OrganisationType.STATE_AGENCY);
        assertThat(m.releasability().agreements()).containsExactly(PolicyWorld.NATIONAL.agreementId());
        assertThat(m.releasability().users()).containsExactly(PolicyWorld.firstUserOf(PolicyWorld.PLATFORM));
    }

    @ParameterizedTest
    @CsvSource({"TLP:AMBER+STRICT, AMBER_STRICT", "amber_strict, AMBER_STRICT", "amber+strict, AMBER_STRICT",
            "WHITE, CLEAR", "tlp:white, CLEAR", "TLP:CLEAR, CLEAR", "green, GREEN", "TLP: RED, RED",
            "Amber-Strict, AMBER_STRICT"})
    void acceptsTheUsualTlpSpellings(String spelling, Tlp expected) {
        MarkingForm form = new MarkingForm("UNCLASSIFIED", spelling, null, null, null);
        assertThat(convert(form, AUTHOR).tlp()).isEqualTo(expected);
    }

    @Test
    void refusesAMissingOrUnknownClassification() {
        assertThat(refusedField(new MarkingForm(null, "GREEN", null, null, null), AUTHOR)).isEqualTo("marking.classification");
        assertThat(refusedField(new MarkingForm("TOP SECRET", "GREEN", null, null, null), AUTHOR))
                .isEqualTo("marking.classification");
    }

    @Test
    void refusesAMissingOrUnknownTlp() {
        assertThat(refusedField(new MarkingForm("SECRET", null, null, null, null), AUTHOR)).isEqualTo("marking.tlp");
        assertThat(refusedField(new MarkingForm("SECRET", "TLP:PURPLE", null, null, null), AUTHOR)).isEqualTo("marking.tlp");
    }

    @Test
    void refusesAnUnknownOrganisationTypeByIndex() {
        MarkingForm form = new MarkingForm("SECRET", "AMBER",
                releasability(null, List.of("STATE_AGENCY", "PRESS"), null, null), null, null);
        assertThat(refusedField(form, AUTHOR)).isEqualTo("marking.releasability.organisationTypes[1]");
    }

    @Test
    void refusesUnknownOrMalformedIdsByIndex() {
        List<String> good = List.of(PolicyWorld.PLATFORM);
        assertThat(refusedField(new MarkingForm("SECRET", "AMBER",
                releasability(List.of(PolicyWorld.PLATFORM, UNKNOWN_ID), null, null, null), null, null), AUTHOR))
                .isEqualTo("marking.releasability.organisations[1]");
        assertThat(refusedField(new MarkingForm("SECRET", "AMBER",
                releasability(good, null, List.of("not-an-id"), null), null, null), AUTHOR))
                .isEqualTo("marking.releasability.agreements[0]");
        assertThat(refusedField(new MarkingForm("SECRET", "AMBER",
                releasability(good, null, List.of(UNKNOWN_ID), null), null, null), AUTHOR))
                .isEqualTo("marking.releasability.agreements[0]");
        assertThat(refusedField(new MarkingForm("SECRET", "RED",
                releasability(null, null, null, Arrays.asList(AUTHOR, null)), null, null), AUTHOR))
                .isEqualTo("marking.releasability.users[1]");
        assertThat(refusedField(new MarkingForm("SECRET", "RED",
                releasability(null, null, null, List.of(UNKNOWN_ID)), null, null), AUTHOR))
                .isEqualTo("marking.releasability.users[0]");
    }

    @Test
    void refusesABadCaveatByIndex() {
        List<String> caveats = new ArrayList<>(List.of("NOFORN", "no spaces allowed"));
        assertThat(refusedField(new MarkingForm("SECRET", "AMBER", null, null, caveats), AUTHOR))
                .isEqualTo("marking.caveats[1]");
        assertThat(refusedField(new MarkingForm("SECRET", "AMBER", null, null, List.of("")), AUTHOR))
                .isEqualTo("marking.caveats[0]");
        assertThat(refusedField(new MarkingForm("SECRET", "AMBER", null, null, List.of("X".repeat(33))), AUTHOR))
                .isEqualTo("marking.caveats[0]");
    }

    @Test
    void refusesRedWithoutRecipients() {
        assertThat(refusedField(new MarkingForm("SECRET", "TLP:RED", null, null, null), null))
                .isEqualTo("marking.releasability.users");
    }

    @Test
    void redAlwaysNamesItsAuthor() {
        Marking m = convert(new MarkingForm("SECRET", "TLP:RED", null, null, null), AUTHOR);
        assertThat(m.releasability().users()).containsExactly(AUTHOR);
    }

    @Test
    void usesTheFieldPrefixItIsGiven() {
        MarkingForm form = new MarkingForm("NOPE", "GREEN", null, null, null);
        assertThatThrownBy(() -> form.toMarking(ClassificationScheme.DEFAULT, VOCABULARY, OWNER, AUTHOR, "items[3].marking"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("items[3].marking.classification"));
    }

    @Test
    void installationSchemeDecidesTheLevels() {
        ClassificationScheme scheme = new ClassificationScheme(List.of("PUBLIC", "DIFFUSION RESTREINTE", "SECRET"));
        Marking m = new MarkingForm("diffusion restreinte", "GREEN", null, null, null)
                .toMarking(scheme, VOCABULARY, OWNER, AUTHOR, "marking");
        assertThat(m.classificationRank()).isEqualTo(1);
        assertThat(m.caveats()).isEqualTo(Set.of());
    }
}
