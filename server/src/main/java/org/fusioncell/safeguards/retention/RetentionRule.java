package org.fusioncell.safeguards.retention;

import java.time.Period;

/**
 * One line of the retention register: why an information type is held ({@code legalBasis}, {@code purpose}:
 * the installation's own wording when configured, otherwise null and the page shows the message
 * {@code retention.basis.<type>} / {@code retention.purpose.<type>}), for how long ({@code period}; null when
 * never erased), how often its holder must confirm the need ({@code reviewPeriod}; null: no review), and who
 * enforces it.
 */
public record RetentionRule(String type, String legalBasis, String purpose, Period period, Period reviewPeriod,
                            Enforcement enforcement, String periodSetting) {

    public enum Enforcement {
        /**
         * The retention purge of this module erases what has expired, through the owning module's erasure
         * (screening runs: the screening module, which has depersonalised them long before).
         */
        PURGE,
        /** Never erased (the audit log: it is the proof of every erasure). */
        NEVER
    }

    public String basisKey() {
        return "retention.basis." + type;
    }

    public String purposeKey() {
        return "retention.purpose." + type;
    }
}
