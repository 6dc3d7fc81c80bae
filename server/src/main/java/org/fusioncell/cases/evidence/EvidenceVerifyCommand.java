package org.fusioncell.cases.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.fusioncell.shared.VerifyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./fusioncell evidence verify FILE --key KEY}: checks an evidence package offline — the manifest's
 * signature by the installation key, every entry's SHA-256, every item's intake hash and custody chain
 * (docs/evidence.md). {@code KEY}: the installation's public key as base64, or a file holding it. Exit 0 and a
 * summary when intact; one line and exit 2 when not; exit 1 when the file or the key cannot be read.
 */
@Command(name = "evidence verify", mixinStandardHelpOptions = true,
        description = "Checks an evidence package's signature, hashes and custody chain, offline.")
public final class EvidenceVerifyCommand extends VerifyCommand {


    @Parameters(index = "0", paramLabel = "FILE", description = "the evidence package (.zip)")
    private Path file;

    @Option(names = "--key", required = true, paramLabel = "KEY",
            description = "the installation's Ed25519 public key: base64 (X.509 SubjectPublicKeyInfo), or a file holding it")
    private String key;

    @Option(names = "--max-unpacked-bytes", paramLabel = "N", defaultValue = "4294967296",
            description = "largest total the entries may unpack to (default: ${DEFAULT-VALUE})")
    private long maxUnpackedBytes;

    public static void main(String[] args) {
        exit(run(args));
    }

    /** Everything {@link #main} does but printing and exiting, for tests. */
    public static Outcome run(String... args) {
        return run(new EvidenceVerifyCommand(), args);
    }

    @Override
    protected Outcome verify() {
        PublicKey publicKey;
        byte[] bytes;
        try {
            publicKey = EvidencePackageFormat.publicKey(org.fusioncell.shared.Ed25519Keys.keyText(key));
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Outcome(FAILED, "evidence verify: cannot read " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Outcome(FAILED, "evidence verify: --key: " + e.getMessage());
        }
        Map<String, byte[]> entries = new HashMap<>();
        long budget = maxUnpackedBytes;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (entries.containsKey(e.getName())) {
                    return new Outcome(BROKEN, "evidence verify: entry " + e.getName() + " appears twice");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[16384];
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    budget -= n;
                    if (budget < 0) {
                        return new Outcome(BROKEN, "evidence verify: the entries unpack to more than "
                                + maxUnpackedBytes + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
                entries.put(e.getName(), out.toByteArray());
            }
        } catch (ZipException e) {
            return new Outcome(BROKEN, "evidence verify: not a readable ZIP file (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new Outcome(BROKEN, "evidence verify: cannot be read (" + e.getMessage() + ")");
        }
        if (entries.isEmpty()) {
            return new Outcome(BROKEN, "evidence verify: not an evidence package (no entries)");
        }
        EvidencePackageFormat.Verdict v = EvidencePackageFormat.verify(entries, publicKey);
        if (!v.intact()) {
            return new Outcome(BROKEN, "evidence verify: " + v.problem());
        }
        return new Outcome(INTACT, "evidence package of case " + v.caseId() + ": signature, " + entries.size()
                + " entries, " + v.items() + " items and " + v.events() + " custody events verified");
    }

}
