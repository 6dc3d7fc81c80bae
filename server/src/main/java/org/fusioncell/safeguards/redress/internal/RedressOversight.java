package org.fusioncell.safeguards.redress.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fusioncell.safeguards.OversightCell;
import org.fusioncell.safeguards.OversightSection;
import org.fusioncell.safeguards.OversightTable;
import org.fusioncell.safeguards.redress.RedressRequest;
import org.fusioncell.screening.Depersonalisation;
import org.springframework.stereotype.Component;

/**
 * The oversight report's section on people's rights over screening data: redress requests received and
 * decided by outcome with the median time to decision, depersonalisation, and re-personalisation requests by
 * decision, for the period. Counts only, never a person.
 */
@Component
class RedressOversight implements OversightSection {

    private final JdbcRedress redress;
    private final Depersonalisation depersonalisation;

    RedressOversight(JdbcRedress redress, Depersonalisation depersonalisation) {
        this.redress = redress;
        this.depersonalisation = depersonalisation;
    }

    @Override
    public String id() {
        return "redress";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<OversightTable> tables(Instant from, Instant to) {
        List<RedressRequest> period = redress.between(from, to);
        long received = period.stream().filter(r -> in(r.filedAt(), from, to)).count();
        List<RedressRequest> decided = period.stream().filter(r -> r.decidedAt() != null && in(r.decidedAt(), from, to))
                .toList();
        long upheld = decided.stream().filter(r -> r.outcome() == RedressRequest.Outcome.UPHELD).count();
        List<Duration> times = decided.stream().map(r -> Duration.between(r.filedAt(), r.decidedAt())).sorted().toList();
        OversightTable requests = new OversightTable("redress-requests",
                List.of("redress-received", "redress-decided", "redress-upheld", "redress-not-upheld",
                        "redress-median-time-to-decision"),
                List.of(List.of(new OversightCell.Count(received), new OversightCell.Count(decided.size()),
                        new OversightCell.Count(upheld), new OversightCell.Count(decided.size() - upheld),
                        new OversightCell.Time(median(times)))));
        Depersonalisation.Figures f = depersonalisation.figures(from, to);
        OversightTable masked = new OversightTable("depersonalisation", List.of("depersonalised-runs", "depersonalised-subjects"),
                List.of(List.of(new OversightCell.Count(f.runs()), new OversightCell.Count(f.subjects()))));
        OversightTable repersonalised = new OversightTable("repersonalisation",
                List.of("repersonalisation-requested", "repersonalisation-approved",
                        "repersonalisation-refused", "repersonalisation-pending"),
                List.of(List.of(new OversightCell.Count(f.requested()), new OversightCell.Count(f.approved()),
                        new OversightCell.Count(f.refused()), new OversightCell.Count(f.pending()))));
        return List.of(requests, masked, repersonalised);
    }

    private static boolean in(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /** The median, the mean of the middle two for an even count; absent when nothing was decided. */
    static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }
}
