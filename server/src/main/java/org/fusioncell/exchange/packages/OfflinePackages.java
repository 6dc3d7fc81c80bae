package org.fusioncell.exchange.packages;

import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Offline packages (docs/packages.md): for a link that is down or absent, what a partner cell would pull from a
 * TAXII collection, signed with this installation's Ed25519 key, compressed, carried on removable media and
 * imported on the other side after its signature and integrity are checked. Liaison officers, supervisors and
 * administrators of the partner's owner organisation build and import packages; any user of it lists them.
 * Bad input throws {@link org.fusioncell.shared.InvalidInputException} naming the field ({@code partnerId},
 * {@code signature}, {@code objects.json}, {@code objects[3].type} …); nothing is then written. Every build,
 * import, refusal and listing is audited and every transfer is in the exchange log.
 */
public interface OfflinePackages {

    /** The installation's package-signing public key, base64 of its X.509 SubjectPublicKeyInfo, and its fingerprint. */
    record InstallationKey(String publicKey, String fingerprint) {
    }

    InstallationKey installationKey();

    /**
     * An Ed25519 signature of {@code data} by the installation's key, base64 — for other signed exports (evidence
     * packages for prosecutors) that {@link #installationKey()} verifies.
     */
    String sign(byte[] data);

    /** {@code since}: an ISO-8601 instant or date; null resumes after the last package for the same partner and collection. */
    record ExportRequest(String partnerId, String collectionId, String since) {
    }

    sealed interface Export permits Built, Refused {
    }

    record Built(PackageSummary summary, byte[] file, String fileName) implements Export {
    }

    /** {@code code}: {@code role} (not a liaison officer, supervisor or administrator) or {@code exporter-clearance}. */
    record Refused(String code, String detail) implements Export, Import {
    }

    Export export(Reader reader, ExportRequest request);

    sealed interface Import permits Imported, AlreadyImported, Refused {
    }

    record Imported(PackageSummary summary) implements Import {
    }

    /** The package was imported before: nothing applied this time. */
    record AlreadyImported(PackageSummary previous) implements Import {
    }

    /** Throws {@link PackageTooLargeException} for a file over the limit. */
    Import importPackage(Reader reader, String partnerId, byte[] file);

    /** The packages of the reader's organisation, both directions, newest first. */
    Page<PackageSummary> list(Reader reader, PageRequest page);

    /** The collections of this installation the reader's organisation may read (for the export form). */
    List<TaxiiCollection> collections(Reader reader);
}
