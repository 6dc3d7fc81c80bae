package org.fusioncell.assessment;

import java.util.List;
import org.fusioncell.access.Reader;

/** The current threat level per area and sector, and each scope's history, cut to what the reader may see. */
public interface ThreatLevels {

    List<ThreatLevel> current(Reader reader);

    /** Newest first. */
    List<ThreatLevel> history(Reader reader, SubjectType scopeType, String scopeKey);
}
