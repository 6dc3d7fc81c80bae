/**
 * Hash banks (docs/hashbanks.md): lists of PDQ, MD5 and SHA-256 hashes of terrorist content owned by an
 * organisation and shared with the parties of agreements in force through the bank's marking; entries added by
 * value or computed from an uploaded file by the {@code media} engine; a match API over every bank the caller may
 * see (exact for MD5 and SHA-256, Hamming radius for PDQ through one in-memory {@code PdqIndex}); CSV and JSON hash
 * lists in and out, deletions kept as tombstones. Every read, match and export is audited. The {@code media} engine is a
 * plain library (a Maven module of its own), outside the application modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hash banks",
        allowedDependencies = {"shared", "access", "audit", "identity"})
package org.fusioncell.hashbanks;
