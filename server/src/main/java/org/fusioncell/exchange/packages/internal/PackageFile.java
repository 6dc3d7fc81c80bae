package org.fusioncell.exchange.packages.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.fusioncell.exchange.packages.PackageManifest;
import org.fusioncell.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline package format {@value PackageManifest#FORMAT} (docs/packages.md): a deflated ZIP of exactly
 * {@code manifest.json}, {@code objects.json} (a TAXII envelope) and {@code manifest.sig} (base64 Ed25519
 * signature over the manifest's bytes). Plain Java, shared by the server and the offline
 * {@code ./fusioncell package verify}. Every refusal is an {@link InvalidInputException} naming what is wrong:
 * {@code package}, {@code signature}, {@code manifest.json}, {@code objects.json}.
 */
public final class PackageFile {

    public static final String MANIFEST = "manifest.json";
    public static final String OBJECTS = "objects.json";
    public static final String SIGNATURE = "manifest.sig";
    private static final Set<String> ENTRIES = Set.of(MANIFEST, OBJECTS, SIGNATURE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code maxBytes}: the package file; {@code maxUnpackedBytes}: its three entries together, unpacked. */
    public record Limits(long maxBytes, long maxUnpackedBytes) {
    }

    /** A package's entries as read, not yet trusted. */
    public record Opened(byte[] manifest, String signature, byte[] objects) {
    }

    private PackageFile() {
    }

    // ------------------------------------------------------------------ writing

    public static byte[] write(PackageManifest manifest, byte[] objects, PrivateKey key) {
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest.toJson());
        String signature = Base64.getEncoder().encodeToString(sign(manifestBytes, key));
        ByteArrayOutputStream out = new ByteArrayOutputStream(objects.length / 4 + 1024);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(ZipOutputStream.DEFLATED);
            long time = manifest.created().toEpochMilli();
            put(zip, MANIFEST, manifestBytes, time);
            put(zip, OBJECTS, objects, time);
            put(zip, SIGNATURE, signature.getBytes(StandardCharsets.US_ASCII), time);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the package", e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, long time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    static byte[] sign(byte[] data, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the package", e);
        }
    }

    // ------------------------------------------------------------------ reading

    /** The three entries, after the structural checks: size, ZIP, entry names, unpacked size (zip bombs). */
    public static Opened open(byte[] file, Limits limits) {
        if (file.length > limits.maxBytes()) {
            throw new InvalidInputException("package", "larger than the limit of " + limits.maxBytes() + " bytes");
        }
        if (file.length < 4 || file[0] != 'P' || file[1] != 'K' || file[2] != 3 || file[3] != 4) {
            throw new InvalidInputException("package", "not a ZIP file");
        }
        Map<String, byte[]> entries = new HashMap<>();
        long budget = limits.maxUnpackedBytes();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (!ENTRIES.contains(name)) {
                    throw new InvalidInputException("package", "unexpected entry '" + printable(name)
                            + "' (a package holds only manifest.json, objects.json and manifest.sig)");
                }
                if (entries.containsKey(name)) {
                    throw new InvalidInputException("package", "entry " + name + " appears twice");
                }
                byte[] content = readCapped(zip, budget, name, limits.maxUnpackedBytes());
                budget -= content.length;
                entries.put(name, content);
            }
        } catch (ZipException e) {
            throw new InvalidInputException("package", "not a readable ZIP file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InvalidInputException("package", "cannot be read (" + e.getMessage() + ")");
        }
        for (String name : List.of(MANIFEST, OBJECTS, SIGNATURE)) {
            if (!entries.containsKey(name)) {
                throw new InvalidInputException("package", "entry " + name + " is missing");
            }
        }
        return new Opened(entries.get(MANIFEST), new String(entries.get(SIGNATURE), StandardCharsets.US_ASCII).strip(),
                entries.get(OBJECTS));
    }

    /** Reads an entry, counting what it really unpacks to (the sizes a ZIP declares may lie). */
    private static byte[] readCapped(InputStream in, long budget, String name, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > budget) {
                throw new InvalidInputException("package", name + ": the entries unpack to more than " + limit
                        + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String printable(String name) {
        String s = name.replaceAll("[^\\x20-\\x7e]", "?");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /**
     * The manifest, once its signature verifies against {@code key} and {@code objects.json} has the SHA-256
     * it names. A signature by another key says so, with the fingerprint the manifest claims.
     */
    public static PackageManifest verify(Opened opened, PublicKey key) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(opened.signature());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("signature", "manifest.sig is not base64");
        }
        if (!verifies(opened.manifest(), signature, key)) {
            String claimed = claimedSigner(opened.manifest());
            String expected = fingerprint(key);
            throw new InvalidInputException("signature", claimed != null && !claimed.equals(expected)
                    ? "the package is signed by key " + claimed + ", not by the expected key " + expected
                    : "manifest.sig does not verify against the key " + expected + ": the manifest was altered or forged");
        }
        PackageManifest manifest = PackageManifest.parse(opened.manifest());
        if (!sha256(opened.objects()).equals(manifest.sha256())) {
            throw new InvalidInputException("objects.json", "SHA-256 does not match the manifest");
        }
        return manifest;
    }

    private static boolean verifies(byte[] data, byte[] signature, PublicKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String claimedSigner(byte[] manifest) {
        try {
            return PackageManifest.parse(manifest).signer();
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** The objects of {@code objects.json} (a TAXII envelope), as many as the manifest counts. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Opened opened, PackageManifest manifest) {
        Object parsed;
        try {
            parsed = JSON.readValue(opened.objects(), Object.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("objects.json", "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> envelope) || !(envelope.get("objects") instanceof List<?> objects)) {
            throw new InvalidInputException("objects.json", "not a TAXII envelope {\"objects\": [...]}");
        }
        for (int i = 0; i < objects.size(); i++) {
            if (!(objects.get(i) instanceof Map)) {
                throw new InvalidInputException("objects[" + i + "]", "not a JSON object");
            }
        }
        if (objects.size() != manifest.objects()) {
            throw new InvalidInputException("objects.json", "holds " + objects.size() + " objects, the manifest says "
                    + manifest.objects());
        }
        return (List<Map<String, Object>>) objects;
    }

    // ------------------------------------------------------------------ keys

    /** A public key given as base64 of its X.509 SubjectPublicKeyInfo (PEM armour allowed). */
    public static PublicKey publicKey(String text) {
        try {
            return org.fusioncell.shared.Ed25519Keys.publicKey(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("key", e.getMessage());
        }
    }

    /** Lower-case hex SHA-256 of the key's X.509 encoding: how a package names its signer. */
    public static String fingerprint(PublicKey key) {
        return HexFormat.of().formatHex(digest(key.getEncoded()));
    }

    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest(content));
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
