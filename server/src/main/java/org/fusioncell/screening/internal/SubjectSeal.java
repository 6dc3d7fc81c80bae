package org.fusioncell.screening.internal;

import java.nio.file.Path;
import org.fusioncell.shared.KeyFileSeal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the particulars of depersonalised people: AES-256-GCM under a key kept in a file of the data
 * directory ({@code <data-dir>/keys/depersonalisation.key}), made at first use, readable by its owner
 * only ({@link KeyFileSeal}). The key is never in the database, so a database reader, a dump or a backup of the
 * database alone cannot open a sealed row; the key file is backed up apart (docs/screening.md). The row's id is the
 * associated data: a sealed value copied to another row does not open. The key is never logged.
 */
@Component
class SubjectSeal {

    private final KeyFileSeal seal;

    SubjectSeal(@Value("${fusioncell.data-dir}") Path dataDir) {
        this.seal = new KeyFileSeal(dataDir, "depersonalisation", "depersonalisation");
    }

    /** A digest of the key naming it in sealed rows, so a wrong key file is told apart from a damaged row. */
    String keyId() {
        return seal.keyId();
    }

    String seal(String rowId, String plain) {
        return seal.seal(rowId, plain);
    }

    String open(String rowId, String keyIdOfRow, String sealed) {
        return seal.open(rowId, keyIdOfRow, sealed);
    }
}
