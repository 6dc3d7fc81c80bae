package org.fusioncell.exchange.hits.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.NameParser;
import org.fusioncell.names.NameToken;

/**
 * The minimised forms both sides compute the same way (plain Java, no Spring). A name becomes the sorted,
 * distinct keys of its significant parts: the names engine's consonant skeleton (as entities key names for
 * resolution) with {@code d} folded into {@code t}, because an Arabic د and a Latin final "d" meet there
 * (حامد {@code md}, Hamid {@code mt}); articles, connectors and titles are left out. An identifier becomes
 * the HMAC-SHA256 of its normalised key under the agreement's shared key.
 */
final class Minimising {

    static final int MIN_KEY_BYTES = 32;

    private Minimising() {
    }

    /** The keys of one name; empty when it has no significant part. */
    static List<String> nameKeys(String name) {
        TreeSet<String> keys = new TreeSet<>();
        for (NameToken t : NameParser.parse(name).tokens()) {
            if (t.role() == NameToken.Role.NAME) {
                keys.add(t.skeleton().isEmpty() ? "t:" + t.text() : "s:" + t.skeleton().replace('d', 't'));
            }
        }
        return List.copyOf(keys);
    }

    /**
     * Whether a held name matches the query's keys: every part of the shorter of the two is in the other, and
     * at least two parts are shared (one given name alone tells no one apart).
     */
    static boolean namesMatch(List<String> query, List<String> held) {
        long shared = query.stream().filter(held::contains).count();
        return shared >= 2 && shared >= Math.min(query.size(), held.size());
    }

    /** The date of birth as it leaves: {@code YYYY-MM-DD}, or the year alone when the rule says {@code YEAR}. */
    static String birthDate(BirthDate date, String precision) {
        if ("YEAR".equals(precision) || !date.isExactDay()) {
            return String.valueOf(date.earliest().getYear());
        }
        return date.earliest().toString();
    }

    /** A held date of birth is compatible when unknown (it cannot exclude) or when the two can be the same day. */
    static boolean birthDatesMatch(String query, String held) {
        if (held == null || held.isBlank()) {
            return true;
        }
        try {
            return BirthDate.parse(query).overlaps(BirthDate.parse(held));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    static byte[] key(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** base64url without padding of HMAC-SHA256(key, identifier key in UTF-8). */
    static String hash(Mac mac, String identifierKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(identifierKey.getBytes(StandardCharsets.UTF_8)));
    }
}
