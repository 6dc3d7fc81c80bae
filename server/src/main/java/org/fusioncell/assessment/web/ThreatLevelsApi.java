package org.fusioncell.assessment.web;

import java.util.List;
import java.util.Locale;
import org.fusioncell.assessment.SubjectType;
import org.fusioncell.assessment.ThreatLevel;
import org.fusioncell.assessment.ThreatLevels;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/threat-levels}: the current level per area and sector, and a scope's history. */
@RestController
@RequestMapping("/api/v1/threat-levels")
class ThreatLevelsApi {

    private final ThreatLevels levels;
    private final Readers readers;

    ThreatLevelsApi(ThreatLevels levels, Readers readers) {
        this.levels = levels;
        this.readers = readers;
    }

    @GetMapping
    List<ThreatLevel> current() {
        return levels.current(readers.current());
    }

    @GetMapping("/{scopeType}/{scopeKey}")
    List<ThreatLevel> history(@PathVariable String scopeType, @PathVariable String scopeKey) {
        SubjectType type;
        try {
            type = SubjectType.valueOf(scopeType.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("scopeType", "AREA or SECTOR");
        }
        return levels.history(readers.current(), type, scopeKey.strip());
    }
}
