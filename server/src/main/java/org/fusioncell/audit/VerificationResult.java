package org.fusioncell.audit;

/** What a walk of the chain found: the whole chain intact, or the first broken record. */
public sealed interface VerificationResult {

    /** The one line that {@code ./fusioncell audit verify} prints. */
    String line();

    /** Every record re-hashed and linked, contiguous from #1 up to the chain head. */
    record Intact(long records, long lastSeq, String lastHash) implements VerificationResult {
        @Override
        public String line() {
            return "audit log intact: " + records + " records, last #" + lastSeq + " hash " + lastHash;
        }
    }

    /**
     * The first record found broken. For {@link Breach#RECORD_MISSING} {@code seq} is the missing
     * number and {@code recordId} is null (the detail names the record after the gap, if any).
     */
    record Broken(long seq, String recordId, Breach breach, String detail) implements VerificationResult {
        @Override
        public String line() {
            return "audit log BROKEN at record #" + seq + (recordId == null ? "" : " (id " + recordId + ")") + ": "
                    + breach.text() + (detail == null ? "" : " (" + detail + ")");
        }
    }

    enum Breach {
        /** The record's hash no longer matches its content (a field or the hash itself was changed). */
        CONTENT_CHANGED("content changed"),
        /** The record no longer names its predecessor's hash (its prev_hash was changed). */
        LINK_BROKEN("link broken"),
        /** A sequence number is absent: the record was deleted (or its number changed). */
        RECORD_MISSING("record missing"),
        /** The last record's hash differs from the one the chain head remembers. */
        CHAIN_END_MISMATCH("chain end mismatch"),
        /** A record whose number lies outside the chain (before #1 or past the head): inserted, not appended. */
        RECORD_OUTSIDE_CHAIN("record outside the chain");

        private final String text;

        Breach(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
