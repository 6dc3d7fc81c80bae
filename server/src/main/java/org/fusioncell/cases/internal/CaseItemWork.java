package org.fusioncell.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.cases.CaseItem;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.ItemRef;
import org.fusioncell.cases.ItemType;
import org.fusioncell.cases.TimelineEntry;
import org.fusioncell.cases.internal.CaseRows.Seen;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The items and the timeline of a case the reader has already been let into ({@link Seen}). Every item keeps
 * its own marking: it is listed, and the timeline entries about it are shown, only to readers who may see it
 * under that marking now ({@link ItemLookup}); the others learn nothing of it, not even a count.
 */
@Component
class CaseItemWork {

    private final CaseRows rows;
    private final JdbcClient jdbc;
    private final ItemLookup lookup;

    CaseItemWork(CaseRows rows, ItemLookup lookup) {
        this.rows = rows;
        this.jdbc = rows.jdbc;
        this.lookup = lookup;
    }

    private record StoredItem(String id, ItemRef ref, String note, String addedBy, String addedOrg, Instant addedAt) {
    }

    List<CaseItem> items(Reader reader, Seen s) {
        List<CaseItem> out = new ArrayList<>();
        for (StoredItem i : storedItems(s.head().id())) {
            lookup.visible(reader, i.ref()).ifPresent(f -> out.add(new CaseItem(i.id(), i.ref().itemType(), i.ref().itemId(),
                    f.label(), f.marking().classificationRank(), f.marking().ownerOrganisation(), i.note(),
                    i.addedBy(), i.addedOrg(), i.addedAt())));
        }
        rows.audit(reader, AuditAction.CONSULTATION, s.head().id(), "items", Map.of("items",
                String.join(",", out.stream().map(i -> i.itemType() + ":" + i.itemId()).toList())));
        return List.copyOf(out);
    }

    private List<StoredItem> storedItems(String caseId) {
        return jdbc.sql("SELECT * FROM cases_item WHERE case_id = :id AND removed_at IS NULL ORDER BY added_at, id")
                .param("id", caseId).query((rs, n) -> new StoredItem(rs.getString("id"),
                        new ItemRef(ItemType.valueOf(rs.getString("item_type")), rs.getString("item_id")),
                        rs.getString("note"), rs.getString("added_by"), rs.getString("added_organisation_id"),
                        CaseRows.instant(rs, "added_at"))).list();
    }

    CaseStep<CaseItem> add(Reader reader, Seen s, String itemType, String itemId, String note) {
        if (itemType == null || itemType.isBlank()) {
            throw new InvalidInputException("itemType", "required; one of " + List.of(ItemType.values()));
        }
        ItemType type = ItemType.parse(itemType).orElseThrow(() -> new InvalidInputException("itemType",
                "one of " + List.of(ItemType.values())));
        String id = itemId == null ? null : itemId.strip();
        ItemRef ref = new ItemRef(type, id);
        if (id == null || !Ids.isWellFormed(id) || !lookup.sees(reader, ref)) {
            throw new InvalidInputException("itemId", "no such " + type.name().toLowerCase(Locale.ROOT)
                    + " that you may see");
        }
        String why = CaseRows.text("note", note, CaseRows.MAX_REASON, false);
        if (!s.head().status().active()) {
            return new CaseStep.WrongState<>(s.head().status().name());
        }
        Optional<String> existing = jdbc.sql("SELECT id FROM cases_item WHERE case_id = :case AND item_type = :t"
                        + " AND item_id = :i AND removed_at IS NULL")
                .param("case", s.head().id()).param("t", type.name()).param("i", id).query(String.class).optional();
        if (existing.isPresent()) {
            throw new InvalidInputException("itemId", "already in the case");
        }
        Instant now = rows.now();
        String rowId = Ids.newId();
        int revived = jdbc.sql("""
                UPDATE cases_item SET id = :row, note = :note, added_by = :user, added_organisation_id = :org,
                    added_at = :now, removed_at = NULL
                WHERE case_id = :case AND item_type = :t AND item_id = :i AND removed_at IS NOT NULL""")
                .param("row", rowId).param("note", why).param("user", reader.userId())
                .param("org", reader.organisationId()).param("now", Timestamp.from(now)).param("case", s.head().id())
                .param("t", type.name()).param("i", id).update();
        if (revived == 0) {
            jdbc.sql("""
                    INSERT INTO cases_item (id, case_id, item_type, item_id, note, added_by, added_organisation_id,
                        added_at) VALUES (:row, :case, :t, :i, :note, :user, :org, :now)""")
                    .param("row", rowId).param("case", s.head().id()).param("t", type.name()).param("i", id)
                    .param("note", why).param("user", reader.userId()).param("org", reader.organisationId())
                    .param("now", Timestamp.from(now)).update();
        }
        rows.event(reader, s.head().id(), "item-added", ref, null, null, null, why);
        rows.touch(s.head().id());
        rows.audit(reader, AuditAction.COMBINATION, s.head().id(), "item-added", Map.of("item", type + ":" + id));
        ItemLookup.Found f = lookup.visible(reader, ref).orElseThrow();
        return new CaseStep.Done<>(new CaseItem(rowId, type, id, f.label(), f.marking().classificationRank(),
                f.marking().ownerOrganisation(), why, reader.userId(), reader.organisationId(), now));
    }

