package org.fusioncell.referrals.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingPageFields;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.AttachmentTooLargeException;
import org.fusioncell.referrals.AppealOutcome;
import org.fusioncell.referrals.ContentAccess;
import org.fusioncell.referrals.Drafts;
import org.fusioncell.referrals.OnlineContent;
import org.fusioncell.referrals.Referrals;
import org.fusioncell.referrals.ReferralStep;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /referrals}: the cell's pages — recorded content, a form to record more (with files), a content's page with
 * its assessment, referrals and their steps, and the transparency report with its CSV and PDF.
 */
@Controller
@RequestMapping("/referrals")
@PreAuthorize("hasAnyRole('ANALYST', 'SUPERVISOR')")
class ReferralPages {

    static final int PAGE_SIZE = 25;

    /** The record form as the browser posts it; the marking fields are the shared picker's. */
    public static class ContentPageForm extends MarkingPageFields {
        private String url;
        private String platformOrganisationId;
        private String account;
        private String language;
        private String capturedText;
        private String capturedAt;
        private List<MultipartFile> files = new ArrayList<>();

        public ContentPageForm() {
            super("AMBER");
        }

        Drafts.ContentDraft toDraft() {
            return new Drafts.ContentDraft(url, platformOrganisationId, account, language, capturedText, capturedAt,
                    toMarkingForm());
        }

        public String getUrl() { return url; }
        public void setUrl(String v) { url = v; }
        public String getPlatformOrganisationId() { return platformOrganisationId; }
        public void setPlatformOrganisationId(String v) { platformOrganisationId = v; }
        public String getAccount() { return account; }
        public void setAccount(String v) { account = v; }
        public String getLanguage() { return language; }
        public void setLanguage(String v) { language = v; }
        public String getCapturedText() { return capturedText; }
        public void setCapturedText(String v) { capturedText = v; }
        public String getCapturedAt() { return capturedAt; }
        public void setCapturedAt(String v) { capturedAt = v; }
        public List<MultipartFile> getFiles() { return files; }
        public void setFiles(List<MultipartFile> v) { files = v == null ? new ArrayList<>() : v; }
    }

    private final Referrals referrals;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final TransparencyExports exports;

    ReferralPages(Referrals referrals, Readers readers, Organisations organisations, ClassificationScheme scheme,
                  TransparencyExports exports) {
        this.referrals = referrals;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
        this.exports = exports;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("platforms", referrals.platforms());
        model.addAttribute("categories", referrals.policy());
        String lang = org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute("lang", lang);
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        referrals.policy().forEach(c -> labels.put(c.code(), c.label(lang)));
        model.addAttribute("categoryLabels", labels);
    }

    @GetMapping
    String list(@RequestParam(required = false) String platform, @RequestParam(required = false) Integer page,
                Model model) {
        var found = referrals.list(readers.current(), platform, PageRequest.of(page == null || page < 0 ? 0 : page,
                PAGE_SIZE));
        model.addAttribute("filterPlatform", platform == null ? "" : platform);
        model.addAttribute("page", found);
        return "referrals/list";
    }

