package org.fusioncell.exchange;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Reader;

/**
 * STIX 2.1 bundles in and out. An export holds only what the reader may see; an import is checked whole
 * before anything is written and then stored in one transaction (nothing is partially imported).
 */
public interface StixBundles {

    /**
     * The bundle of what {@code reader} may see, as a JSON-ready map (insertion-ordered, deterministic for
     * the same content). Audited as an export.
     */
    Map<String, Object> export(Reader reader, Filter filter);

    /**
     * Imports a bundle for {@code reader}'s organisation. Bad input throws
     * {@link org.fusioncell.shared.InvalidInputException} naming the field ({@code objects[12].type});
     * a bundle over the object limit throws {@link BundleTooLargeException}. Audited as collection.
     */
    Imported importBundle(Reader reader, byte[] bundle);

    /**
     * A product (threat assessment, situation report, partner alert) as a STIX report with the evidence the
     * reader may see; empty when the reader may not see the product. Audited as an export.
     */
    java.util.Optional<Map<String, Object>> exportAssessment(Reader reader, String assessmentId);

    /** {@code since}: items created or reported at or after it; {@code reportIds}: only these reports and what they cite. */
    record Filter(Instant since, Set<String> reportIds) {

        public Filter {
            reportIds = reportIds == null ? Set.of() : Set.copyOf(reportIds);
        }

        public static final Filter ALL = new Filter(null, Set.of());
    }

    /**
     * What an import did: items created (reports, entities, links, mentions), objects kept as received,
     * objects recognised as already held (a second import of the same bundle creates nothing).
     */
    record Imported(String importId, int reports, int entities, int links, int mentions, int kept, int alreadyHeld) {
    }

    /** More objects than {@code fusioncell.exchange.stix.max-objects}: answered with 413, nothing written. */
    class BundleTooLargeException extends RuntimeException {

        private final int limit;

        public BundleTooLargeException(int limit) {
            super("objects: more than " + limit + " objects in the bundle");
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }
}
