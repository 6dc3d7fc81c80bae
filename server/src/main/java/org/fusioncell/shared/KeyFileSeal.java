package org.fusioncell.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals short texts with AES-256-GCM under a key kept in a file of the data directory
 * ({@code <data-dir>/keys/<name>.key}), made at first use, readable by its owner only. The key is never in the
 * database, so a database reader, a dump or a backup of the database alone cannot open a sealed value; the key file
 * is backed up apart. The row's id is the associated data: a sealed value copied to another row does not open. The
 * key is never logged. Screening's depersonalisation and the submitters' identities each have a key of their own.
 */
public final class KeyFileSeal {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final String purpose;
    private volatile SecretKey key;
    private volatile String keyId;

    /** {@code name} names the key file; {@code purpose} names the key in error messages. */
    public KeyFileSeal(Path dataDir, String name, String purpose) {
        this.file = dataDir.resolve("keys").resolve(name + ".key");
        this.purpose = purpose;
    }

    /** A digest of the key naming it in sealed rows, so a wrong key file is told apart from a damaged row. */
    public String keyId() {
        key();
        return keyId;
    }

    public String seal(String rowId, String plain) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    public String open(String rowId, String keyIdOfRow, String sealed) {
        if (!keyIdOfRow.equals(keyId())) {
            throw new IllegalStateException("a sealed row was made under another " + purpose + " key (" + keyIdOfRow
                    + "); restore that key file");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed row does not open: damaged, or moved from another row", e);
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    byte[] raw = readOrCreate();
                    key = new SecretKeySpec(raw, "AES");
                    keyId = HexFormat.of().formatHex(digest(raw), 0, 8);
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] readOrCreate() {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    // created exclusively: two nodes sharing the data directory cannot both write a key
                    Files.write(file, Base64.getEncoder().encode(fresh), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    restrict();
                } catch (FileAlreadyExistsException e) {
                    // another node made it first: use theirs
                }
            }
            byte[] raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (raw.length != 32) {
                throw new IllegalStateException(file + " does not hold a 256-bit key");
            }
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("the " + purpose + " key " + file + " cannot be read or made", e);
        }
    }

    private void restrict() throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions protect it
        }
    }

    private static byte[] digest(byte[] raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
