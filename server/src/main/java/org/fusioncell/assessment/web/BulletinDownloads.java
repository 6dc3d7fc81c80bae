package org.fusioncell.assessment.web;

import java.util.Locale;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.assessment.AssessmentAccess;
import org.fusioncell.assessment.Bulletins;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A product's bulletin as PDF or HTML, from the product page ({@code /assessments/{id}/bulletin.pdf}) and the
 * API ({@code /api/v1/assessments/{id}/bulletin.pdf}); {@code lang} picks ar, fr or en. The response carries
 * the content hash printed in the document ({@code X-Content-Hash}).
 */
@Controller
class BulletinDownloads {

    private final Bulletins bulletins;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    BulletinDownloads(Bulletins bulletins, Readers readers, Organisations organisations, ClassificationScheme scheme) {
        this.bulletins = bulletins;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    @GetMapping({"/assessments/{id}/bulletin.pdf", "/api/v1/assessments/{id}/bulletin.pdf"})
    ResponseEntity<?> pdf(@PathVariable String id, @RequestParam(required = false) String lang) {
        return answer(id, lang, Bulletins.Format.PDF);
    }

    @GetMapping({"/assessments/{id}/bulletin.html", "/api/v1/assessments/{id}/bulletin.html"})
    ResponseEntity<?> html(@PathVariable String id, @RequestParam(required = false) String lang) {
        return answer(id, lang, Bulletins.Format.HTML);
    }

    private ResponseEntity<?> answer(String id, String lang, Bulletins.Format format) {
        String language = lang == null || lang.isBlank() ? null : lang.strip().toLowerCase(Locale.ROOT);
        return switch (bulletins.print(readers.current(), id, language, format)) {
            case Bulletins.Printing.Done done -> {
                Bulletins.Printed p = done.printed();
                ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                                .builder(format == Bulletins.Format.PDF ? "attachment" : "inline")
                                .filename(p.filename()).build().toString())
                        .header("X-Content-Hash", p.contentHash())
                        .header(HttpHeaders.CONTENT_LANGUAGE, p.language())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store");
                if (format == Bulletins.Format.PDF) {
                    yield ok.contentType(MediaType.APPLICATION_PDF).body(p.bytes());
                }
                yield ok.contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                        .header("Content-Security-Policy", p.contentSecurityPolicy()).body(p.bytes());
            }
            case Bulletins.Printing.KnownToExist k -> StepAnswers.opened(k.notice(), scheme, organisations);
            case Bulletins.Printing.Unknown u -> throw new NotFoundException("assessment");
        };
    }
}
