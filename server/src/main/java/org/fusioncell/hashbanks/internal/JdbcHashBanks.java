package org.fusioncell.hashbanks.internal;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.AgreementGrant;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.Tlp;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.hashbanks.Bank;
import org.fusioncell.hashbanks.BankAccess;
import org.fusioncell.hashbanks.BankEntry;
import org.fusioncell.hashbanks.BankStep;
import org.fusioncell.hashbanks.Drafts;
import org.fusioncell.hashbanks.HashBanks;
import org.fusioncell.hashbanks.MatchRequest;
import org.fusioncell.hashbanks.MatchResult;
import org.fusioncell.hashbanks.UploadedFile;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hash banks on the database. Lists and counts filter on the bank's marking in SQL ({@link VisibilityFilter}); one
 * bank is decided by {@link AccessPolicy} in {@link BankGate}. Entries are written by {@link BankWrites}, matches
 * answered by {@link Matching}.
 */
@Service
class JdbcHashBanks implements HashBanks {

    private static final String TYPE = BankGate.TYPE;

    private final BankGate gate;
    private final BankWrites writes;
    private final Matching matching;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;

    JdbcHashBanks(BankGate gate, BankWrites writes, Matching matching, ClassificationScheme scheme,
                  MarkingVocabulary vocabulary) {
        this.gate = gate;
        this.writes = writes;
        this.matching = matching;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
    }

    @Override
    @Transactional
    public BankStep<Bank> create(Reader author, Drafts.BankDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        String name = Inputs.text("name", draft.name(), 200, true);
        String description = Inputs.text("description", draft.description(), 2000, false);
        Marking marking = marking(author, draft.marking(), draft.agreements());
        if (!gate.keeper(author, author.organisationId())) {
            gate.record(AuditRecord.of(AuditAction.COLLECTION, author.userId(), author.organisationId(),
                    BankGate.BANK, List.of()).withPurpose(author.purpose()).withOutcome("REFUSED")
                    .withDetails(Map.of("step", "create", "reason", "not-keeper")));
            return new BankStep.Refused<>("not-keeper", "Hash banks are kept by analysts and supervisors.");
        }
        String id = Ids.newId();
        Timestamp now = Timestamp.from(gate.now());
        gate.jdbc.sql("""
                INSERT INTO hashbanks_bank (id, name, description, owner_organisation_id, marking_id, created_by,
                    created_at, updated_at)
                VALUES (:id, :name, :description, :org, :marking, :user, :now, :now)""")
                .param("id", id).param("name", name).param("description", description)
                .param("org", author.organisationId()).param("marking", gate.markings.save(marking))
                .param("user", author.userId()).param("now", now).update();
        gate.audit(author, AuditAction.COLLECTION, BankGate.BANK, List.of(id), Map.of("step", "create",
                "agreements", String.valueOf(marking.releasability().agreements().size())));
        return new BankStep.Done<>(gate.bank(id).orElseThrow());
    }

    /**
     * The marking with the sharing agreements added to its releasability. Each agreement must be in force for the
     * author's organisation, cover hash banks and reach the bank's classification, and the label must let an
     * agreement widen the audience — otherwise the sharing the author asked for would silently not happen.
     */
    private Marking marking(Reader author, MarkingForm form, List<String> agreements) {
        if (form == null) {
            throw new InvalidInputException("marking", "required");
        }
        Marking m = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
        List<String> shared = agreements == null ? List.of() : agreements;
        Set<String> all = new LinkedHashSet<>(m.releasability().agreements());
        for (int i = 0; i < shared.size(); i++) {
            String field = "agreements[" + i + "]";
            String agreementId = shared.get(i) == null ? "" : shared.get(i).strip();
            AgreementGrant grant = author.agreements().stream().filter(g -> g.agreementId().equals(agreementId))
                    .findFirst().orElseThrow(() -> new InvalidInputException(field,
                            "no agreement in force for your organisation has this id"));
            if (!grant.covers(TYPE)) {
                throw new InvalidInputException(field, "the agreement's scope does not cover " + TYPE);
            }
            if (grant.maxClassificationRank() < m.classificationRank()) {
                throw new InvalidInputException(field, "the agreement's ceiling is below the bank's classification");
            }
            all.add(agreementId);
        }
        if (!shared.isEmpty() && (m.tlp() == Tlp.AMBER_STRICT || m.tlp() == Tlp.RED || m.originatorControl())) {
            throw new InvalidInputException("marking.tlp", "agreements widen only TLP:CLEAR, GREEN and AMBER "
                    + "without originator control");
        }
        Releasability r = m.releasability();
        Marking withAgreements = new Marking(m.classificationRank(), m.tlp(), new Releasability(r.organisations(),
                r.organisationTypes(), all, r.users()), m.originatorControl(), m.caveats(), m.ownerOrganisation());
        if (!AccessPolicy.decide(author, TYPE, withAgreements).visible()) {
            throw new InvalidInputException("marking", "you could not read a bank marked so");
        }
        return withAgreements;
    }

