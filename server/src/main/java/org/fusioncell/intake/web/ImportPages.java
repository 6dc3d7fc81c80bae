package org.fusioncell.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.internal.ReportImportError;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** {@code /reports/import}: upload a JSON lines or CSV file (and a mapping); see the result or every error. */
@Controller
@RequestMapping("/reports/import")
class ImportPages {

    private final ImportApiForms forms;
    private final Readers readers;

    ImportPages(ImportApiForms forms, Readers readers) {
        this.forms = forms;
        this.readers = readers;
    }

    @GetMapping
    String form() {
        return "intake/import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "mapping", required = false) MultipartFile mapping, Model model,
                  jakarta.servlet.http.HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            return invalid(model, response, List.of(new ReportImportError(0, "file", "is required")), 1);
        }
        ImportApiForms.Outcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = forms.run(readers.current(), in, ImportApiForms.formatOf(file.getOriginalFilename(),
                    file.getContentType()), mapping == null || mapping.isEmpty() ? null : mapping.getBytes());
        } catch (InvalidInputException e) {
            return invalid(model, response, List.of(new ReportImportError(0, e.field(), e.problem())), 1);
        }
        switch (outcome) {
            case ImportApiForms.Imported done -> model.addAttribute("imported", done.reportIds().size());
            case ImportApiForms.Invalid invalid -> {
                return invalid(model, response, invalid.errors(), invalid.total());
            }
            case ImportApiForms.Refused refused -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("refusedLine", refused.line());
            }
        }
        return "intake/import";
    }

    private static String invalid(Model model, jakarta.servlet.http.HttpServletResponse response,
                                  List<ReportImportError> errors, long total) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", errors);
        model.addAttribute("errorCount", total);
        model.addAttribute("errorsNotListed", total - errors.size());
        return "intake/import";
    }
}
