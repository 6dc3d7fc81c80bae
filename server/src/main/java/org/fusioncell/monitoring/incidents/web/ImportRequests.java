package org.fusioncell.monitoring.incidents.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.monitoring.incidents.internal.ImportMapping;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The mapping and the marking of an import as the API and the page receive them. */
@Component
class ImportRequests {

    private final JsonMapper json;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;

    ImportRequests(JsonMapper json, ClassificationScheme scheme, MarkingVocabulary vocabulary) {
        this.json = json;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
    }

    ImportMapping mapping(MultipartFile file, String text, String preset) throws IOException {
        String mapping = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : text;
        if (mapping != null && !mapping.isBlank()) {
            return ImportMapping.parse(json, mapping);
        }
        if (preset != null && !preset.isBlank()) {
            return ImportMapping.preset(preset);
        }
        throw new InvalidInputException("mapping", "is required: a mapping (JSON) or a preset such as ucdp-ged");
    }

    /** The marking as JSON, or by default the lowest level at TLP:AMBER owned by the author's organisation. */
    Marking marking(String text, Reader author) {
        if (text == null || text.isBlank()) {
            return new Marking(0, Tlp.AMBER, new Releasability(java.util.Set.of(), java.util.Set.of(),
                    java.util.Set.of(), java.util.Set.of()), false, java.util.Set.of(), author.organisationId());
        }
        MarkingForm form;
        try {
            form = json.readValue(text, MarkingForm.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("marking", "not a marking object (JSON)");
        }
        return checked(form, author);
    }

    Marking checked(MarkingForm form, Reader author) {
        Marking m = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
        if (m.classificationRank() > author.clearanceRank()) {
            throw new InvalidInputException("marking.classification", "above your own clearance");
        }
        return m;
    }

    static List<String> presets() {
        return List.copyOf(new java.util.TreeSet<>(ImportMapping.PRESETS.keySet()));
    }
}
