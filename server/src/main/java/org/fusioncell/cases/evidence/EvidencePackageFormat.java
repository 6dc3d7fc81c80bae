package org.fusioncell.cases.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence package (docs/evidence.md) and its verification, without a database: the signature of
 * {@code manifest.json} by the installation key, the SHA-256 of every entry the manifest lists (and no entry it
 * does not), every item's intake hash, and every item's custody chain ({@link CustodyChain}).
 */
public final class EvidencePackageFormat {

    public static final String FORMAT = "fusioncell-evidence-package/1";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String SUMMARY = "summary.pdf";
    public static final String ITEMS = "items/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EvidencePackageFormat() {
    }

    /** What a verification found: {@code problem} null when the package is intact. */
    public record Verdict(String problem, String caseId, int items, int events) {
        public boolean intact() {
            return problem == null;
        }
    }

    /** An Ed25519 public key, base64 of its X.509 SubjectPublicKeyInfo (what the installation shows; PEM armour accepted). */
    public static PublicKey publicKey(String base64) {
        return org.fusioncell.shared.Ed25519Keys.publicKey(base64);
    }

    /** Checks the unpacked entries of a package against {@code key}. */
    public static Verdict verify(Map<String, byte[]> entries, PublicKey key) {
        byte[] manifest = entries.get(MANIFEST);
        byte[] signature = entries.get(SIGNATURE);
        if (manifest == null || signature == null) {
            return broken("manifest.json or manifest.sig is missing");
        }
        if (!signed(manifest, new String(signature, StandardCharsets.US_ASCII).strip(), key)) {
            return broken("manifest.sig does not verify against the key: the manifest was altered or not signed by"
                    + " that installation");
        }
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (JacksonException e) {
            return broken("manifest.json is not JSON");
        }
        if (!FORMAT.equals(root.path("format").asString(""))) {
            return broken("manifest.json: not an evidence package (format)");
        }
        Set<String> listed = new HashSet<>(Set.of(MANIFEST, SIGNATURE));
        for (JsonNode e : root.path("entries").values()) {
            String path = e.path("path").asString("");
            byte[] bytes = entries.get(path);
            if (bytes == null) {
                return broken(path + ": listed in the manifest but missing");
            }
            if (!CustodyChain.sha256(bytes).equals(e.path("sha256").asString(""))) {
                return broken(path + ": SHA-256 does not match the manifest (the file was changed)");
            }
            listed.add(path);
        }
        for (String name : entries.keySet()) {
            if (!listed.contains(name)) {
                return broken(name + ": not listed in the manifest");
            }
        }
        int items = 0;
        int events = 0;
        for (JsonNode item : root.path("items").values()) {
            items++;
            String id = item.path("id").asString("");
            String sha256 = item.path("sha256").asString("");
            String kind = item.path("kind").asString("");
            if ("FILE".equals(kind)) {
                byte[] bytes = entries.get(item.path("path").asString(""));
                if (bytes == null || !CustodyChain.sha256(bytes).equals(sha256)) {
                    return broken("item " + id + ": the file does not have the SHA-256 taken at intake");
                }
            } else if ("PHYSICAL".equals(kind) && !CustodyChain.describedHash(text(item, "description"),
                    text(item, "sealNumber"), text(item, "location")).equals(sha256)) {
                return broken("item " + id + ": the description does not have the hash taken at intake");
            }
            List<CustodyEvent> log = new ArrayList<>();
            try {
                for (JsonNode e : item.path("custody").values()) {
                    log.add(new CustodyEvent(id, e.path("seq").asInt(), CustodyEvent.Kind.valueOf(
                            e.path("kind").asString("")), text(e, "actor"), text(e, "organisation"),
                            Instant.parse(e.path("occurredAt").asString("")), null, text(e, "place"), text(e, "why"),
                            text(e, "to"), text(e, "prevHash"), text(e, "hash")));
                }
            } catch (RuntimeException bad) {
                return broken("item " + id + ": the custody log cannot be read");
            }
            events += log.size();
            String head = log.isEmpty() ? CustodyChain.GENESIS : log.getLast().hash();
            CustodyChain.Break b = CustodyChain.check(sha256, log, log.size(), head);
            if (b == null && (log.isEmpty() || log.getFirst().kind() != CustodyEvent.Kind.RECEIVED)) {
                b = new CustodyChain.Break(1, "the custody log does not start with RECEIVED");
            }
            if (b != null) {
                return broken("item " + id + ": custody event " + b.seq() + ": " + b.reason());
            }
        }
        return new Verdict(null, root.path("case").path("id").asString(""), items, events);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Verdict broken(String problem) {
        return new Verdict(problem, null, 0, 0);
    }

    private static boolean signed(byte[] data, String signatureBase64, PublicKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
