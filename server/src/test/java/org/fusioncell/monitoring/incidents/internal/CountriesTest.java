package org.fusioncell.monitoring.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Country codes and names from the JDK's locale data, with the names datasets use. */
class CountriesTest {

    @Test
    void namesAndCodesResolveToIso3() {
        assertThat(Countries.resolve("Syria")).contains("SYR");
        assertThat(Countries.resolve("syr")).contains("SYR");
        assertThat(Countries.resolve("Mali")).contains("MLI");
        assertThat(Countries.resolve("Yemen (North Yemen)")).contains("YEM");
        assertThat(Countries.resolve("DR Congo (Zaire)")).contains("COD");
        assertThat(Countries.resolve("Russia (Soviet Union)")).contains("RUS");
        assertThat(Countries.resolve("Turkey")).contains("TUR");
        assertThat(Countries.resolve("Nigeria")).contains("NGA");
        assertThat(Countries.resolve("Niger")).contains("NER");
        assertThat(Countries.resolve("Atlantis")).isEmpty();
        assertThat(Countries.resolve("XYZ")).isEmpty();
        assertThat(Countries.isCode("SYR")).isTrue();
        assertThat(Countries.isCode("SY")).isFalse();
    }
}
