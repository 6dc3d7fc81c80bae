package org.fusioncell.cases.evidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.CaseAccess;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.Cases;
import org.fusioncell.cases.evidence.ChainCheck;
import org.fusioncell.cases.evidence.CustodyEvent;
import org.fusioncell.cases.evidence.Evidence;
import org.fusioncell.cases.evidence.EvidenceItem;
import org.fusioncell.cases.evidence.EvidencePackage;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.AttachmentTooLargeException;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /cases/{id}/evidence}: a case's evidence with each item's chain of custody, the intake and custody forms,
 * verification and the package download (docs/evidence.md). A refused step re-shows the page naming the field.
 */
@Controller
@RequestMapping("/cases/{id}/evidence")
class EvidencePages {

    private final Evidence evidence;
    private final Cases cases;
    private final Readers readers;
    private final Colleagues colleagues;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    EvidencePages(Evidence evidence, Cases cases, Readers readers, Colleagues colleagues, Organisations organisations,
                  ClassificationScheme scheme) {
        this.evidence = evidence;
        this.cases = cases;
        this.readers = readers;
        this.colleagues = colleagues;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    @GetMapping
    String page(@PathVariable String id, @RequestParam(required = false) Boolean verify, Model model) {
        Reader reader = readers.current();
        if (Boolean.TRUE.equals(verify) && evidence.verify(reader, id) instanceof CaseStep.Done<ChainCheck> d) {
            model.addAttribute("check", d.value());
        }
        return show(reader, id, model);
    }

    private String show(Reader reader, String id, Model model) {
        switch (cases.find(reader, id)) {
            case CaseAccess.Opened o -> {
                CaseFile c = o.file();
                List<EvidenceItem> items = evidence.items(reader, id).orElseThrow(() -> new NotFoundException("case"));
                Map<String, List<CustodyEvent>> custody = new LinkedHashMap<>();
                Set<String> users = new HashSet<>();
                for (EvidenceItem i : items) {
                    List<CustodyEvent> events = evidence.custody(reader, id, i.id()) instanceof
                            CaseStep.Done<List<CustodyEvent>> d ? d.value() : List.of();
                    custody.put(i.id(), events);
                    users.add(i.custodianUserId());
                    if (i.pendingToUserId() != null) {
                        users.add(i.pendingToUserId());
                    }
                    events.forEach(e -> {
                        users.add(e.actorUserId());
                        if (e.toUserId() != null) {
                            users.add(e.toUserId());
                        }
                    });
                }
                model.addAttribute("kase", c);
                model.addAttribute("marking", MarkingView.of(c.marking(), scheme));
                model.addAttribute("items", items);
                model.addAttribute("custody", custody);
                model.addAttribute("names", colleagues.displayNames(reader.organisationId(), users));
                model.addAttribute("me", reader.userId());
                model.addAttribute("kinds", List.of(EvidenceItem.Kind.values()));
                model.addAttribute("eventKinds", List.of(CustodyEvent.Kind.values()).subList(1,
                        CustodyEvent.Kind.values().length));
                return "evidence/list";
            }
            case CaseAccess.KnownToExist k -> {
                model.addAttribute("marking", MarkingView.of(k.marking(), scheme));
                model.addAttribute("lead", organisations.find(k.leadOrganisationId()).orElse(null));
                return "cases/held";
            }
            case CaseAccess.Unknown u -> throw new NotFoundException("case");
        }
    }

    @PostMapping
    String receive(@PathVariable String id, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String title, @RequestParam(required = false) String description,
                   @RequestParam(required = false) String sealNumber, @RequestParam(required = false) String location,
                   @RequestParam(required = false) String tool, @RequestParam(required = false) String sourceDevice,
                   @RequestParam(required = false) String sha256, @RequestParam(required = false) String occurredAt,
                   @RequestParam(required = false) String place, @RequestParam(required = false) String why,
                   @RequestPart(name = "file", required = false) MultipartFile file, Model model) {
        Reader reader = readers.current();
        boolean upload = "FILE".equals(kind);
        try (InputStream in = upload && file != null && !file.isEmpty() ? file.getInputStream() : null) {
            Evidence.Intake intake = new Evidence.Intake(kind, title, description, sealNumber, location, tool,
                    sourceDevice, sha256, upload && file != null ? file.getOriginalFilename() : null,
                    upload && file != null ? file.getContentType() : null, blankToNull(occurredAt), place, why);
            return outcome(reader, id, evidence.receive(reader, id, intake, in), model);
        } catch (InvalidInputException e) {
            return invalid(reader, id, e, model);
        } catch (AttachmentTooLargeException e) {
            return invalid(reader, id, new InvalidInputException("file", "larger than " + e.limitBytes() + " bytes"),
                    model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/{itemId}/custody")
    String record(@PathVariable String id, @PathVariable String itemId, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String occurredAt, @RequestParam(required = false) String place,
                  @RequestParam(required = false) String why, @RequestParam(required = false) String toUserId,
                  Model model) {
        Reader reader = readers.current();
        try {
            return outcome(reader, id, evidence.record(reader, id, itemId, new Evidence.EventDraft(kind,
                    blankToNull(occurredAt), place, why, blankToNull(toUserId))), model);
        } catch (InvalidInputException e) {
            return invalid(reader, id, e, model);
        }
    }

    @GetMapping("/{itemId}/content")
    ResponseEntity<org.springframework.core.io.InputStreamResource> content(@PathVariable String id,
                                                                           @PathVariable String itemId) {
        if (evidence.content(readers.current(), id, itemId) instanceof CaseStep.Done<Evidence.Content> d) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(d.value().fileName(), StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(new org.springframework.core.io.InputStreamResource(d.value().in()));
        }
        throw new NotFoundException("case");
    }

    @GetMapping("/package")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        Reader reader = readers.current();
        if (evidence.exportPackage(reader, id) instanceof CaseStep.Done<EvidencePackage> d) {
            EvidencePackage p = d.value();
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(p.fileName(), StandardCharsets.UTF_8).build().toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").body(p.file());
        }
        throw new NotFoundException("case");
    }

    private <T> String outcome(Reader reader, String id, CaseStep<T> step, Model model) {
        switch (step) {
            case CaseStep.Done<T> d -> {
                return "redirect:/cases/" + id + "/evidence";
            }
            case CaseStep.Unknown<T> u -> throw new NotFoundException("case");
            case CaseStep.Refused<T> r -> {
                model.addAttribute("problem", r.code());
                model.addAttribute("problemDetail", r.detail());
            }
            case CaseStep.WrongState<T> w -> {
                model.addAttribute("problem", "wrong-state");
                model.addAttribute("problemDetail", w.state());
            }
            case CaseStep.Stale<T> s -> model.addAttribute("problem", "stale-version");
        }
        return show(reader, id, model);
    }

    private String invalid(Reader reader, String id, InvalidInputException e, Model model) {
        model.addAttribute("errorField", e.field());
        model.addAttribute("errorProblem", e.problem());
        return show(reader, id, model);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "cases/not-found";
    }
}
