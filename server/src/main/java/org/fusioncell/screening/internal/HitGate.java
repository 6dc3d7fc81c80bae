package org.fusioncell.screening.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The policy's decision on one hit for a reader: its own marking decides, and its list must be visible too
 * (and, for a hit of a person entity, the entity: {@link EntityVisibility}).
 */
@Component
class HitGate {

    private final JdbcClient jdbc;
    private final Markings markings;

    HitGate(JdbcClient jdbc, Markings markings) {
        this.jdbc = jdbc;
        this.markings = markings;
    }

    /** One hit, the policy's decision on it for the reader (a hit whose list they may not see is HIDDEN). */
    record Gate(HitRows.Row row, Marking marking, Decision decision) {
    }

    Optional<Gate> gate(Reader reader, String hitId) {
        if (!Ids.isWellFormed(hitId)) {
            return Optional.empty();
        }
        Optional<HitRows.Row> row = jdbc.sql(HitRows.SELECT + " WHERE h.id = :id").param("id", hitId)
                .query(HitRows::row).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String listMarking = jdbc.sql("SELECT marking_id FROM screening_watchlist WHERE id = :id")
                .param("id", row.get().listId()).query(String.class).single();
        Map<String, Marking> marks = markings.findAll(List.of(row.get().markingId(), listMarking));
        Marking marking = marks.get(row.get().markingId());
        Decision decision = AccessPolicy.decide(reader, Screening.INFORMATION_TYPE, marking);
        Decision onList = AccessPolicy.decide(reader, Watchlists.INFORMATION_TYPE, marks.get(listMarking));
        if (decision.visible() && !onList.visible()) {
            decision = new Decision(Decision.Visibility.HIDDEN, "list not visible: " + onList.reason());
        }
        String kind = jdbc.sql("SELECT kind FROM screening_run WHERE id = :id").param("id", row.get().runId())
                .query(String.class).single();
        if ("ENTITY".equals(kind)) {
            decision = EntityVisibility.decide(reader, decision, marking);
        }
        return Optional.of(new Gate(row.get(), marking, decision));
    }

}
