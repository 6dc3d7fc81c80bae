package org.fusioncell.safeguards.oversight.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.LoggedAuditRecord;
import org.fusioncell.entities.Entities;
import org.fusioncell.safeguards.oversight.FindingRule;

/**
 * The rules, applied to every record of one user in one window. Plain Java over audit records: what counts as
 * an opened person, an export, an odd hour or a probe is decided here and nowhere else.
 */
final class PatternRules {

    /** What one rule saw in a window, when it crossed its threshold. */
    record Observation(FindingRule rule, long observed, long threshold, Long objects, Long objectThreshold,
                       List<Long> evidence, String detail) {
    }

    /** The outcomes with which a read shows less than the item: the item exists, or nothing at all. */
    private static final Set<String> PROBE_OUTCOMES = Set.of("EXISTENCE_ONLY", "HIDDEN");
    private static final int DETAIL_ITEMS = 20;

    private final AccessReviewSettings settings;

    PatternRules(AccessReviewSettings settings) {
        this.settings = settings;
    }

    /** The start of the window holding {@code at}: windows are counted from local midnight in the cell's zone. */
    static Instant windowStart(Instant at, ZoneId zone, Duration window) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime midnight = local.toLocalDate().atStartOfDay(zone);
        long slots = Duration.between(midnight, local).toMillis() / window.toMillis();
        return midnight.plus(window.multipliedBy(slots)).toInstant();
    }

    /**
     * @param unrelatedPersons given entity ids opened, those that are persons in no case of the user's organisation
     *                         and under none of its watches; asked only when the opened entities exceed the threshold
     */
    List<Observation> evaluate(List<LoggedAuditRecord> records, Function<Set<String>, Set<String>> unrelatedPersons) {
        List<Observation> found = new ArrayList<>();
        unrelated(records, unrelatedPersons, found);
        exports(records, found);
        oddHours(records, found);
        probing(records, found);
        return found;
    }

    private void unrelated(List<LoggedAuditRecord> records, Function<Set<String>, Set<String>> unrelatedPersons,
                           List<Observation> found) {
        Map<String, List<Long>> opened = new LinkedHashMap<>();
        for (LoggedAuditRecord r : records) {
            // an item opened, not a list page (a list names many ids without anybody reading them)
            if (AuditAction.CONSULTATION.name().equals(r.action()) && Entities.INFORMATION_TYPE.equals(r.objectType())
                    && "OK".equals(r.outcome()) && !"list".equals(r.details().get("view"))) {
                r.objectIds().forEach(id -> opened.computeIfAbsent(id, k -> new ArrayList<>()).add(r.seq()));
            }
        }
        if (opened.size() <= settings.distinctPersons()) {
            return;
        }
        Set<String> outside = unrelatedPersons.apply(Set.copyOf(opened.keySet()));
        if (outside.size() > settings.distinctPersons()) {
            found.add(new Observation(FindingRule.UNRELATED_PERSONS, outside.size(), settings.distinctPersons(), null,
                    null, seqs(outside.stream().flatMap(id -> opened.get(id).stream()).toList()), null));
        }
    }

    private void exports(List<LoggedAuditRecord> records, List<Observation> found) {
        List<LoggedAuditRecord> exports = records.stream()
                .filter(r -> AuditAction.EXPORT.name().equals(r.action())).toList();
        long objects = exports.stream().mapToLong(r -> r.objectIds().size()).sum();
        if (exports.size() > settings.exports() || objects > settings.exportedObjects()) {
            found.add(new Observation(FindingRule.BULK_EXPORT, exports.size(), settings.exports(), objects,
                    (long) settings.exportedObjects(), seqs(exports.stream().map(LoggedAuditRecord::seq).toList()),
                    null));
        }
    }

    private void oddHours(List<LoggedAuditRecord> records, List<Observation> found) {
        List<Long> odd = records.stream()
                .filter(r -> !AuditAction.LOGIN_FAILED.name().equals(r.action()) && oddHour(r.occurredAt()))
                .map(LoggedAuditRecord::seq).toList();
        if (odd.size() > settings.oddHourRecords()) {
            found.add(new Observation(FindingRule.ODD_HOURS, odd.size(), settings.oddHourRecords(), null, null,
                    seqs(odd), settings.workStart() + "–" + settings.workEnd()));
        }
    }

    boolean oddHour(Instant at) {
        ZonedDateTime local = at.atZone(settings.zone());
        LocalTime time = local.toLocalTime();
        return !settings.workDays().contains(local.getDayOfWeek()) || time.isBefore(settings.workStart())
                || !time.isBefore(settings.workEnd());
    }

    private void probing(List<LoggedAuditRecord> records, List<Observation> found) {
        Map<String, List<Long>> probes = new LinkedHashMap<>();
        for (LoggedAuditRecord r : records) {
            boolean probe = AuditAction.ACCESS_DENIED.name().equals(r.action())
                    || AuditAction.CONSULTATION.name().equals(r.action()) && PROBE_OUTCOMES.contains(r.outcome());
            if (probe) {
                r.objectIds().forEach(id -> probes.computeIfAbsent(r.objectType() + ":" + id, k -> new ArrayList<>())
                        .add(r.seq()));
            }
        }
        Map<String, List<Long>> repeated = probes.entrySet().stream()
                .filter(e -> e.getValue().size() >= settings.probes())
                .sorted(Map.Entry.<String, List<Long>>comparingByValue(Comparator.comparingInt(List::size)).reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        if (!repeated.isEmpty()) {
            String detail = repeated.entrySet().stream().limit(DETAIL_ITEMS)
                    .map(e -> e.getKey() + " ×" + e.getValue().size()).collect(Collectors.joining(", "));
            found.add(new Observation(FindingRule.REPEATED_PROBING,
                    repeated.values().stream().mapToInt(List::size).max().orElseThrow(), settings.probes(), null, null,
                    seqs(repeated.values().stream().flatMap(List::stream).toList()), detail));
        }
    }

    private static List<Long> seqs(List<Long> values) {
        return List.copyOf(new TreeSet<>(values));
    }
}
