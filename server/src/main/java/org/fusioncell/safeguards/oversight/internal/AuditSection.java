package org.fusioncell.safeguards.oversight.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditRecords;
import org.fusioncell.identity.Organisations;
import org.fusioncell.safeguards.OversightCell;
import org.fusioncell.safeguards.OversightSection;
import org.fusioncell.safeguards.OversightTable;
import org.springframework.stereotype.Component;

/**
 * The logging categories: how many audit records of each action the period holds, in all and per organisation.
 * Every action is listed, zeros too, so a category that nobody used is visible as such; an action the
 * application does not know (a tampered row) is listed as written.
 */
@Component
class AuditSection implements OversightSection {

    private final AuditRecords records;
    private final Organisations organisations;

    AuditSection(AuditRecords records, Organisations organisations) {
        this.records = records;
        this.organisations = organisations;
    }

    @Override
    public String id() {
        return "audit";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<OversightTable> tables(Instant from, Instant to) {
        List<AuditRecords.AuditCount> counts = records.count(from, to);
        Map<String, Long> byAction = new TreeMap<>();
        counts.forEach(c -> byAction.merge(c.action(), c.records(), Long::sum));
        List<List<OversightCell>> actions = new ArrayList<>();
        for (AuditAction a : AuditAction.values()) {
            actions.add(List.of(action(a.name()), new OversightCell.Count(byAction.getOrDefault(a.name(), 0L))));
        }
        byAction.forEach((name, n) -> {
            if (known(name)) {
                return;
            }
            actions.add(List.of(new OversightCell.Text(name), new OversightCell.Count(n)));
        });
        actions.add(List.of(new OversightCell.Term("oversight.total"),
                new OversightCell.Count(byAction.values().stream().mapToLong(Long::longValue).sum())));
        Map<String, String> names = new TreeMap<>();
        organisations.all().forEach(o -> names.put(o.id(), o.name()));
        List<List<OversightCell>> perOrganisation = new ArrayList<>();
        for (AuditRecords.AuditCount c : counts) {
            OversightCell organisation = c.organisationId() == null ? new OversightCell.Term("oversight.organisation.none")
                    : new OversightCell.Text(names.getOrDefault(c.organisationId(), c.organisationId()));
            perOrganisation.add(List.of(organisation, action(c.action()), new OversightCell.Count(c.records())));
        }
        return List.of(new OversightTable("audit-actions", List.of("action", "records"), actions),
                new OversightTable("audit-organisations", List.of("organisation", "action", "records"),
                        perOrganisation));
    }

    private static OversightCell action(String name) {
        return known(name) ? new OversightCell.Term("audit.action." + name) : new OversightCell.Text(name);
    }

    private static boolean known(String name) {
        for (AuditAction a : AuditAction.values()) {
            if (a.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

}
