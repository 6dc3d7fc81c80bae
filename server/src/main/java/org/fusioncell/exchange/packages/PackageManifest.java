package org.fusioncell.exchange.packages;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code manifest.json} of an offline package says (docs/packages.md). {@code signer}: fingerprint
 * (hex SHA-256 of the X.509 encoding) of the sending installation's key; {@code recipient}: that of the key
 * registered for the partner when the package was built, null if none was; {@code partnerId}/{@code partnerName}:
 * the partner cell as the sender knows it; {@code firstAdded}/{@code lastAdded}: the range of TAXII dates added
 * the objects cover (null when empty); {@code more}: further objects wait for the next package;
 * {@code sha256}: of {@code objects.json}.
 */
public record PackageManifest(String id, Instant created, String signer, String recipient, String partnerId,
                              String partnerName, String collectionId, String collectionTitle, Instant since,
                              Instant firstAdded, Instant lastAdded, int objects, boolean more, String sha256) {

    public static final String FORMAT = "fusioncell-package/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The manifest as written, fields in a fixed order. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("id", id);
        m.put("created", created.toString());
        Map<String, Object> signerKey = new LinkedHashMap<>();
        signerKey.put("algorithm", "Ed25519");
        signerKey.put("fingerprint", signer);
        m.put("signer", signerKey);
        if (recipient != null) {
            m.put("recipient", Map.of("fingerprint", recipient));
        }
        Map<String, Object> partner = new LinkedHashMap<>();
        partner.put("id", partnerId);
        partner.put("name", partnerName);
        m.put("partner", partner);
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("id", collectionId);
        collection.put("title", collectionTitle);
        m.put("collection", collection);
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("added_after", since == null ? null : since.toString());
        range.put("first_date_added", firstAdded == null ? null : firstAdded.toString());
        range.put("last_date_added", lastAdded == null ? null : lastAdded.toString());
        m.put("range", range);
        m.put("objects", objects);
        m.put("more", more);
        m.put("sha256", Map.of("objects.json", sha256));
        return m;
    }

    /** Reads {@code manifest.json}; anything missing or malformed is refused naming {@code manifest.json}. */
    public static PackageManifest parse(byte[] bytes) {
        Object parsed;
        try {
            parsed = JSON.readValue(bytes, Object.class);
        } catch (JacksonException e) {
            throw bad("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw bad("not a JSON object");
        }
        if (!FORMAT.equals(m.get("format"))) {
            throw bad("format is not " + FORMAT);
        }
        Map<?, ?> range = object(m, "range");
        Object count = m.get("objects");
        if (!(count instanceof Integer n) || n < 0) {
            throw bad("objects: not a count");
        }
        if (!(m.get("more") instanceof Boolean more)) {
            throw bad("more: not true or false");
        }
        String sha = text(object(m, "sha256"), "sha256.objects.json", true);
        if (!sha.matches("[0-9a-f]{64}")) {
            throw bad("sha256.objects.json: not a hex SHA-256");
        }
        Map<?, ?> recipient = m.get("recipient") instanceof Map<?, ?> r ? r : null;
        String id = text(m, "id", true);
        if (!Ids.isWellFormed(id)) {
            throw bad("id: not a package id");
        }
        for (String path : new String[] {"partner.id", "collection.id"}) {
            if (text(object(m, path.substring(0, path.indexOf('.'))), path, true).length() > 36) {
                throw bad(path + ": longer than 36 characters");
            }
        }
        return new PackageManifest(id, instant(m, "created", true),
                text(object(m, "signer"), "signer.fingerprint", true),
                recipient == null ? null : text(recipient, "recipient.fingerprint", true),
                text(object(m, "partner"), "partner.id", true), text(object(m, "partner"), "partner.name", true),
                text(object(m, "collection"), "collection.id", true),
                text(object(m, "collection"), "collection.title", true),
                instant(range, "range.added_after", false), instant(range, "range.first_date_added", false),
                instant(range, "range.last_date_added", false), n, more, sha);
    }

    private static Map<?, ?> object(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Map<?, ?> inner)) {
            throw bad(key + ": missing");
        }
        return inner;
    }

    private static String text(Map<?, ?> m, String path, boolean required) {
        String key = path.contains(".") ? path.substring(path.indexOf('.') + 1) : path;
        Object v = m.get(key);
        if (v instanceof String s && !s.isBlank() && s.length() <= 500) {
            return s;
        }
        if (v == null && !required) {
            return null;
        }
        throw bad(path + ": missing or not text");
    }

    private static Instant instant(Map<?, ?> m, String path, boolean required) {
        String t = text(m, path, required);
        try {
            return t == null ? null : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw bad(path + ": not an ISO-8601 instant");
        }
    }

    private static InvalidInputException bad(String problem) {
        return new InvalidInputException("manifest.json", problem);
    }
}
