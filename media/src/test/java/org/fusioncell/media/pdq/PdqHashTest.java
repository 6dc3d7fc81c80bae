package org.fusioncell.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PdqHashTest {

    private static final String HEX = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    @Test
    void hexRoundTripsAndUpperCaseIsAccepted() {
        assertThat(PdqHash.fromHex(HEX).toHex()).isEqualTo(HEX);
        assertThat(PdqHash.fromHex(HEX.toUpperCase())).isEqualTo(PdqHash.fromHex(HEX));
        assertThat(PdqHash.fromHex(HEX).bitCount()).isEqualTo(128);
    }

    @Test
    void bitZeroIsTheLowestBitOfTheLastHexDigitAsInTheReference() {
        boolean[] bits = new boolean[256];
        bits[0] = true;
        bits[255] = true;
        bits[17] = true;
        PdqHash h = PdqHash.fromBits(bits);
        assertThat(h.toHex()).isEqualTo("8" + "0".repeat(58) + "20001");
        assertThat(h.bit(0)).isTrue();
        assertThat(h.bit(17)).isTrue();
        assertThat(h.bit(1)).isFalse();
    }

    @Test
    void distanceCountsDifferingBits() {
        PdqHash a = PdqHash.fromHex(HEX);
        PdqHash b = PdqHash.fromHex("0" + HEX.substring(1)); // f -> 0: four bits
        assertThat(a.distance(b)).isEqualTo(4);
        assertThat(a.distance(a)).isZero();
        assertThat(PdqHash.fromHex("0".repeat(64)).distance(PdqHash.fromHex("f".repeat(64)))).isEqualTo(256);
    }

    @Test
    void malformedHexIsRefusedWithTheReason() {
        assertThatThrownBy(() -> PdqHash.fromHex(HEX.substring(2))).hasMessageContaining("got 62 characters");
        assertThatThrownBy(() -> PdqHash.fromHex("g" + HEX.substring(1))).hasMessageContaining("character 1");
        assertThatThrownBy(() -> PdqHash.fromHex(null)).hasMessageContaining("got nothing");
    }
}
