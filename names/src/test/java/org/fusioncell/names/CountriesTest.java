package org.fusioncell.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CountriesTest {

    @Test
    void codesNamesAndLongFormsResolve() {
        assertEquals(Optional.of("sy"), Countries.code("Syrian Arab Republic"));
        assertEquals(Optional.of("sy"), Countries.code("SYR"));
        assertEquals(Optional.of("iq"), Countries.code("Iraq"));
        assertEquals(Optional.of("iq"), Countries.code("العراق"));
        assertEquals(Optional.of("dz"), Countries.code("Algérie"));
    }

    @Test
    void ofacsInvertedFormsResolve() {
        assertEquals(Optional.of("kp"), Countries.code("Korea, North"));
        assertEquals(Optional.of("kr"), Countries.code("Korea, South"));
        assertEquals(Optional.of("vg"), Countries.code("Virgin Islands, British"));
        assertEquals(Optional.of("im"), Countries.code("Man, Isle of"));
        assertEquals(Optional.of("cd"), Countries.code("Congo, Democratic Republic of the"));
    }

    @Test
    void ampersandAndSaintFormsResolveBothWays() {
        assertEquals(Optional.of("ba"), Countries.code("Bosnia and Herzegovina"));
        assertEquals(Optional.of("tt"), Countries.code("Trinidad and Tobago"));
        assertEquals(Optional.of("kn"), Countries.code("Saint Kitts and Nevis"));
        assertEquals(Optional.of("kn"), Countries.code("St. Kitts & Nevis"));
        assertEquals(Optional.of("lc"), Countries.code("Saint Lucia"));
        assertEquals(Optional.of("tr"), Countries.code("Turkey"));
        assertEquals(Optional.of("hk"), Countries.code("Hong Kong"));
    }

    @Test
    void textsNamingNoCountryGiveNothing() {
        assertEquals(Optional.empty(), Countries.code("former Soviet Union"));
        assertEquals(Optional.empty(), Countries.code("Atlantis"));
        assertEquals(Optional.empty(), Countries.code(" "));
        assertEquals(Optional.empty(), Countries.code(null));
    }
}