    /** The cell's referrals (of content the reader may see), newest first, by state and platform. */
    @GetMapping("/sent")
    String sent(@RequestParam(required = false) String state, @RequestParam(required = false) String platform,
                @RequestParam(required = false) Integer page, Model model) {
        org.fusioncell.referrals.ReferralState s;
        try {
            s = ReferralsApi.state(state);
        } catch (InvalidInputException e) {
            error(model, e.field(), e.problem());
            s = null;
        }
        model.addAttribute("filterState", s == null ? "" : s.name());
        model.addAttribute("filterPlatform", platform == null ? "" : platform);
        model.addAttribute("states", org.fusioncell.referrals.ReferralState.values());
        java.util.Map<String, String> names = new java.util.HashMap<>();
        referrals.platforms().forEach(p -> names.put(p.id(), p.name()));
        model.addAttribute("platformNames", names);
        model.addAttribute("page", referrals.referrals(readers.current(), s, platform,
                PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE)));
        return "referrals/sent";
    }

    @GetMapping("/new")
    String form(Model model) {
        return formPage(new ContentPageForm(), model);
    }

    private String formPage(ContentPageForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("tlps", Arrays.stream(Tlp.values()).filter(t -> t != Tlp.RED).toList());
        model.addAttribute("organisationTypes", OrganisationType.values());
        return "referrals/new";
    }

    @PostMapping("/content")
    String record(@ModelAttribute("form") ContentPageForm form, Model model) {
        List<InputStream> opened = new ArrayList<>();
        try {
            List<Referrals.Upload> uploads = new ArrayList<>();
            for (MultipartFile f : form.getFiles()) {
                if (f != null && !f.isEmpty()) {
                    InputStream in = f.getInputStream();
                    opened.add(in);
                    uploads.add(new Referrals.Upload(f.getOriginalFilename(), f.getContentType(), in));
                }
            }
            return switch (referrals.record(readers.current(), form.toDraft(), uploads)) {
                case ReferralStep.Done<OnlineContent> d -> "redirect:/referrals/content/" + d.value().id();
                case ReferralStep.Refused<OnlineContent> r -> {
                    model.addAttribute("refusal", r.code());
                    yield formPage(form, model);
                }
                case ReferralStep.Unknown<OnlineContent> u -> throw new NotFoundException("content");
            };
        } catch (InvalidInputException e) {
            error(model, e.field(), e.problem());
            String marking = MarkingPageFields.markingInputFor(e.field());
            model.addAttribute("errorInput", marking != null ? marking : e.field());
            return formPage(form, model);
        } catch (AttachmentTooLargeException e) {
            error(model, "file", "larger than " + e.limitBytes() + " bytes");
            return formPage(form, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (InputStream in : opened) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // the upload's temporary file goes with the request
                }
            }
        }
    }

    @GetMapping("/content/{id}")
    String content(@PathVariable String id, Model model) {
        return show(referrals.find(readers.current(), id), model);
    }

    private String show(ContentAccess access, Model model) {
        switch (access) {
            case ContentAccess.Opened o -> {
                model.addAttribute("item", o.content());
                model.addAttribute("referrals", o.referrals());
                model.addAttribute("marking", MarkingView.of(o.content().marking(), scheme));
                model.addAttribute("platform", organisations.find(o.content().platformOrganisationId()).orElse(null));
                model.addAttribute("openReferral", o.referrals().stream().anyMatch(r -> r.state().awaitingPlatform()));
                model.addAttribute("supervisor", hasRole(Role.SUPERVISOR));
                model.addAttribute("decisions", AppealOutcome.values());
                return "referrals/content";
            }
            case ContentAccess.KnownToExist k -> {
                model.addAttribute("owner", organisations.find(k.ownerOrganisationId()).orElse(null));
                model.addAttribute("marking", MarkingView.of(k.marking(), scheme));
                return "referrals/held";
            }
            case ContentAccess.Unknown u -> throw new NotFoundException("content");
        }
    }

    @GetMapping("/content/{id}/files/{fileId}")
    ResponseEntity<?> file(@PathVariable String id, @PathVariable String fileId) {
        Referrals.FileContent f = referrals.file(readers.current(), id, fileId)
                .orElseThrow(() -> new NotFoundException("file"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.file().mediaType()))
                .contentLength(f.file().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.file().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InputStreamResource(f.content()));
    }

    @PostMapping("/content/{id}/assessment")
    String assess(@PathVariable String id, @RequestParam(required = false) String inScope,
                  @RequestParam(required = false) String category, @RequestParam(required = false) String listedEntity,
                  @RequestParam(required = false) String rationale, Model model) {
        Boolean scope = inScope == null || inScope.isBlank() ? null : Boolean.valueOf(inScope);
        return step(id, model, "assessment", () -> referrals.assess(readers.current(), id,
                new Drafts.AssessmentDraft(scope, scope != null && scope ? category : null, listedEntity, rationale)));
    }

    @PostMapping("/content/{id}/referrals")
    String refer(@PathVariable String id, @RequestParam(required = false) String basis, Model model) {
        return step(id, model, "refer", () -> referrals.refer(readers.current(), id, new Drafts.ReferralDraft(basis)));
    }

    @PostMapping("/content/{id}/referrals/{referralId}/rechecks")
    String recheck(@PathVariable String id, @PathVariable String referralId,
                   @RequestParam(required = false) String stillOnline, @RequestParam(required = false) String note,
                   Model model) {
        Boolean online = stillOnline == null || stillOnline.isBlank() ? null : Boolean.valueOf(stillOnline);
        return step(id, model, "recheck-" + referralId, () -> referrals.recheck(readers.current(), referralId,
                new Drafts.RecheckDraft(online, note)));
    }

    @PostMapping("/content/{id}/referrals/{referralId}/appeal-decision")
    String decide(@PathVariable String id, @PathVariable String referralId,
                  @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
                  Model model) {
        return step(id, model, "decision-" + referralId, () -> referrals.decideAppeal(readers.current(), referralId,
                new Drafts.AppealDecisionDraft(decision, reason)));
    }

    /** Runs a step; on bad input or a refusal the content's page again, with the reason next to the form. */
    private String step(String id, Model model, String form, Supplier<ReferralStep<?>> change) {
        model.addAttribute("errorForm", form);
        try {
            return switch (change.get()) {
                case ReferralStep.Done<?> d -> "redirect:/referrals/content/" + id;
                case ReferralStep.Unknown<?> u -> throw new NotFoundException("content");
                case ReferralStep.Refused<?> r -> {
                    model.addAttribute("refusal", r.code());
                    yield show(referrals.find(readers.current(), id), model);
                }
            };
        } catch (InvalidInputException e) {
            error(model, e.field(), e.problem());
            return show(referrals.find(readers.current(), id), model);
        }
    }

    @GetMapping("/transparency")
    String transparency(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        Model model) {
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        if (from != null || to != null) {
            try {
                var report = exports.report(from, to);
                model.addAttribute("report", report);
                model.addAttribute("lines", exports.lines(report, TransparencyExports.language(null)));
            } catch (InvalidInputException e) {
                error(model, e.field(), e.problem());
                model.addAttribute("errorInput", e.field());
            }
        }
        return "referrals/transparency";
    }

    @GetMapping(value = "/transparency.csv", produces = "text/csv")
    ResponseEntity<?> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String lang) {
        return exports.csv(from, to, lang);
    }

    @GetMapping(value = "/transparency.pdf", produces = "application/pdf")
    ResponseEntity<?> pdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String lang) {
        return exports.pdf(from, to, lang);
    }

    static void error(Model model, String field, String problem) {
        model.addAttribute("errorField", field);
        model.addAttribute("errorProblem", problem);
        model.addAttribute("errorInput", field);
    }

    static boolean hasRole(Role role) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "referrals/not-found";
    }
}
