package org.fusioncell.hashbanks.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.fusioncell.access.AgreementGrant;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingPageFields;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.hashbanks.Bank;
import org.fusioncell.hashbanks.BankAccess;
import org.fusioncell.hashbanks.BankStep;
import org.fusioncell.hashbanks.Drafts;
import org.fusioncell.hashbanks.HashBanks;
import org.fusioncell.hashbanks.MatchRequest;
import org.fusioncell.hashbanks.MatchResult;
import org.fusioncell.hashbanks.UploadedFile;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.media.lists.HashListException;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /hash-banks}: the banks the user may see with the match form (a hash or a file), a new bank, a bank's page
 * with its entries and the keepers' forms (a hash, a file, a list), and the list's download.
 */
@Controller
@RequestMapping("/hash-banks")
class HashBankPages {

    static final int PAGE_SIZE = 25;

    /** The new-bank form as the browser posts it; the marking fields are the shared picker's. */
    public static class BankPageForm extends MarkingPageFields {
        private String name;
        private String description;
        private List<String> sharing = new ArrayList<>();

        public BankPageForm() {
            super("AMBER");
        }

        Drafts.BankDraft toDraft() {
            return new Drafts.BankDraft(name, description, toMarkingForm(), sharing);
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public List<String> getSharing() { return sharing; }
        public void setSharing(List<String> v) { sharing = v == null ? new ArrayList<>() : v; }
    }

    /** An agreement in force as the form shows it: by the names of its other parties. */
    record AgreementChoice(String id, String parties) {
    }

    private final HashBanks banks;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final long maxFileBytes;

    HashBankPages(HashBanks banks, Readers readers, Organisations organisations, ClassificationScheme scheme,
                  @Value("${fusioncell.hashbanks.max-file-bytes:10485760}") long maxFileBytes) {
        this.banks = banks;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
        this.maxFileBytes = maxFileBytes;
    }

    @GetMapping
    String list(@RequestParam(required = false) String name, @RequestParam(required = false) Integer page,
                Model model) {
        var found = banks.list(readers.current(), name, PageRequest.of(page == null || page < 0 ? 0 : page,
                PAGE_SIZE));
        model.addAttribute("filterName", name == null ? "" : name);
        model.addAttribute("page", found.map(b -> BankViews.of(b, scheme)));
        model.addAttribute("owners", ownerNames());
        return "hashbanks/list";
    }

    @GetMapping("/new")
    String form(Model model) {
        return formPage(new BankPageForm(), model);
    }

    private String formPage(BankPageForm form, Model model) {
        Reader reader = readers.current();
        Map<String, String> names = ownerNames();
        model.addAttribute("form", form);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("tlps", Arrays.stream(Tlp.values()).filter(t -> t != Tlp.RED).toList());
        model.addAttribute("organisationTypes", OrganisationType.values());
        model.addAttribute("agreementChoices", reader.agreements().stream().filter(g -> g.covers(
                HashBanks.INFORMATION_TYPE)).map(g -> new AgreementChoice(g.agreementId(), others(g, reader, names)))
                .toList());
        return "hashbanks/new";
    }

    private static String others(AgreementGrant g, Reader reader, Map<String, String> names) {
        return g.parties().stream().filter(p -> !p.equals(reader.organisationId()))
                .map(p -> names.getOrDefault(p, p)).sorted().collect(Collectors.joining(", "));
    }

    private Map<String, String> ownerNames() {
        return organisations.all().stream().collect(Collectors.toMap(OrganisationSummary::id,
                OrganisationSummary::name, (a, b) -> a));
    }

    @PostMapping
    String create(@ModelAttribute("form") BankPageForm form, Model model) {
        try {
            return switch (banks.create(readers.current(), form.toDraft())) {
                case BankStep.Done<Bank> d -> "redirect:/hash-banks/" + d.value().id();
                case BankStep.Refused<Bank> r -> {
                    model.addAttribute("refusal", r.code());
                    yield formPage(form, model);
                }
                default -> throw new NotFoundException("hash bank");
            };
        } catch (InvalidInputException e) {
            error(model, e);
            return formPage(form, model);
        }
    }

    @GetMapping("/{id}")
    String page(@PathVariable String id, @RequestParam(required = false) Integer page, Model model) {
        return show(id, page == null || page < 0 ? 0 : page, model);
    }