    // ---------------------------------------------------------------------------------------------- reading

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(Reader reader, String name) {
        SqlPredicate visible = VisibilityFilter.visible(reader, TYPE, "b.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        String sql = visible.sql();
        String q = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!q.isEmpty()) {
            if (q.length() > 200) {
                throw new InvalidInputException("name", "at most 200 characters");
            }
            sql += " AND LOWER(b.name) LIKE :name";
            params.put("name", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(sql, params);
    }

    @Override
    @Transactional
    public Page<Bank> list(Reader reader, String name, PageRequest page) {
        Where w = where(reader, name);
        long total = gate.jdbc.sql("SELECT COUNT(*) FROM hashbanks_bank b WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        List<Bank> items = gate.jdbc.sql("SELECT " + BankGate.BANK_COLUMNS + " FROM hashbanks_bank b WHERE "
                        + w.sql() + " ORDER BY b.updated_at DESC, b.id DESC LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> BankGate.bank(rs, gate.markings)).list();
        gate.audit(reader, AuditAction.CONSULTATION, BankGate.BANK, items.stream().map(Bank::id).toList(),
                Map.of("view", "list", "page", String.valueOf(page.page()), "total", String.valueOf(total)));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, String name) {
        Where w = where(reader, name);
        long total = gate.jdbc.sql("SELECT COUNT(*) FROM hashbanks_bank b WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        gate.audit(reader, AuditAction.SEARCH, BankGate.BANK, List.of(), Map.of("view", "count",
                "total", String.valueOf(total)));
        return total;
    }

    @Override
    @Transactional
    public BankAccess find(Reader reader, String bankId) {
        return switch (gate.open(reader, bankId, AuditAction.CONSULTATION, "open")) {
            case BankStep.Done<Bank> d -> {
                gate.audit(reader, AuditAction.CONSULTATION, BankGate.BANK, List.of(d.value().id()),
                        Map.of("step", "open"));
                yield new BankAccess.Opened(d.value());
            }
            case BankStep.KnownToExist<Bank> k -> new BankAccess.KnownToExist(k.bankId(), k.ownerOrganisationId(),
                    k.marking());
            default -> new BankAccess.Unknown();
        };
    }

    @Override
    @Transactional
    public BankStep<Page<BankEntry>> entries(Reader reader, String bankId, boolean withDeleted, PageRequest page) {
        BankStep<Bank> opened = gate.open(reader, bankId, AuditAction.CONSULTATION, "entries");
        if (!(opened instanceof BankStep.Done<Bank> d)) {
            return BankGate.notDone(opened);
        }
        String filter = withDeleted ? "" : " AND NOT e.deleted";
        long total = gate.jdbc.sql("SELECT COUNT(*) FROM hashbanks_entry e WHERE e.bank_id = :b" + filter)
                .param("b", bankId).query(Long.class).single();
        List<BankEntry> items = gate.jdbc.sql("SELECT e.* FROM hashbanks_entry e WHERE e.bank_id = :b" + filter
                        + " ORDER BY e.seq DESC LIMIT :limit OFFSET :offset").param("b", bankId)
                .param("limit", page.size()).param("offset", page.offset()).query((rs, n) -> BankGate.entry(rs)).list();
        gate.audit(reader, AuditAction.CONSULTATION, BankGate.ENTRY, items.stream().map(BankEntry::id).toList(),
                Map.of("view", "entries", "bank", d.value().id(), "page", String.valueOf(page.page()),
                        "total", String.valueOf(total)));
        return new BankStep.Done<>(Page.of(items, page, total));
    }

    @Override
    @Transactional
    public BankStep<BankEntry> entry(Reader reader, String bankId, String entryId) {
        BankStep<Bank> opened = gate.open(reader, bankId, AuditAction.CONSULTATION, "entry");
        if (!(opened instanceof BankStep.Done<Bank>)) {
            return BankGate.notDone(opened);
        }
        return writes.entry(bankId, entryId).<BankStep<BankEntry>>map(e -> {
            gate.audit(reader, AuditAction.CONSULTATION, BankGate.ENTRY, List.of(e.id()), Map.of("bank", bankId));
            return new BankStep.Done<>(e);
        }).orElseGet(BankStep.Unknown::new);
    }

    @Override
    @Transactional
    public BankStep<AddedEntry> add(Reader reader, String bankId, Drafts.EntryDraft draft) {
        return writes.add(reader, bankId, draft);
    }

    @Override
    @Transactional
    public BankStep<List<AddedEntry>> addFile(Reader reader, String bankId, UploadedFile file, String label,
                                              String sourceNote, boolean digestsOnly) {
        return writes.addFile(reader, bankId, file, label, sourceNote, digestsOnly);
    }

    @Override
    @Transactional
    public BankStep<BankEntry> delete(Reader reader, String bankId, String entryId) {
        return writes.delete(reader, bankId, entryId);
    }

    @Override
    @Transactional
    public BankStep<ImportResult> importList(Reader reader, String bankId, java.io.Reader csv, String sourceNote) {
        return writes.importList(reader, bankId, csv, sourceNote);
    }

    @Override
    @Transactional
    public BankStep<Export> export(Reader reader, String bankId, String format) {
        BankStep<Bank> opened = gate.open(reader, bankId, AuditAction.EXPORT, "export-" + format);
        if (!(opened instanceof BankStep.Done<Bank> d)) {
            return BankGate.notDone(opened);
        }
        List<BankEntry> entries = gate.jdbc.sql("SELECT e.* FROM hashbanks_entry e WHERE e.bank_id = :b ORDER BY e.seq")
                .param("b", bankId).query((rs, n) -> BankGate.entry(rs)).list();
        long deleted = entries.stream().filter(BankEntry::deleted).count();
        gate.audit(reader, AuditAction.EXPORT, BankGate.BANK, List.of(bankId), Map.of("format", format,
                "entries", String.valueOf(entries.size()), "deleted", String.valueOf(deleted)));
        return new BankStep.Done<>(new Export(d.value(), entries));
    }

    @Override
    @Transactional
    public MatchResult match(Reader reader, MatchRequest request) {
        return matching.match(reader, request);
    }

    @Override
    @Transactional
    public MatchResult matchFile(Reader reader, UploadedFile file, Integer radius, Integer minQuality) {
        return matching.matchFile(reader, file, radius, minQuality);
    }
}
