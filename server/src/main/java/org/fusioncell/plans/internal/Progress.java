package org.fusioncell.plans.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.fusioncell.plans.PlanTree.Indicator;

/**
 * Progress of an indicator and its roll-up (docs/plans.md, "Progress").
 *
 * <p>An indicator's progress is (latest total − baseline) / (target − baseline), clamped to [0, 1]: a value that
 * moved away from the target counts as no progress, one beyond the target as complete. The same formula serves
 * decreasing indicators (target below baseline: both differences are negative). Only totals count (a measurement
 * with no sex, age group or area); disaggregated figures are breakdowns of a total, not progress of their own.
 *
 * <p>Every level above (action, output, objective, priority area, plan) is the unweighted mean of its children
 * that have a progress; children with nothing measured yet are left out rather than counted as zero, so that an
 * action added late does not pull the plan down before its first measurement (the page shows what is unmeasured).
 */
final class Progress {

    private Progress() {
    }

    static Double of(BigDecimal baseline, BigDecimal target, BigDecimal latest) {
        if (latest == null) {
            return null;
        }
        BigDecimal span = target.subtract(baseline);
        if (span.signum() == 0) {
            return null; // refused on input; never stored
        }
        double ratio = latest.subtract(baseline).divide(span, MathContext.DECIMAL64).doubleValue();
        return Math.max(0.0, Math.min(1.0, ratio));
    }

    static Double indicator(Indicator i) {
        return of(i.baseline(), i.target(), i.latest() == null ? null : i.latest().value());
    }

    static Double mean(Collection<Double> children) {
        List<Double> measured = children.stream().filter(Objects::nonNull).toList();
        if (measured.isEmpty()) {
            return null;
        }
        return measured.stream().mapToDouble(Double::doubleValue).sum() / measured.size();
    }
}
