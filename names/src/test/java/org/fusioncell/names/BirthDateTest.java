package org.fusioncell.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BirthDateTest {

    @Test
    void readsTheFormsListsUse() {
        assertThat(BirthDate.parse("1975").toString()).isEqualTo("1975");
        assertThat(BirthDate.parse("1975-03").isExactDay()).isFalse();
        assertThat(BirthDate.parse("1975-03-02").isExactDay()).isTrue();
        assertThat(BirthDate.parse("02/03/1975")).isEqualTo(BirthDate.parse("1975-03-02"));
        assertThat(BirthDate.parse("1960..1962").toString()).isEqualTo("1960..1962");
    }

    @Test
    void yearsApartIsZeroWhenTheRangesOverlap() {
        assertThat(BirthDate.parse("1960..1962").yearsApart(BirthDate.parse("1961-05-05"))).isZero();
        assertThat(BirthDate.parse("1950").yearsApart(BirthDate.parse("1962-01-01"))).isEqualTo(12);
        assertThat(BirthDate.parse("1975-03-02").overlaps(BirthDate.parse("1975-03-03"))).isFalse();
    }

    @Test
    void badDatesAreRefusedNamingTheText() {
        assertThatThrownBy(() -> BirthDate.parse("1975-13-01")).hasMessageContaining("1975-13-01");
        assertThatThrownBy(() -> BirthDate.parse("yesterday")).hasMessageContaining("expected YYYY");
        assertThatThrownBy(() -> BirthDate.parse("1970..1960")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countriesResolveCodesAndNamesInThreeLanguages() {
        assertThat(Countries.code("Iraq")).contains("iq");
        assertThat(Countries.code("IRQ")).contains("iq");
        assertThat(Countries.code("Syrian Arab Republic")).contains("sy");
        assertThat(Countries.code("Algérie")).contains("dz");
        assertThat(Countries.code("العراق")).contains("iq");
        assertThat(Countries.code("Atlantis")).isEmpty();
    }
}
