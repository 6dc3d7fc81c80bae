package org.fusioncell.screening.internal;

import java.util.HashMap;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.screening.Watchlists;

/**
 * The lists a reader may see, as SQL over a column holding a list id. A hit shows a list's entry, so it
 * is read under both its own marking and its list's: this predicate is AND-ed with the hit's. Its
 * parameters are renamed ({@code accl_…}) so that they cannot collide with the other predicate's
 * ({@code acc_…}), whose agreement grants are filtered for another information type.
 */
final class ListVisibility {

    private ListVisibility() {
    }

    static SqlPredicate of(Reader reader, String listIdColumn) {
        SqlPredicate lists = VisibilityFilter.visible(reader, Watchlists.INFORMATION_TYPE, "w.marking_id");
        Map<String, Object> params = new HashMap<>();
        lists.params().forEach((k, v) -> params.put("accl_" + k.substring("acc_".length()), v));
        return new SqlPredicate(listIdColumn + " IN (SELECT w.id FROM screening_watchlist w WHERE "
                + lists.sql().replace(":acc_", ":accl_") + ")", params);
    }

    static Map<String, Object> merged(SqlPredicate a, SqlPredicate b) {
        Map<String, Object> params = new HashMap<>(a.params());
        params.putAll(b.params());
        return params;
    }
}
