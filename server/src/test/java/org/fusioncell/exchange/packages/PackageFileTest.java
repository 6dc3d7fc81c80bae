package org.fusioncell.exchange.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fusioncell.exchange.packages.internal.PackageFile;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package format without a server: a package reads back as written; an altered manifest, a directory entry
 * or a manifest of another format is refused naming what is wrong; the offline command exits 0, 2 or 1.
 */
class PackageFileTest {

    static final PackageFile.Limits LIMITS = new PackageFile.Limits(1 << 20, 4 << 20);

    @TempDir
    Path dir;

    private final KeyPair key = pair();
    private final byte[] objects = "{\"objects\":[{\"type\":\"note\",\"id\":\"note--0b6c1a3e-1111-4c2d-8e9f-0a1b2c3d4e5f\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private PackageManifest manifest() {
        Instant at = Instant.parse("2026-11-22T22:00:00.123456Z");
        return new PackageManifest(Ids.newId(), Instant.parse("2026-11-22T23:00:00Z"), PackageFile.fingerprint(key.getPublic()),
                null, Ids.newId(), "خلية داكار", Ids.newId(), "Cellule – partenaire", null, at, at, 1, false,
                PackageFile.sha256(objects));
    }

    @Test
    void aPackageReadsBackAsWritten() {
        PackageManifest written = manifest();
        byte[] zip = PackageFile.write(written, objects, key.getPrivate());
        PackageFile.Opened opened = PackageFile.open(zip, LIMITS);
        PackageManifest read = PackageFile.verify(opened, key.getPublic());
        assertThat(read).isEqualTo(written);
        assertThat(PackageFile.objects(opened, read)).hasSize(1);
    }

    @Test
    void alteredOrStrangePackagesAreRefusedNamingWhatIsWrong() throws Exception {
        byte[] zip = PackageFile.write(manifest(), objects, key.getPrivate());
        Map<String, byte[]> entries = PackageWorld.entries(zip);

        Map<String, byte[]> altered = new LinkedHashMap<>(entries);
        altered.put("manifest.json", new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
                .replace("\"objects\":1", "\"objects\":2").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PackageFile.verify(PackageFile.open(PackageWorld.zip(altered), LIMITS), key.getPublic()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("signature");
                    assertThat(e.problem()).contains("altered or forged");
                });

        Map<String, byte[]> directory = new LinkedHashMap<>(entries);
        directory.put("objects/", new byte[0]);
        assertThatThrownBy(() -> PackageFile.open(PackageWorld.zip(directory), LIMITS))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("package"));

        assertThatThrownBy(() -> PackageManifest.parse("{\"format\":\"fusioncell-package/2\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("manifest.json");
                    assertThat(e.problem()).contains("format");
                });
        assertThatThrownBy(() -> PackageFile.open(zip, new PackageFile.Limits(100, 4 << 20)))
                .hasMessageContaining("larger than the limit of 100 bytes");
    }

    @Test
    void theOfflineCommandAnswersWithItsExitCode() throws Exception {
        Path file = dir.resolve("p.zip");
        Files.write(file, PackageFile.write(manifest(), objects, key.getPrivate()));
        String publicKey = Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + publicKey + "\n-----END PUBLIC KEY-----\n");

        PackageVerifyCommand.Outcome ok = PackageVerifyCommand.run(file.toString(), "--key", pem.toString());
        assertThat(ok.exitCode()).as(ok.text()).isEqualTo(PackageVerifyCommand.INTACT);
        assertThat(ok.text()).contains("signature and SHA-256 verified", "خلية داكار", "objects      1");

        Files.write(file, "PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1));
        PackageVerifyCommand.Outcome broken = PackageVerifyCommand.run(file.toString(), "--key", publicKey);
        assertThat(broken.exitCode()).isEqualTo(PackageVerifyCommand.BROKEN);
        assertThat(broken.text()).startsWith("package verify: package:");

        assertThat(PackageVerifyCommand.run(file.toString(), "--key", "not-a-key").exitCode())
                .isEqualTo(PackageVerifyCommand.FAILED);
        assertThat(PackageVerifyCommand.run(dir.resolve("absent.zip").toString(), "--key", publicKey).exitCode())
                .isEqualTo(PackageVerifyCommand.FAILED);
        assertThat(PackageVerifyCommand.run(file.toString()).exitCode()).isEqualTo(PackageVerifyCommand.FAILED);
    }

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
