package org.fusioncell.hashbanks.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.hashbanks.Bank;
import org.fusioncell.hashbanks.BankEntry;
import org.fusioncell.hashbanks.BankStep;
import org.fusioncell.hashbanks.Drafts;
import org.fusioncell.hashbanks.HashBanks.AddedEntry;
import org.fusioncell.hashbanks.HashBanks.ImportResult;
import org.fusioncell.hashbanks.UploadedFile;
import org.fusioncell.media.lists.HashAlgorithm;
import org.fusioncell.media.lists.HashEntry;
import org.fusioncell.media.lists.HashListCsv;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Writing entries: one by value, the hashes of a file, a tombstone, a whole list. Each runs in the caller's
 * transaction; the PDQ index hears of a change only once it commits ({@link PdqBankIndex}).
 */
@Component
class BankWrites {

    private record Stored(long seq, String id, String label, boolean deleted) {
    }

    private final BankGate gate;
    private final PdqBankIndex index;
    private final FileHashing hashing;

    BankWrites(BankGate gate, PdqBankIndex index, FileHashing hashing) {
        this.gate = gate;
        this.index = index;
        this.hashing = hashing;
    }

    Optional<BankEntry> entry(String bankId, String entryId) {
        if (entryId == null || !Ids.isWellFormed(entryId)) {
            return Optional.empty();
        }
        return gate.jdbc.sql("SELECT * FROM hashbanks_entry WHERE id = :id AND bank_id = :b").param("id", entryId)
                .param("b", bankId).query((rs, n) -> BankGate.entry(rs)).optional();
    }

    BankStep<AddedEntry> add(Reader reader, String bankId, Drafts.EntryDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        HashAlgorithm algorithm = Inputs.algorithm("algorithm", draft.algorithm());
        String hash = Inputs.hash("hash", draft.hash(), algorithm);
        String label = Inputs.text("label", draft.label(), HashEntry.MAX_LABEL, false);
        Integer quality = Inputs.bounded("quality", draft.quality(), 0, 100, null);
        if (quality != null && algorithm != HashAlgorithm.PDQ) {
            throw new InvalidInputException("quality", "only a PDQ hash has a quality");
        }
        String note = Inputs.text("sourceNote", draft.sourceNote(), 1000, false);
        BankStep<Bank> opened = gate.openForChange(reader, bankId, "add");
        if (!(opened instanceof BankStep.Done<Bank>)) {
            return BankGate.notDone(opened);
        }
        AddedEntry added = put(reader, bankId, algorithm, hash, label, quality, note);
        gate.audit(reader, AuditAction.COLLECTION, BankGate.ENTRY, List.of(added.entry().id()), Map.of("bank", bankId,
                "algorithm", algorithm.listName(), "outcome", added.outcome(), "by", "value"));
        gate.touch(bankId);
        return new BankStep.Done<>(added);
    }

    BankStep<List<AddedEntry>> addFile(Reader reader, String bankId, UploadedFile file, String label,
                                       String sourceNote, boolean digestsOnly) {
        String l = Inputs.text("label", label, HashEntry.MAX_LABEL, false);
        String note = Inputs.text("sourceNote", sourceNote, 1000, false);
        BankStep<Bank> opened = gate.openForChange(reader, bankId, "add-file");
        if (!(opened instanceof BankStep.Done<Bank>)) {
            return BankGate.notDone(opened);
        }
        FileHashing.FileHashes h = hashing.hash(file, digestsOnly);
        List<AddedEntry> added = new ArrayList<>();
        added.add(put(reader, bankId, HashAlgorithm.MD5, h.digests().md5(), l, null, note));
        added.add(put(reader, bankId, HashAlgorithm.SHA256, h.digests().sha256(), l, null, note));
        if (h.pdq() != null) {
            added.add(put(reader, bankId, HashAlgorithm.PDQ, h.pdq().hash().toHex(), l, h.pdq().quality(), note));
        }
        gate.audit(reader, AuditAction.COLLECTION, BankGate.ENTRY, added.stream().map(a -> a.entry().id()).toList(),
                Map.of("bank", bankId, "by", "file", "mediaType", h.mediaType(), "bytes",
                        String.valueOf(h.digests().length()), "pdq", String.valueOf(h.pdq() != null)));
        gate.touch(bankId);
        return new BankStep.Done<>(added);
    }

    BankStep<BankEntry> delete(Reader reader, String bankId, String entryId) {
        BankStep<Bank> opened = gate.openForChange(reader, bankId, "delete");
        if (!(opened instanceof BankStep.Done<Bank>)) {
            return BankGate.notDone(opened);
        }
        Optional<BankEntry> found = entry(bankId, entryId);
        if (found.isEmpty()) {
            return new BankStep.Unknown<>();
        }
        BankEntry e = found.get();
        if (!e.deleted()) {
            Stored s = stored(bankId, e.algorithm(), e.hash()).orElseThrow();
            setDeleted(reader, s, e.algorithm(), e.hash(), true, e.label());
            gate.touch(bankId);
        }
        gate.audit(reader, AuditAction.ALTERATION, BankGate.ENTRY, List.of(e.id()), Map.of("bank", bankId,
                "step", "delete", "already", String.valueOf(e.deleted())));
        return new BankStep.Done<>(entry(bankId, entryId).orElseThrow());
    }

