package org.fusioncell.exchange.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.fusioncell.exchange.packages.internal.PackageFile;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.VerifyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./fusioncell package verify FILE --key KEY}: checks an offline package's structure, signature and
 * integrity without a database or a server (docs/packages.md). {@code KEY}: the sender's public key as base64
 * (what its installation shows), or a file holding it. Prints the manifest's summary and exits 0 when the
 * package is intact; one line and exit 2 when it is not; exit 1 when the file or key cannot be read.
 */
@Command(name = "package verify", mixinStandardHelpOptions = true,
        description = "Checks an offline package's signature and integrity, offline.")
public final class PackageVerifyCommand extends VerifyCommand {


    @Parameters(index = "0", paramLabel = "FILE", description = "the package (.zip)")
    private Path file;

    @Option(names = "--key", required = true, paramLabel = "KEY",
            description = "the sender's Ed25519 public key: base64 (X.509 SubjectPublicKeyInfo), or a file holding it")
    private String key;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "268435456",
            description = "largest package file read (default: ${DEFAULT-VALUE})")
    private long maxBytes;

    @Option(names = "--max-unpacked-bytes", paramLabel = "N", defaultValue = "268435456",
            description = "largest total the entries may unpack to (default: ${DEFAULT-VALUE})")
    private long maxUnpackedBytes;

    public static void main(String[] args) {
        exit(run(args));
    }

    /** Everything {@link #main} does but printing and exiting, for tests. */
    public static Outcome run(String... args) {
        return run(new PackageVerifyCommand(), args);
    }

    @Override
    protected Outcome verify() {
        PublicKey publicKey;
        byte[] bytes;
        try {
            publicKey = PackageFile.publicKey(org.fusioncell.shared.Ed25519Keys.keyText(key));
            if (Files.size(file) > maxBytes) {
                return new Outcome(BROKEN, "package verify: package: larger than " + maxBytes + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Outcome(FAILED, "package verify: cannot read " + e.getMessage());
        } catch (InvalidInputException e) {
            return new Outcome(FAILED, "package verify: --" + e.getMessage());
        }
        try {
            PackageFile.Opened opened = PackageFile.open(bytes, new PackageFile.Limits(maxBytes, maxUnpackedBytes));
            PackageManifest m = PackageFile.verify(opened, publicKey);
            PackageFile.objects(opened, m);
            return new Outcome(INTACT, summary(m));
        } catch (InvalidInputException e) {
            return new Outcome(BROKEN, "package verify: " + e.getMessage());
        }
    }


    static String summary(PackageManifest m) {
        return String.join(System.lineSeparator(),
                "package " + m.id() + ": signature and SHA-256 verified",
                "  created      " + m.created(),
                "  signed by    " + m.signer(),
                "  for          " + m.partnerName() + " (" + m.partnerId() + ")"
                        + (m.recipient() == null ? "" : ", key " + m.recipient()),
                "  collection   " + m.collectionTitle() + " (" + m.collectionId() + ")",
                "  objects      " + m.objects() + (m.more() ? " (more follow in the next package)" : ""),
                "  date added   " + (m.firstAdded() == null ? "-" : m.firstAdded() + " .. " + m.lastAdded())
                        + (m.since() == null ? "" : " (after " + m.since() + ")"),
                "  objects.json " + m.sha256());
    }
}
