package org.fusioncell.hashbanks;

import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Hash banks (docs/hashbanks.md). A bank is seen through its marking, and its entries with it: lists, counts,
 * exports and matches only ever reach banks the reader may see. A bank is written by the analysts and supervisors of
 * its owner organisation. Bad input throws {@link org.fusioncell.shared.InvalidInputException} naming the field (a
 * refused hash list {@link org.fusioncell.media.lists.HashListException} naming each line and column), and nothing
 * is written.
 */
public interface HashBanks {

    /** The information type banks are decided under: agreements that carry online content carry hash banks. */
    String INFORMATION_TYPE = "online-content";

    BankStep<Bank> create(Reader author, Drafts.BankDraft draft);

    /** Banks the reader may see; {@code name}, when given, keeps those whose name contains it (any case). */
    Page<Bank> list(Reader reader, String name, PageRequest page);

    long count(Reader reader, String name);

    BankAccess find(Reader reader, String bankId);

    /** The bank's entries, newest first; tombstones included only when asked. Audited as a consultation. */
    BankStep<Page<BankEntry>> entries(Reader reader, String bankId, boolean withDeleted, PageRequest page);

    BankStep<BankEntry> entry(Reader reader, String bankId, String entryId);

    /** Adds one hash by value; an existing live entry is returned unchanged, a tombstone is restored. */
    BankStep<AddedEntry> add(Reader reader, String bankId, Drafts.EntryDraft draft);

    /**
     * Adds the hashes of an uploaded file: MD5 and SHA-256 always, PDQ with its quality when the file is an image.
     * An image that cannot be hashed (damaged, a format the JDK does not decode, too many pixels) is refused with
     * the reason unless {@code digestsOnly}.
     */
    BankStep<List<AddedEntry>> addFile(Reader reader, String bankId, UploadedFile file, String label,
                                       String sourceNote, boolean digestsOnly);

    /** Keeps the entry as a tombstone (deleted = true), so exports tell partners to withdraw it. */
    BankStep<BankEntry> delete(Reader reader, String bankId, String entryId);

    /** A whole hash list (CSV), all or nothing: new hashes added, known ones relabelled, deleted or restored. */
    BankStep<ImportResult> importList(Reader reader, String bankId, java.io.Reader csv, String sourceNote);

    /** Every entry of the bank, tombstones included, for a partner's copy; audited as an export in {@code format}. */
    BankStep<Export> export(Reader reader, String bankId, String format);

    /** Matches of one hash in every bank the reader may see; audited (never with the queried value in clear). */
    MatchResult match(Reader reader, MatchRequest request);

    /** Matches of an uploaded file's MD5, SHA-256 and (for an image) PDQ hash in every bank the reader may see. */
    MatchResult matchFile(Reader reader, UploadedFile file, Integer radius, Integer minQuality);

    record AddedEntry(BankEntry entry, String outcome) {
        public static final String ADDED = "added";
        public static final String ALREADY_PRESENT = "already-present";
        public static final String RESTORED = "restored";
    }

    record ImportResult(int rows, int added, int changed, int unchanged) {
    }

    record Export(Bank bank, List<BankEntry> entries) {
    }
}