    private String show(String id, int pageNumber, Model model) {
        Reader reader = readers.current();
        switch (banks.find(reader, id)) {
            case BankAccess.Opened o -> {
                Bank b = o.bank();
                model.addAttribute("bank", BankViews.of(b, scheme));
                model.addAttribute("owner", organisations.find(b.ownerOrganisationId()).orElse(null));
                Map<String, String> names = ownerNames();
                model.addAttribute("sharedUnder", reader.agreements().stream()
                        .filter(g -> b.marking().releasability().agreements().contains(g.agreementId()))
                        .map(g -> others(g, reader, names)).toList());
                model.addAttribute("keeper", b.ownerOrganisationId().equals(reader.organisationId()));
                if (banks.entries(reader, id, true, PageRequest.of(pageNumber, PAGE_SIZE))
                        instanceof BankStep.Done<org.fusioncell.shared.Page<org.fusioncell.hashbanks.BankEntry>> d) {
                    model.addAttribute("entries", d.value().map(BankViews::of));
                }
                return "hashbanks/bank";
            }
            case BankAccess.KnownToExist k -> {
                model.addAttribute("owner", organisations.find(k.ownerOrganisationId()).orElse(null));
                model.addAttribute("marking", MarkingView.of(k.marking(), scheme));
                return "hashbanks/held";
            }
            case BankAccess.Unknown u -> throw new NotFoundException("hash bank");
        }
    }

    @PostMapping("/{id}/entries")
    String add(@PathVariable String id, @RequestParam(required = false) String algorithm,
               @RequestParam(required = false) String hash, @RequestParam(required = false) String label,
               @RequestParam(required = false) Integer quality, @RequestParam(required = false) String sourceNote,
               Model model) {
        return step(id, model, "entry", () -> banks.add(readers.current(), id, new Drafts.EntryDraft(algorithm,
                hash, label, quality, sourceNote)));
    }

    @PostMapping("/{id}/entries/files")
    String addFile(@PathVariable String id, @RequestPart(name = "file", required = false) MultipartFile file,
                   @RequestParam(required = false) String label, @RequestParam(required = false) String sourceNote,
                   @RequestParam(required = false) boolean digestsOnly, Model model) {
        return step(id, model, "file", () -> banks.addFile(readers.current(), id, upload(file), label, sourceNote,
                digestsOnly));
    }

    @PostMapping("/{id}/entries/{entryId}/delete")
    String delete(@PathVariable String id, @PathVariable String entryId, Model model) {
        return step(id, model, "entries", () -> banks.delete(readers.current(), id, entryId));
    }

    @PostMapping("/{id}/imports")
    String importList(@PathVariable String id, @RequestPart(name = "file", required = false) MultipartFile file,
                      @RequestParam(required = false) String sourceNote, Model model) {
        try {
            return step(id, model, "import", () -> banks.importList(readers.current(), id, new InputStreamReader(
                    new java.io.ByteArrayInputStream(upload(file).content()), StandardCharsets.UTF_8), sourceNote));
        } catch (HashListException e) {
            model.addAttribute("listProblems", e.problems());
            return show(id, 0, model);
        }
    }

    @GetMapping(value = "/{id}/export.csv", produces = "text/csv")
    ResponseEntity<?> csv(@PathVariable String id) {
        return HashBanksApi.csv(banks, readers, scheme, id);
    }

    @PostMapping("/matches")
    String match(@RequestParam(required = false) String algorithm, @RequestParam(required = false) String hash,
                 @RequestParam(required = false) Integer radius, @RequestParam(required = false) Integer minQuality,
                 Model model) {
        return matches(model, () -> banks.match(readers.current(), new MatchRequest(algorithm, hash, radius,
                minQuality, null)));
    }

    @PostMapping("/matches/files")
    String matchFile(@RequestPart(name = "file", required = false) MultipartFile file,
                     @RequestParam(required = false) Integer radius, @RequestParam(required = false) Integer minQuality,
                     Model model) {
        return matches(model, () -> banks.matchFile(readers.current(), upload(file), radius, minQuality));
    }

    private String matches(Model model, Supplier<MatchResult> query) {
        try {
            model.addAttribute("result", BankViews.of(query.get()));
        } catch (InvalidInputException e) {
            error(model, e);
        }
        return "hashbanks/matches";
    }

    /** Runs a change; on bad input or a refusal the bank's page again, with the reason next to the form. */
    private String step(String id, Model model, String form, Supplier<BankStep<?>> change) {
        model.addAttribute("errorForm", form);
        try {
            return switch (change.get()) {
                case BankStep.Done<?> d -> "redirect:/hash-banks/" + id + "#" + form;
                case BankStep.Refused<?> r -> {
                    model.addAttribute("refusal", r.code());
                    yield show(id, 0, model);
                }
                default -> throw new NotFoundException("hash bank");
            };
        } catch (InvalidInputException e) {
            error(model, e);
            return show(id, 0, model);
        }
    }

    private UploadedFile upload(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "required: choose a file");
        }
        if (file.getSize() > maxFileBytes) {
            throw new InvalidInputException("file", "larger than the limit of " + maxFileBytes + " bytes");
        }
        try {
            return new UploadedFile(file.getBytes(), file.getOriginalFilename());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void error(Model model, InvalidInputException e) {
        model.addAttribute("errorField", e.field());
        model.addAttribute("errorProblem", e.problem());
        String marking = MarkingPageFields.markingInputFor(e.field().replaceAll("\\[\\d+]", ""));
        model.addAttribute("errorInput", marking != null ? marking : e.field());
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "hashbanks/not-found";
    }
}
