package org.fusioncell.monitoring.incidents.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.incidents.internal.IncidentImport;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** {@code /incidents/import}: a CSV file with a preset or a mapping; the result, or the problems by row and column. */
@Controller
@RequestMapping("/incidents/import")
class IncidentImportPages {

    private final IncidentImport imports;
    private final ImportRequests requests;
    private final Readers readers;

    IncidentImportPages(IncidentImport imports, ImportRequests requests, Readers readers) {
        this.imports = imports;
        this.requests = requests;
        this.readers = readers;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("presets", ImportRequests.presets());
        return "incidents/import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "preset", required = false) String preset,
                  @RequestParam(name = "mapping", required = false) String mapping,
                  @RequestParam(name = "classification", required = false) String classification,
                  @RequestParam(name = "tlp", required = false) String tlp,
                  Model model, HttpServletResponse response) throws IOException {
        model.addAttribute("presets", ImportRequests.presets());
        Reader reader = readers.current();
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "is required");
            }
            var m = requests.mapping(null, mapping, preset);
            var marking = classification == null || classification.isBlank() ? requests.marking(null, reader)
                    : requests.checked(new org.fusioncell.access.MarkingForm(classification, tlp, null, false, List.of()),
                    reader);
            IncidentImport.Outcome outcome;
            try (InputStream in = file.getInputStream()) {
                outcome = imports.run(reader, in, m, marking);
            }
            switch (outcome) {
                case IncidentImport.Imported done -> {
                    model.addAttribute("imported", done.imported());
                    model.addAttribute("duplicates", done.duplicates());
                }
                case IncidentImport.Invalid invalid -> {
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    model.addAttribute("problems", invalid.problems());
                    model.addAttribute("problemCount", invalid.total());
                }
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", List.of(new IncidentImport.Problem(0, null, e.field(), e.problem())));
            model.addAttribute("problemCount", 1);
        }
        return "incidents/import";
    }
}
