package org.fusioncell.assessment.web;

import java.util.Locale;
import org.fusioncell.assessment.AssessmentVocabulary;
import org.fusioncell.assessment.SubjectType;
import org.fusioncell.assessment.ThreatLevels;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /threat-levels}: the current level of each area and sector with its public summary, and one
 * scope's history. The internal level and the assessment behind it show only to readers who may see
 * that assessment; the public summary to everyone.
 */
@Controller
@RequestMapping("/threat-levels")
class ThreatLevelPages {

    private final ThreatLevels threatLevels;
    private final AssessmentVocabulary vocabulary;
    private final Readers readers;
    private final Organisations organisations;

    ThreatLevelPages(ThreatLevels threatLevels, AssessmentVocabulary vocabulary, Readers readers,
                     Organisations organisations) {
        this.threatLevels = threatLevels;
        this.vocabulary = vocabulary;
        this.readers = readers;
        this.organisations = organisations;
    }

    @GetMapping
    String current(Model model) {
        model.addAttribute("current", threatLevels.current(readers.current()));
        model.addAttribute("threatLevels", vocabulary.levels());
        model.addAttribute("organisationNames", AssessmentPages.organisationNames(organisations));
        return "assessment/threat-levels";
    }

    @GetMapping("/history")
    String history(@RequestParam(required = false) String type, @RequestParam(required = false) String key,
                   Model model) {
        SubjectType scope = scope(type);
        if (scope == null || key == null || key.isBlank() || key.length() > 200) {
            throw new NotFoundException("threat level");
        }
        var history = threatLevels.history(readers.current(), scope, key.strip());
        if (history.isEmpty()) {
            throw new NotFoundException("threat level");
        }
        model.addAttribute("history", history);
        model.addAttribute("scope", history.getFirst());
        model.addAttribute("organisationNames", AssessmentPages.organisationNames(organisations));
        return "assessment/threat-level-history";
    }

    private static SubjectType scope(String text) {
        if (text == null) {
            return null;
        }
        try {
            SubjectType t = SubjectType.valueOf(text.strip().toUpperCase(Locale.ROOT));
            return t == SubjectType.AREA || t == SubjectType.SECTOR ? t : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
