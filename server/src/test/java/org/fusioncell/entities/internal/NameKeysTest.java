package org.fusioncell.entities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fusioncell.entities.EntityType;
import org.junit.jupiter.api.Test;

class NameKeysTest {

    @Test
    void anArabicNameAndItsLatinRomanisationAreStoredUnderTheSameKeys() {
        assertThat(NameKeys.stored(List.of("مختار بلمختار"))).isEqualTo(NameKeys.stored(List.of("Mokhtar Belmokhtar")))
                .containsExactly("s:mktr", "s:blmktr");
    }

    @Test
    void articlesConnectorsAndTitlesAreNotKeys() {
        assertThat(NameKeys.stored(List.of("Sheikh Mohamed Ould Ahmed al-Amin"))).doesNotContain("s:ld", "s:l")
                .contains("s:mn");
    }

    @Test
    void aQueryFindsASpellingOneConsonantAwayButNotAnotherName() {
        var query = NameKeys.query(List.of("Belmokhtar"));
        assertThat(query).contains("s:blmktr", "s:blmkt", "s:blmktn", "s:blnmktr");
        assertThat(NameKeys.stored(List.of("Belmoktar"))).allMatch(query::contains);
        assertThat(NameKeys.stored(List.of("Droukdel"))).noneMatch(query::contains);
    }

    @Test
    void shortSkeletonsAreLookedUpAsTheyAreButForAnUnvoicedFinalD() {
        // one consonant in three changed is another name (Salem, Malek); Latin "Ahmed" ends unvoiced where أحمد has a d
        assertThat(NameKeys.query(List.of("Omar"))).containsExactly("s:mr");
        assertThat(NameKeys.query(List.of("Saleck"))).containsExactly("s:slk");
        assertThat(NameKeys.query(List.of("Ali"))).containsExactly("s:l");
        assertThat(NameKeys.query(List.of("Ahmed"))).containsExactlyInAnyOrder("s:mt", "s:md");
        assertThat(NameKeys.stored(List.of("أحمد"))).allMatch(NameKeys.query(List.of("Ahmed"))::contains);
    }

    @Test
    void theMostFrequentGivenNamesAreLookedUpOnlyWhenTheNameHasNothingRarer() {
        assertThat(NameKeys.query(List.of("Mohamed Belmokhtar"))).contains("s:blmktr")
                .doesNotContainAnyElementsOf(NameKeys.stored(List.of("Mohamed")));
        assertThat(NameKeys.query(List.of("Mohamed Ahmed"))).containsAll(NameKeys.stored(List.of("Mohamed Ahmed")));
    }

    @Test
    void aNameWithoutConsonantsIsKeptAsWritten() {
        assertThat(NameKeys.stored(List.of("Aya"))).containsExactly("t:aya");
    }

    @Test
    void aPersonIsKnownByItsNamesAndAliasesAndAGroupByItsNameToo() {
        Map<String, Object> person = Map.of("names", List.of(Map.of("value", "Iyad Ag Ghali", "script", "Latin")),
                "aliases", List.of(Map.of("value", "Abou Fadl", "script", "Latin")), "dateOfBirth", "1954");
        assertThat(NameKeys.names(EntityType.PERSON, person)).containsExactly("Iyad Ag Ghali", "Abou Fadl");
        assertThat(NameKeys.names(EntityType.GROUP, Map.of("name", "Ansar Dine",
                "aliases", List.of(Map.of("value", "أنصار الدين"))))).containsExactly("Ansar Dine", "أنصار الدين");
        assertThat(NameKeys.names(EntityType.PHONE, Map.of("number", "+22245251234"))).isEmpty();
    }
}
