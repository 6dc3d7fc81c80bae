package org.fusioncell.screening;

/** The list formats FusionCell reads. */
public enum WatchlistFormat {
    /** The UN Security Council Consolidated List XML. */
    UN_CONSOLIDATED_XML,
    /** OFAC's legacy delimited SDN set (sdn.csv with alt.csv and add.csv beside it), also the non-SDN cons_*.csv set. */
    OFAC_CSV,
    /** FollowTheMoney entities, one JSON object per line (the OpenSanctions format). */
    FOLLOW_THE_MONEY_JSONL,
    /** FusionCell's documented CSV for national lists (docs/screening.md). */
    NATIONAL_CSV
}
