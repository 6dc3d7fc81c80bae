package org.fusioncell.safeguards.oversight.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.CaseItem;
import org.fusioncell.cases.CaseQuery;
import org.fusioncell.cases.CaseSummary;
import org.fusioncell.cases.Cases;
import org.fusioncell.cases.ItemType;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityType;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.Watch;
import org.fusioncell.monitoring.WatchCriterion;
import org.fusioncell.monitoring.Watches;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Which persons a user had a reason to open: the entities in the cases their organisation takes part in and
 * under the watches shared within it. Read through the cases and monitoring APIs as a processing actor that
 * carries the user's organisation, clearance, caveats and agreements — so the review sees what the user could
 * see there, and the log records the review, not the user, as the reader. A watch the user keeps unshared is
 * seen by nobody else (docs/monitoring.md) and therefore not by the review either (docs/oversight.md).
 */
@Component
class InvestigativeContext {

    static final String ACTOR = "processing:access-review";
    static final String PURPOSE = "access-review";
    private static final int PAGE = 200;

    private final Readers readers;
    private final Cases cases;
    private final Watches watches;
    private final Entities entities;

    InvestigativeContext(Readers readers, Cases cases, Watches watches, Entities entities) {
        this.readers = readers;
        this.cases = cases;
        this.watches = watches;
        this.entities = entities;
    }

    /** One pass's memory: the covered entities per user, read once however many windows the pass touches. */
    final class Pass {
        private final Map<String, Set<String>> covered = new ConcurrentHashMap<>();

        Set<String> unrelatedPersons(String userId, Set<String> entityIds) {
            Set<String> persons = new LinkedHashSet<>();
            for (String id : entityIds) {
                if (entities.forProcessing(id).map(e -> e.type() == EntityType.PERSON).orElse(false)) {
                    persons.add(id);
                }
            }
            if (persons.isEmpty()) {
                return persons;
            }
            Set<String> known = covered.computeIfAbsent(userId, InvestigativeContext.this::covered);
            // a person merged since: the case or watch names the survivor
            persons.removeIf(id -> known.contains(id) || known.contains(entities.survivorOf(id)));
            return persons;
        }
    }

    Pass pass() {
        return new Pass();
    }

    private Set<String> covered(String userId) {
        Reader user;
        try {
            user = readers.forUser(userId, PURPOSE);
        } catch (NotFoundException e) {
            return Set.of();
        }
        Reader review = new Reader(ACTOR, user.organisationId(), user.organisationType(), user.clearanceRank(),
                user.caveats(), user.agreements(), PURPOSE);
        Set<String> ids = new HashSet<>();
        int page = 0;
        Page<CaseSummary> listed;
        do {
            listed = cases.list(review, CaseQuery.all(), new PageRequest(page++, PAGE));
            for (CaseSummary c : listed.items()) {
                List<CaseItem> items = cases.items(review, c.id()).orElse(List.of());
                items.stream().filter(i -> i.itemType() == ItemType.ENTITY).forEach(i -> ids.add(i.itemId()));
            }
        } while ((long) page * PAGE < listed.total());
        page = 0;
        Page<Watch> shared;
        do {
            shared = watches.list(review, new PageRequest(page++, PAGE));
            for (Watch w : shared.items()) {
                if (w.criterion() instanceof WatchCriterion.OnEntity on) {
                    ids.add(on.entityId());
                }
            }
        } while ((long) page * PAGE < shared.total());
        return ids;
    }
}
