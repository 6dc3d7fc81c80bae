package org.fusioncell.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.fusioncell.identity.internal.Totp;
import org.junit.jupiter.api.Test;

class TotpTest {

    @Test
    void matchesTheRfc6238TestVector() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(key, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(key, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void base32RoundTripsAndRefusesOtherText() {
        String secret = Totp.newSecret();
        assertThat(Totp.encode(Totp.decodeSecret(secret))).isEqualTo(secret);
        assertThat(Totp.decodeSecret("gezdgnbvgy3tqojqgezdgnbvgy3tqojq")).isEqualTo("12345678901234567890".getBytes());
        assertThatThrownBy(() -> Totp.decodeSecret("not base32 at all 0189!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCodeIsGoodOnceAndOnlyNearItsTime() {
        String secret = Totp.newSecret();
        Instant now = Instant.now();
        String code = Totp.code(Totp.decodeSecret(secret), now);
        var step = Totp.matchingStep(secret, code, now, null);
        assertThat(step).isPresent();
        assertThat(Totp.matchingStep(secret, code, now, step.getAsLong())).isEmpty();
        assertThat(Totp.matchingStep(secret, code, now.plusSeconds(600), null)).isEmpty();
    }
}
