package org.fusioncell.screening.internal;

import java.util.HashMap;
import java.util.Map;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.entities.Entities;

/**
 * A run of kind ENTITY shows a person entity (its subject is the entity's particulars; its run and hits
 * carry the entity's marking). Being screening information, it is read under that marking for the
 * screening information type, and, because it shows the entity, for the entity information type too:
 * an agreement granting a partner screening but not entities must not show them entities' hits. Other
 * runs are unaffected. The SQL parameters are renamed ({@code acce_…}) not to collide with the others.
 */
final class EntityVisibility {

    private EntityVisibility() {
    }

    /** Holds for rows whose run (id in {@code runIdColumn}) is not an entity run, or whose marking shows the entity. */
    static SqlPredicate of(Reader reader, String runIdColumn, String markingColumn) {
        SqlPredicate entity = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, markingColumn);
        Map<String, Object> params = new HashMap<>();
        entity.params().forEach((k, v) -> params.put("acce_" + k.substring("acc_".length()), v));
        return new SqlPredicate("(" + runIdColumn + " NOT IN (SELECT er.id FROM screening_run er WHERE er.kind = 'ENTITY') OR "
                + entity.sql().replace(":acc_", ":acce_") + ")", params);
    }

    /**
     * The decision on an item of an entity run: the lesser of the decisions for screening and for the
     * entity (hidden, then existence only, then visible), so it is shown only to whom may see the entity,
     * and its existence only to whom may learn of the entity's.
     */
    static Decision decide(Reader reader, Decision onScreening, Marking marking) {
        Decision onEntity = AccessPolicy.decide(reader, Entities.INFORMATION_TYPE, marking);
        if (onEntity.visible() || onScreening.visibility() == Decision.Visibility.HIDDEN) {
            return onScreening;
        }
        if (onEntity.visibility() == Decision.Visibility.EXISTENCE_ONLY) {
            return onScreening.visible() ? onEntity : onScreening;
        }
        return new Decision(Decision.Visibility.HIDDEN, "entity not visible: " + onEntity.reason());
    }
}
