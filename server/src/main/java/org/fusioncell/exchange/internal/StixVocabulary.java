package org.fusioncell.exchange.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.Tlp;

/**
 * The fixed parts of FusionCell's STIX 2.1: its namespace for deterministic ids, its extension definition,
 * the TLP 2.0 marking definitions (ids from the OASIS TLP 2.0 extension, cti-stix-common-objects
 * {@code extension-definition-specifications/tlp-2.0}) and the TLP 1.0 ones of the STIX 2.1 specification
 * (§7.2.1.4, as used in the OASIS example bundles), and the object types STIX 2.1 defines.
 */
public final class StixVocabulary {

    /** FusionCell's namespace: a STIX id of a FusionCell item is {@code type--UUIDv5(NAMESPACE, item id)}. */
    public static final UUID NAMESPACE = UUID.fromString("b6db4f3a-e943-4a42-862c-7b2d0069e918");

    public static final String EXTENSION_ID = "extension-definition--" + uuid5("fusioncell-stix-extension-1");
    public static final String INSTALLATION_IDENTITY = "identity--" + uuid5("fusioncell");
    public static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    public static final String TLP2_CREATED = "2022-10-01T00:00:00.000Z";
    public static final String EXTENSION_CREATED = "2026-11-22T00:00:00.000Z";
    /** FusionCell's identifiers without a STIX cyber-observable (phone, IBAN, vehicle, identity document). */
    public static final String IDENTIFIER_SCO = "x-fusioncell-identifier";

    private static final Map<Tlp, String> TLP2 = new EnumMap<>(Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"));

    /** TLP 1.0 (STIX 2.1 §7.2.1.4): WHITE reads as CLEAR. */
    private static final Map<String, Tlp> TLP1 = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED);

    static final Set<String> DOMAIN_OBJECTS = Set.of("attack-pattern", "campaign", "course-of-action", "grouping",
            "identity", "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware",
            "malware-analysis", "note", "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability");
    static final Set<String> RELATIONSHIP_OBJECTS = Set.of("relationship", "sighting");
    static final Set<String> CYBER_OBSERVABLES = Set.of("artifact", "autonomous-system", "directory", "domain-name",
            "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic",
            "process", "software", "url", "user-account", "windows-registry-key", "x509-certificate", IDENTIFIER_SCO);
    static final Set<String> META_OBJECTS = Set.of("marking-definition", "extension-definition", "language-content");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private StixVocabulary() {
    }

    public static String tlpMarking(Tlp tlp) {
        return TLP2.get(tlp);
    }

    /** The TLP a marking-definition id stands for (TLP 2.0 or 1.0), if it is one. */
    public static Optional<Tlp> tlpOf(String markingDefinitionId) {
        for (Map.Entry<Tlp, String> e : TLP2.entrySet()) {
            if (e.getValue().equals(markingDefinitionId)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.ofNullable(TLP1.get(markingDefinitionId));
    }

    /** The TLP 2.0 marking definition object, as the OASIS TLP 2.0 extension defines it. */
    public static Map<String, Object> tlpDefinition(Tlp tlp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "marking-definition");
        m.put("spec_version", "2.1");
        m.put("id", TLP2.get(tlp));
        m.put("created", TLP2_CREATED);
        m.put("name", tlp.label());
        m.put("extensions", Map.of(TLP2_EXTENSION, orderedPair("extension_type", "property-extension",
                "tlp_2_0", tlp.label().substring(4).toLowerCase(Locale.ROOT))));
        return m;
    }

    static boolean knownType(String type) {
        return DOMAIN_OBJECTS.contains(type) || RELATIONSHIP_OBJECTS.contains(type) || CYBER_OBSERVABLES.contains(type)
                || META_OBJECTS.contains(type);
    }

    /** Millisecond precision, always three digits, as STIX wants ({@code Instant.toString()} drops zeros). */
    public static String stamp(Instant at) {
        return STAMP.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    public static String stixId(String type, String itemId) {
        return type + "--" + uuid5(itemId);
    }

    /** RFC 9562 name-based UUID, version 5 (SHA-1), in FusionCell's namespace. */
    public static UUID uuid5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16);
            ns.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    static Map<String, Object> orderedPair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    static String relationshipType(org.fusioncell.entities.LinkType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