    CaseStep<String> remove(Reader reader, Seen s, String caseItemId, String reason) {
        Optional<StoredItem> item = storedItems(s.head().id()).stream().filter(i -> i.id().equals(caseItemId))
                .findFirst();
        if (item.isEmpty() || !lookup.sees(reader, item.get().ref())) {
            return new CaseStep.Unknown<>();
        }
        if (!item.get().addedOrg().equals(reader.organisationId()) && !rows.leadSupervisor(reader, s.head())) {
            return new CaseStep.Refused<>("not-yours", "Only the organisation that added the item, or a supervisor"
                    + " of the lead organisation, removes it.");
        }
        String why = CaseRows.text("reason", reason, CaseRows.MAX_REASON, true);
        if (!s.head().status().active()) {
            return new CaseStep.WrongState<>(s.head().status().name());
        }
        jdbc.sql("UPDATE cases_item SET removed_at = :now WHERE id = :id AND removed_at IS NULL")
                .param("now", Timestamp.from(rows.now())).param("id", caseItemId).update();
        rows.event(reader, s.head().id(), "item-removed", item.get().ref(), null, null, null, why);
        rows.touch(s.head().id());
        rows.audit(reader, AuditAction.ALTERATION, s.head().id(), "item-removed",
                Map.of("item", item.get().ref().itemType() + ":" + item.get().ref().itemId()));
        return new CaseStep.Done<>(caseItemId);
    }

    List<TimelineEntry> timeline(Reader reader, Seen s) {
        List<TimelineEntry> all = jdbc.sql("SELECT * FROM cases_timeline WHERE case_id = :id ORDER BY seq")
                .param("id", s.head().id()).query((rs, n) -> {
                    String type = rs.getString("item_type");
                    return new TimelineEntry(rs.getLong("seq"), rs.getString("kind"), rs.getString("actor_user_id"),
                            rs.getString("actor_organisation_id"), CaseRows.instant(rs, "at"),
                            type == null ? null : new ItemRef(ItemType.valueOf(type), rs.getString("item_id")),
                            rs.getString("task_id"), rs.getString("from_value"), rs.getString("to_value"),
                            rs.getString("text"));
                }).list();
        Map<ItemRef, Boolean> decided = new HashMap<>();
        List<TimelineEntry> shown = all.stream()
                .filter(e -> e.item() == null || decided.computeIfAbsent(e.item(), r -> lookup.sees(reader, r)))
                .toList();
        rows.audit(reader, AuditAction.CONSULTATION, s.head().id(), "timeline",
                Map.of("entries", String.valueOf(shown.size())));
        return shown;
    }
}
