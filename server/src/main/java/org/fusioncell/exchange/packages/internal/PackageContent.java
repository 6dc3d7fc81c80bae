package org.fusioncell.exchange.packages.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.taxii.ObjectQuery;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.exchange.taxii.TaxiiStore.Row;

/**
 * What a package carries: the object versions the partner would get by pulling the collection with
 * {@code added_after} and {@code match[version]=all}, paged until done, at most {@code maxObjects}. A package
 * cut short ends before the last date added it reached, so that resuming with {@code added_after} set to the
 * package's last date added loses nothing added at the same instant.
 */
final class PackageContent {

    static final int PAGE = 1000;

    /** {@code rows} in date-added order; {@code more}: objects wait for the next package. */
    record Content(List<Row> rows, boolean more) {

        Instant firstAdded() {
            return rows.isEmpty() ? null : rows.getFirst().dateAdded();
        }

        Instant lastAdded() {
            return rows.isEmpty() ? null : rows.getLast().dateAdded();
        }

        /** {@code {"objects":[…]}}: the objects as TAXII serves them, byte for byte. */
        byte[] envelope() {
            StringBuilder b = new StringBuilder(16 + rows.stream().mapToInt(r -> r.json().length() + 1).sum());
            b.append("{\"objects\":[");
            for (int i = 0; i < rows.size(); i++) {
                b.append(i > 0 ? "," : "").append(rows.get(i).json());
            }
            return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        }

        Set<String> stixIds() {
            Set<String> ids = new LinkedHashSet<>();
            rows.forEach(r -> ids.add(r.id()));
            return ids;
        }
    }

    private final TaxiiStore store;

    PackageContent(TaxiiStore store) {
        this.store = store;
    }

    /** Empty rows with {@code more} true: more than {@code maxObjects} were added at one instant. */
    Content collect(Reader partner, TaxiiCollection collection, Instant since, int maxObjects) {
        List<Row> rows = new ArrayList<>();
        ObjectQuery.Cursor next = null;
        boolean more;
        do {
            TaxiiStore.Page page = store.objects(partner, collection, query(since, next, List.of()), null);
            rows.addAll(page.rows());
            more = page.more();
            next = page.next();
        } while (more && rows.size() <= maxObjects);
        if (rows.size() <= maxObjects) {
            return new Content(List.copyOf(rows), false);
        }
        Instant cut = rows.get(maxObjects).dateAdded();
        List<Row> kept = new ArrayList<>(rows.subList(0, maxObjects));
        while (!kept.isEmpty() && kept.getLast().dateAdded().equals(cut)) {
            kept.removeLast();
        }
        return new Content(List.copyOf(kept), true);
    }

    /**
     * How many of the rows {@code carrier} may not read: whoever builds a package can open it, so they must be
     * cleared for all it carries.
     */
    int hiddenFrom(Reader carrier, TaxiiCollection collection, Instant since, Content content) {
        Set<Long> wanted = new HashSet<>();
        content.rows().forEach(r -> wanted.add(r.seq()));
        List<String> ids = List.copyOf(content.stixIds());
        for (int from = 0; from < ids.size() && !wanted.isEmpty(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            ObjectQuery.Cursor next = null;
            boolean more;
            do {
                TaxiiStore.Page page = store.objects(carrier, collection, query(since, next, chunk), null);
                page.rows().forEach(r -> wanted.remove(r.seq()));
                more = page.more();
                next = page.next();
            } while (more);
        }
        return wanted.size();
    }

    private static ObjectQuery query(Instant since, ObjectQuery.Cursor next, List<String> ids) {
        return new ObjectQuery(since, PAGE, next, ids, List.of(), List.of("all"), List.of());
    }
}
