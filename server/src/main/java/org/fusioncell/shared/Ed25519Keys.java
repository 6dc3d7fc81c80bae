package org.fusioncell.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 public keys as FusionCell shows and takes them: base64 of the X.509 SubjectPublicKeyInfo, PEM armour
 * and line breaks allowed — for partner cells' package keys, offline packages and evidence packages alike.
 */
public final class Ed25519Keys {

    private Ed25519Keys() {
    }

    /** The key, or {@link IllegalArgumentException} saying what is expected. */
    public static PublicKey publicKey(String text) {
        String base64 = text == null ? "" : text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (base64 of its X.509 SubjectPublicKeyInfo)");
        }
    }

    /** For command lines: {@code keyOrFile} is the key itself, or the path of a file holding it. */
    public static String keyText(String keyOrFile) throws IOException {
        try {
            Path path = Path.of(keyOrFile);
            if (keyOrFile.length() < 4096 && Files.isRegularFile(path)) {
                return Files.readString(path, StandardCharsets.US_ASCII);
            }
        } catch (InvalidPathException e) {
            // not a path: the key itself
        }
        return keyOrFile;
    }
}
