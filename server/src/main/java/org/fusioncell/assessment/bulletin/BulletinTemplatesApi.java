package org.fusioncell.assessment.bulletin;

import java.util.List;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/bulletin-templates}: administrators and supervisors read, replace and reset the bulletin
 * template of each product type and language. A template that does not read answers 400 naming the line and the
 * template field ({@code line}, {@code templateField}); nothing is stored.
 */
@RestController
@RequestMapping("/api/v1/bulletin-templates")
@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'SUPERVISOR')")
class BulletinTemplatesApi {

    record SourceForm(String source) {
    }

    record FieldView(String name, String kind) {
    }

    record TemplateList(List<BulletinTemplates.Entry> templates, List<FieldView> fields) {
    }

    private final BulletinTemplates templates;
    private final Readers readers;

    BulletinTemplatesApi(BulletinTemplates templates, Readers readers) {
        this.templates = templates;
        this.readers = readers;
    }

    @GetMapping
    TemplateList list() {
        return new TemplateList(templates.list(), BulletinTemplate.FIELD_KINDS.entrySet().stream()
                .map(e -> new FieldView(e.getKey(), e.getValue().name())).toList());
    }

    @GetMapping("/{productType}/{language}")
    BulletinTemplates.Entry one(@PathVariable String productType, @PathVariable String language) {
        return templates.entry(type(productType), language);
    }

    @PutMapping("/{productType}/{language}")
    ResponseEntity<?> store(@PathVariable String productType, @PathVariable String language,
                            @RequestBody SourceForm form) {
        ProductType type = type(productType);
        try {
            return ResponseEntity.ok(templates.store(readers.current(), type, language, form.source()));
        } catch (InvalidTemplateException e) {
            ProblemDetail problem = ProblemDetails.invalid(e.field(), e.problem());
            problem.setProperty("line", e.line());
            problem.setProperty("templateField", e.templateField());
            return ResponseEntity.badRequest().body(problem);
        }
    }

    @DeleteMapping("/{productType}/{language}")
    BulletinTemplates.Entry reset(@PathVariable String productType, @PathVariable String language) {
        return templates.reset(readers.current(), type(productType), language);
    }

    private static ProductType type(String text) {
        return ProductType.parse(text).orElseThrow(() -> new InvalidInputException("productType",
                "one of threat-assessment, situation-report, partner-alert"));
    }
}
