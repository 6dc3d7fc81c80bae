package org.fusioncell.cases.evidence.internal;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.CaseAccess;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseStatus;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.CaseTimeline;
import org.fusioncell.cases.Cases;
import org.fusioncell.cases.evidence.ChainCheck;
import org.fusioncell.cases.evidence.CustodyChain;
import org.fusioncell.cases.evidence.CustodyEvent;
import org.fusioncell.cases.evidence.Evidence;
import org.fusioncell.cases.evidence.EvidenceItem;
import org.fusioncell.cases.evidence.EvidencePackage;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.ContentFiles;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence on the database. The case decides who sees its evidence ({@link Cases#find}); custody events are
 * appended under a lock of the item's row, each chained to the one before ({@link CustodyChain}), and the item
 * keeps the chain's head so that a removed last event is found too.
 */
@Service
class JdbcEvidence implements Evidence {

    static final String OBJECT = Evidence.INFORMATION_TYPE;
    private static final int MAX_TITLE = 300;
    private static final int MAX_TEXT = 8000;
    private static final int MAX_PLACE = 500;
    private static final int MAX_WHY = 2000;

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseTimeline timeline;
    private final Readers readers;
    private final Colleagues colleagues;
    private final ContentFiles files;
    private final AuditLog audit;
    private final EvidencePackages packages;
    private final Clock clock;

    JdbcEvidence(JdbcClient jdbc, Cases cases, CaseTimeline timeline, Readers readers, Colleagues colleagues,
                 ContentFiles files, AuditLog audit, EvidencePackages packages, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.timeline = timeline;
        this.readers = readers;
        this.colleagues = colleagues;
        this.files = files;
        this.audit = audit;
        this.packages = packages;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------- intake

    @Override
    @Transactional
    public CaseStep<EvidenceItem> receive(Reader reader, String caseId, Intake intake, InputStream file) {
        Optional<CaseFile> seen = visibleCase(reader, caseId);
        if (seen.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        CaseFile c = seen.get();
        if (c.status() == CaseStatus.CLOSED) {
            return new CaseStep.WrongState<>(c.status().name());
        }
        if (intake == null) {
            throw new InvalidInputException("body", "required");
        }
        EvidenceItem.Kind kind = parse(EvidenceItem.Kind.class, "kind", intake.kind());
        String title = text("title", intake.title(), MAX_TITLE, true);
        Instant now = now();
        Instant at = occurredAt(intake.occurredAt(), now);
        String place = text("place", intake.place(), MAX_PLACE, true);
        String why = text("why", intake.why(), MAX_WHY, true);
        String description = text("description", intake.description(), MAX_TEXT, kind == EvidenceItem.Kind.PHYSICAL);
        String seal = text("sealNumber", intake.sealNumber(), 100, kind == EvidenceItem.Kind.PHYSICAL);
        String location = text("location", intake.location(), MAX_PLACE, false);
        String tool = text("tool", intake.tool(), MAX_TITLE, kind == EvidenceItem.Kind.DIGITAL_EXTRACTION);
        String device = text("sourceDevice", intake.sourceDevice(), MAX_PLACE,
                kind == EvidenceItem.Kind.DIGITAL_EXTRACTION);
        String given = intake.sha256() == null || intake.sha256().isBlank() ? null
                : intake.sha256().strip().toLowerCase(Locale.ROOT);
        if (given != null && !given.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("sha256", "not a SHA-256: 64 hexadecimal digits");
        }
        String sha256;
        Long size = null;
        String fileName = null;
        String mediaType = null;
        switch (kind) {
            case FILE -> {
                if (file == null) {
                    throw new InvalidInputException("file", "required: the file received (its SHA-256 is taken here)");
                }
                fileName = safeName(text("fileName", intake.fileName(), MAX_TITLE, false));
                mediaType = text("mediaType", intake.mediaType(), 200, false);
                ContentFiles.Stored stored = files.store(file);
                if (stored.size() == 0) {
                    throw new InvalidInputException("file", "empty: evidence without content has no hash to prove");
                }
                if (given != null && !given.equals(stored.sha256())) {
                    throw new InvalidInputException("sha256", "the SHA-256 you gave (" + given
                            + ") is not the received file's (" + stored.sha256() + "): the file changed on the way");
                }
                sha256 = stored.sha256();
                size = stored.size();
            }
            case DIGITAL_EXTRACTION -> {
                if (given == null) {
                    throw new InvalidInputException("sha256", "required: evidence without a hash is refused — give"
                            + " the SHA-256 of the extraction as the examiner's tool computed it");
                }
                sha256 = given;
            }
            default -> sha256 = CustodyChain.describedHash(description, seal, location);
        }
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO cases_evidence_item (id, case_id, kind, title, description, sha256, size, media_type,
                    file_name, seal_number, location, tool, source_device, custodian_user_id, disposed, head_seq,
                    head_hash, created_by, created_at)
                VALUES (:id, :case, :kind, :title, :description, :sha, :size, :media, :file, :seal, :location, :tool,
                    :device, :user, FALSE, 0, :genesis, :user, :now)""")
                .param("id", id).param("case", c.id()).param("kind", kind.name()).param("title", title)
                .param("description", description).param("sha", sha256).param("size", size)
                .param("media", mediaType).param("file", fileName).param("seal", seal).param("location", location)
                .param("tool", tool).param("device", device).param("user", reader.userId())
                .param("genesis", CustodyChain.GENESIS).param("now", Timestamp.from(now)).update();
        append(id, sha256, 0, CustodyChain.GENESIS, CustodyEvent.Kind.RECEIVED, reader, at, place, why, null, now);
        timeline.append(c.id(), "evidence-received", reader.userId(), reader.organisationId(), null,
                title + " (" + kind.name() + ", SHA-256 " + sha256 + ")");
        audit(reader, AuditAction.COLLECTION, id, c.id(), "receive", Map.of("kind", kind.name(), "sha256", sha256));
        return new CaseStep.Done<>(load(id).orElseThrow());
    }

    private static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return s.isBlank() || s.equals(".") || s.equals("..") ? null : s;
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Override
    @Transactional
    public Optional<List<EvidenceItem>> items(Reader reader, String caseId) {
        Optional<CaseFile> seen = visibleCase(reader, caseId);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        List<EvidenceItem> found = itemsOf(seen.get().id());
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                        found.stream().map(EvidenceItem::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("case", caseId, "step", "list")));
        return Optional.of(found);
    }

    List<EvidenceItem> itemsOf(String caseId) {
        return jdbc.sql("SELECT * FROM cases_evidence_item WHERE case_id = :case ORDER BY created_at, id")
                .param("case", caseId).query(JdbcEvidence::item).list();
    }

    @Override
    @Transactional
    public CaseStep<EvidenceItem> item(Reader reader, String caseId, String itemId) {
        Optional<EvidenceItem> found = itemOfCase(reader, caseId, itemId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        audit(reader, AuditAction.CONSULTATION, itemId, caseId, "item", Map.of());
        return new CaseStep.Done<>(found.get());
    }

    @Override
    @Transactional
    public CaseStep<List<CustodyEvent>> custody(Reader reader, String caseId, String itemId) {
        Optional<EvidenceItem> found = itemOfCase(reader, caseId, itemId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        audit(reader, AuditAction.CONSULTATION, itemId, caseId, "custody", Map.of());
        return new CaseStep.Done<>(events(itemId));
    }

    @Override
    @Transactional
    public CaseStep<Content> content(Reader reader, String caseId, String itemId) {
        Optional<EvidenceItem> found = itemOfCase(reader, caseId, itemId);
        if (found.isEmpty() || found.get().kind() != EvidenceItem.Kind.FILE) {
            return new CaseStep.Unknown<>();
        }
        Optional<InputStream> in = files.open(found.get().sha256());
        if (in.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        audit(reader, AuditAction.CONSULTATION, itemId, caseId, "content", Map.of("sha256", found.get().sha256()));
        String name = found.get().fileName() == null ? found.get().id() : found.get().fileName();
        return new CaseStep.Done<>(new Content(name, in.get()));
    }

    List<CustodyEvent> events(String itemId) {
        return jdbc.sql("SELECT * FROM cases_evidence_event WHERE item_id = :id ORDER BY seq")
                .param("id", itemId).query(JdbcEvidence::event).list();
    }

    private Optional<EvidenceItem> itemOfCase(Reader reader, String caseId, String itemId) {
        if (!Ids.isWellFormed(itemId) || visibleCase(reader, caseId).isEmpty()) {
            return Optional.empty();
        }
        return load(itemId).filter(i -> i.caseId().equals(caseId));
    }

    private Optional<EvidenceItem> load(String itemId) {
        return jdbc.sql("SELECT * FROM cases_evidence_item WHERE id = :id").param("id", itemId)
                .query(JdbcEvidence::item).optional();
    }

    private Optional<CaseFile> visibleCase(Reader reader, String caseId) {
        if (caseId == null || !Ids.isWellFormed(caseId)) {
            return Optional.empty();
        }
        return cases.find(reader, caseId) instanceof CaseAccess.Opened o ? Optional.of(o.file()) : Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------- custody

    private record Head(String custodian, String pendingTo, boolean disposed, int seq, String hash, String sha256) {
    }

    @Override
    @Transactional
    public CaseStep<CustodyEvent> record(Reader reader, String caseId, String itemId, EventDraft draft) {
        Optional<CaseFile> seen = visibleCase(reader, caseId);
        if (seen.isEmpty() || !Ids.isWellFormed(itemId)) {
            return new CaseStep.Unknown<>();
        }
        CaseFile c = seen.get();
        Optional<Head> locked = jdbc.sql("""
                SELECT custodian_user_id, pending_to_user_id, disposed, head_seq, head_hash, sha256
                FROM cases_evidence_item WHERE id = :id AND case_id = :case FOR UPDATE""")
                .param("id", itemId).param("case", c.id())
                .query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6))).optional();
        if (locked.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Head h = locked.get();
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        CustodyEvent.Kind kind = parse(CustodyEvent.Kind.class, "kind", draft.kind());
        if (kind == CustodyEvent.Kind.RECEIVED) {
            throw new InvalidInputException("kind", "RECEIVED is recorded once, at intake");
        }
        if (h.disposed()) {
            return new CaseStep.Refused<>("disposed", "The item was disposed of: nothing is recorded after"
                    + " disposal.");
        }
        boolean custodian = reader.userId().equals(h.custodian());
        if (h.pendingTo() != null) {
            if (kind == CustodyEvent.Kind.ACKNOWLEDGED && !reader.userId().equals(h.pendingTo())) {
                return new CaseStep.Refused<>("not-receiver", "Only the user the item is being transferred to"
                        + " acknowledges the transfer.");
            }
            if (kind == CustodyEvent.Kind.TRANSFER_CANCELLED && !custodian) {
                return new CaseStep.Refused<>("not-custodian", "Only the current custodian cancels the transfer.");
            }
            if (kind != CustodyEvent.Kind.ACKNOWLEDGED && kind != CustodyEvent.Kind.TRANSFER_CANCELLED) {
                return new CaseStep.Refused<>("transfer-pending", "A transfer to another user awaits their"
                        + " acknowledgement: only the acknowledgement or a cancellation is recorded until then.");
            }
        } else {
            if (kind == CustodyEvent.Kind.ACKNOWLEDGED || kind == CustodyEvent.Kind.TRANSFER_CANCELLED) {
                return new CaseStep.Refused<>("no-transfer-pending", "No transfer of this item awaits"
                        + " acknowledgement.");
            }
            if (!custodian) {
                return new CaseStep.Refused<>("not-custodian", "Only the item's current custodian records its"
                        + " custody events.");
            }
        }
        Instant now = now();
        Instant at = occurredAt(draft.occurredAt(), now);
        Instant previous = jdbc.sql("SELECT occurred_at FROM cases_evidence_event WHERE item_id = :id AND seq = :seq")
                .param("id", itemId).param("seq", h.seq()).query((rs, n) -> instant(rs, "occurred_at")).single();
        if (at.isBefore(previous)) {
            throw new InvalidInputException("occurredAt", "custody events out of order are refused: " + at
                    + " is before the previous event (" + h.seq() + ", at " + previous + ")");
        }
        String place = text("place", draft.place(), MAX_PLACE, true);
        String why = text("why", draft.why(), MAX_WHY, true);
        String to = null;
        if (kind == CustodyEvent.Kind.TRANSFERRED) {
            to = receiver(c, draft.toUserId(), reader);
        } else if (draft.toUserId() != null && !draft.toUserId().isBlank()) {
            throw new InvalidInputException("toUserId", "only a transfer names a receiver");
        }
        CustodyEvent e = append(itemId, h.sha256(), h.seq(), h.hash(), kind, reader, at, place, why, to, now);
        String custodianNow = kind == CustodyEvent.Kind.ACKNOWLEDGED ? h.pendingTo() : h.custodian();
        String pending = kind == CustodyEvent.Kind.TRANSFERRED ? to : null;
        jdbc.sql("""
                UPDATE cases_evidence_item SET custodian_user_id = :custodian, pending_to_user_id = :pending,
                    disposed = :disposed WHERE id = :id""")
                .param("custodian", custodianNow).param("pending", pending)
                .param("disposed", kind == CustodyEvent.Kind.DISPOSED).param("id", itemId).update();
        timeline.append(c.id(), "evidence-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                reader.userId(), reader.organisationId(), null, why);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("kind", kind.name());
        details.put("seq", Integer.toString(e.seq()));
        if (to != null) {
            details.put("to", to);
        }
        audit(reader, AuditAction.ALTERATION, itemId, c.id(), "custody", details);
        return new CaseStep.Done<>(e);
    }

    /** A transfer's receiver: an active user of a participating organisation whom the case's marking lets read it. */
    private String receiver(CaseFile c, String userId, Reader sender) {
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException("toUserId", "required: the user the item is handed to");
        }
        String u = userId.strip();
        if (u.equals(sender.userId())) {
            throw new InvalidInputException("toUserId", "you already hold the item");
        }
        for (CaseFile.Participant p : c.participants()) {
            if (Ids.isWellFormed(u) && colleagues.members(p.organisationId(), null).contains(u)) {
                if (!AccessPolicy.decide(readers.forUser(u, "case"), "case", c.marking()).visible()) {
                    throw new InvalidInputException("toUserId", "transfers to someone not on the case are refused:"
                            + " the case's marking withholds it from this user");
                }
                return u;
            }
        }
        throw new InvalidInputException("toUserId", "transfers to someone not on the case are refused: no such"
                + " active user of a participating organisation");
    }

    private CustodyEvent append(String itemId, String itemSha256, int previousSeq, String previousHash,
                                CustodyEvent.Kind kind, Reader actor, Instant at, String place, String why,
                                String to, Instant now) {
        int seq = previousSeq + 1;
        String hash = CustodyChain.link(previousHash, CustodyChain.canonical(itemId, seq, kind.name(),
                actor.userId(), actor.organisationId(), at, place, why, to, itemSha256));
        jdbc.sql("""
                INSERT INTO cases_evidence_event (item_id, seq, kind, actor_user_id, actor_organisation_id,
                    occurred_at, recorded_at, place, why, to_user_id, prev_hash, hash)
                VALUES (:item, :seq, :kind, :user, :org, :at, :now, :place, :why, :to, :prev, :hash)""")
                .param("item", itemId).param("seq", seq).param("kind", kind.name()).param("user", actor.userId())
                .param("org", actor.organisationId()).param("at", Timestamp.from(at)).param("now", Timestamp.from(now))
                .param("place", place).param("why", why).param("to", to).param("prev", previousHash)
                .param("hash", hash).update();
        int moved = jdbc.sql("UPDATE cases_evidence_item SET head_seq = :seq, head_hash = :hash"
                        + " WHERE id = :id AND head_seq = :previous")
                .param("seq", seq).param("hash", hash).param("id", itemId).param("previous", previousSeq).update();
        if (moved != 1) {
            throw new IllegalStateException("custody chain of " + itemId + " moved concurrently");
        }
        return new CustodyEvent(itemId, seq, kind, actor.userId(), actor.organisationId(), at, now, place, why, to,
                previousHash, hash);
    }

    // ---------------------------------------------------------------------------------------------- verify, export

    @Override
    @Transactional
    public CaseStep<ChainCheck> verify(Reader reader, String caseId) {
        Optional<CaseFile> seen = visibleCase(reader, caseId);
        if (seen.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        List<EvidenceItem> items = itemsOf(caseId);
        ChainCheck result = check(items);
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                        items.stream().map(EvidenceItem::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("case", caseId, "step", "verify", "intact", Boolean.toString(result.intact()))));
        return new CaseStep.Done<>(result);
    }

    private ChainCheck check(List<EvidenceItem> items) {
        int count = 0;
        for (EvidenceItem item : items) {
            List<CustodyEvent> events = events(item.id());
            count += events.size();
            Map<String, Object> head = jdbc.sql("SELECT head_seq, head_hash FROM cases_evidence_item WHERE id = :id")
                    .param("id", item.id()).query().singleRow();
            CustodyChain.Break b = CustodyChain.check(item.sha256(), events, ((Number) head.get("head_seq")).intValue(),
                    (String) head.get("head_hash"));
            if (b != null) {
                return ChainCheck.broken(items.size(), count, item.id(), b.seq(), b.reason());
            }
        }
        return ChainCheck.intact(items.size(), count);
    }

    @Override
    @Transactional
    public CaseStep<EvidencePackage> exportPackage(Reader reader, String caseId) {
        Optional<CaseFile> seen = visibleCase(reader, caseId);
        if (seen.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        CaseFile c = seen.get();
        if (!c.ledBy(reader.organisationId())
                || !colleagues.holds(reader, Role.SUPERVISOR)) {
            return new CaseStep.Refused<>("not-lead-supervisor", "Evidence packages are exported by supervisors of"
                    + " the lead organisation.");
        }
        List<EvidenceItem> items = itemsOf(c.id());
        ChainCheck check = check(items);
        if (!check.intact()) {
            return new CaseStep.Refused<>("chain-broken", "The custody log of item " + check.itemId()
                    + " is broken (" + check.reason() + "): no package is signed over it.");
        }
        List<EvidencePackages.Entry> entries = new ArrayList<>();
        for (EvidenceItem i : items) {
            entries.add(new EvidencePackages.Entry(i, events(i.id())));
        }
        EvidencePackage built = packages.build(c, entries, reader, now());
        audit.record(AuditRecord.of(AuditAction.EXPORT, reader.userId(), reader.organisationId(), OBJECT,
                        items.stream().map(EvidenceItem::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("case", c.id(), "step", "package", "manifestSha256", built.manifestSha256())));
        timeline.append(c.id(), "evidence-package", reader.userId(), reader.organisationId(), null,
                "manifest SHA-256 " + built.manifestSha256());
        return new CaseStep.Done<>(built);
    }

    // ---------------------------------------------------------------------------------------------- values

    private void audit(Reader reader, AuditAction action, String itemId, String caseId, String step,
                       Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("case", caseId);
        all.put("step", step);
        audit.record(AuditRecord.of(action, reader.userId(), reader.organisationId(), OBJECT, List.of(itemId))
                .withPurpose(reader.purpose()).withDetails(all));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant occurredAt(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return now;
        }
        Instant at;
        try {
            at = Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                at = java.time.OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new InvalidInputException("occurredAt", "an ISO-8601 instant, e.g. 2026-03-01T09:30:00Z");
            }
        }
        at = at.truncatedTo(ChronoUnit.MILLIS);
        if (at.isAfter(now)) {
            throw new InvalidInputException("occurredAt", "in the future: custody records what has happened");
        }
        if (at.isBefore(LocalDate.of(1990, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
            throw new InvalidInputException("occurredAt", "before 1990");
        }
        return at;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required; one of " + names);
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "one of " + names);
        }
    }

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "required");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static EvidenceItem item(ResultSet rs, int n) throws SQLException {
        long size = rs.getLong("size");
        Long s = rs.wasNull() ? null : size;
        return new EvidenceItem(rs.getString("id"), rs.getString("case_id"),
                EvidenceItem.Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
                rs.getString("sha256"), s, rs.getString("media_type"), rs.getString("file_name"),
                rs.getString("seal_number"), rs.getString("location"), rs.getString("tool"),
                rs.getString("source_device"), rs.getString("custodian_user_id"), rs.getString("pending_to_user_id"),
                rs.getBoolean("disposed"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static CustodyEvent event(ResultSet rs, int n) throws SQLException {
        return new CustodyEvent(rs.getString("item_id"), rs.getInt("seq"),
                CustodyEvent.Kind.valueOf(rs.getString("kind")), rs.getString("actor_user_id"),
                rs.getString("actor_organisation_id"), instant(rs, "occurred_at"), instant(rs, "recorded_at"),
                rs.getString("place"), rs.getString("why"), rs.getString("to_user_id"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
