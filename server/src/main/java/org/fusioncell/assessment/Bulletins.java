package org.fusioncell.assessment;

import org.fusioncell.access.Reader;

/** A product printed as a bulletin, for a reader who may see it; every print is audited as an export. */
public interface Bulletins {

    enum Format { PDF, HTML }

    /** The printed bulletin: its bytes, the content hash it carries, and for HTML the policy to serve it with. */
    record Printed(byte[] bytes, Format format, String language, String contentHash, String contentSecurityPolicy,
                   String filename) {
    }

    sealed interface Printing {
        record Done(Printed printed) implements Printing {
        }

        record KnownToExist(AssessmentAccess.KnownToExist notice) implements Printing {
        }

        record Unknown() implements Printing {
        }
    }

    /** {@code language}: ar, fr or en; null prints in the product's own language. */
    Printing print(Reader reader, String assessmentId, String language, Format format);
}