    /**
     * A list applied all or nothing: read whole first (any problem refuses it, each named by line and column), then
     * each row added, relabelled, deleted or restored. When a hash is on several rows the last one holds.
     */
    BankStep<ImportResult> importList(Reader reader, String bankId, java.io.Reader csv, String sourceNote) {
        String note = Inputs.text("sourceNote", sourceNote, 1000, false);
        BankStep<Bank> opened = gate.openForChange(reader, bankId, "import");
        if (!(opened instanceof BankStep.Done<Bank>)) {
            return BankGate.notDone(opened);
        }
        List<HashEntry> rows;
        try {
            rows = HashListCsv.read(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, HashEntry> last = new LinkedHashMap<>();
        rows.forEach(r -> last.put(r.algorithm() + ":" + r.hash(), r));
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (HashEntry row : last.values()) {
            Optional<Stored> s = stored(bankId, row.algorithm(), row.hash());
            if (s.isEmpty()) {
                long seq = insert(reader, bankId, row.algorithm(), row.hash(), row.label(), null, note, row.deleted());
                if (row.algorithm() == HashAlgorithm.PDQ && !row.deleted()) {
                    index.addAfterCommit(seq, bankId, row.hash(), null);
                }
                added++;
            } else if (s.get().deleted() != row.deleted() || !Objects.equals(s.get().label(), row.label())) {
                setDeleted(reader, s.get(), row.algorithm(), row.hash(), row.deleted(), row.label());
                changed++;
            } else {
                unchanged++;
            }
        }
        gate.audit(reader, AuditAction.COLLECTION, BankGate.BANK, List.of(bankId), Map.of("step", "import",
                "rows", String.valueOf(rows.size()), "added", String.valueOf(added), "changed",
                String.valueOf(changed), "unchanged", String.valueOf(unchanged)));
        gate.touch(bankId);
        return new BankStep.Done<>(new ImportResult(rows.size(), added, changed, unchanged));
    }

    private AddedEntry put(Reader reader, String bankId, HashAlgorithm algorithm, String hash, String label,
                           Integer quality, String note) {
        Optional<Stored> s = stored(bankId, algorithm, hash);
        String outcome;
        if (s.isEmpty()) {
            long seq = insert(reader, bankId, algorithm, hash, label == null ? "" : label, quality, note, false);
            if (algorithm == HashAlgorithm.PDQ) {
                index.addAfterCommit(seq, bankId, hash, quality);
            }
            outcome = AddedEntry.ADDED;
        } else if (s.get().deleted()) {
            gate.jdbc.sql("""
                    UPDATE hashbanks_entry SET quality = COALESCE(:quality, quality),
                        source_note = COALESCE(:note, source_note) WHERE seq = :seq""")
                    .param("quality", quality).param("note", note).param("seq", s.get().seq()).update();
            setDeleted(reader, s.get(), algorithm, hash, false, label == null ? s.get().label() : label);
            outcome = AddedEntry.RESTORED;
        } else {
            outcome = AddedEntry.ALREADY_PRESENT;
        }
        BankEntry e = gate.jdbc.sql("SELECT * FROM hashbanks_entry WHERE bank_id = :b AND algorithm = :a AND "
                        + "hash_value = :h").param("b", bankId).param("a", algorithm.name()).param("h", hash)
                .query((rs, n) -> BankGate.entry(rs)).single();
        return new AddedEntry(e, outcome);
    }

    private Optional<Stored> stored(String bankId, HashAlgorithm algorithm, String hash) {
        return gate.jdbc.sql("""
                SELECT seq, id, label, deleted FROM hashbanks_entry
                WHERE bank_id = :b AND algorithm = :a AND hash_value = :h""")
                .param("b", bankId).param("a", algorithm.name()).param("h", hash)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
    }

    private long insert(Reader reader, String bankId, HashAlgorithm algorithm, String hash, String label,
                        Integer quality, String note, boolean deleted) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(gate.now());
        gate.jdbc.sql("""
                INSERT INTO hashbanks_entry (id, bank_id, algorithm, hash_value, label, quality, source_note, added_by,
                    added_at, deleted, changed_by, changed_at)
                VALUES (:id, :b, :a, :h, :label, :quality, :note, :user, :now, :deleted, :user, :now)""")
                .param("id", id).param("b", bankId).param("a", algorithm.name()).param("h", hash)
                .param("label", label).param("quality", quality).param("note", note)
                .param("user", reader.userId()).param("now", now).param("deleted", deleted).update();
        return gate.jdbc.sql("SELECT seq FROM hashbanks_entry WHERE id = :id").param("id", id).query(Long.class)
                .single();
    }

    private void setDeleted(Reader reader, Stored s, HashAlgorithm algorithm, String hash, boolean deleted,
                            String label) {
        gate.jdbc.sql("""
                UPDATE hashbanks_entry SET deleted = :deleted, label = :label, changed_by = :user, changed_at = :now
                WHERE seq = :seq""").param("deleted", deleted).param("label", label == null ? "" : label)
                .param("user", reader.userId()).param("now", Timestamp.from(gate.now())).param("seq", s.seq())
                .update();
        if (algorithm == HashAlgorithm.PDQ && deleted != s.deleted()) {
            if (deleted) {
                index.deleteAfterCommit(s.seq(), hash);
            } else {
                record Listed(String bankId, Integer quality) {
                }
                Listed l = gate.jdbc.sql("SELECT bank_id, quality FROM hashbanks_entry WHERE seq = :seq")
                        .param("seq", s.seq()).query((rs, n) -> {
                            int q = rs.getInt(2);
                            return new Listed(rs.getString(1), rs.wasNull() ? null : q);
                        }).single();
                index.addAfterCommit(s.seq(), l.bankId(), hash, l.quality());
            }
        }
    }
}
