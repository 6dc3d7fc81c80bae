package org.fusioncell.screening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.EntryChange;
import org.fusioncell.screening.ListImport;
import org.fusioncell.screening.ListedEntry;
import org.fusioncell.screening.ListedEntrySummary;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistSummary;
import org.fusioncell.screening.WatchlistVersion;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /watchlists}: the lists a reader may see (reading needs no role: a list's marking decides), their
 * versions and what each changed, the entries with their history, and the import form for screening
 * officers. A list the reader may not see answers like an absent one; one only known to exist shows its
 * holder and level.
 */
@Controller
@RequestMapping("/watchlists")
class WatchlistPages {

    private final Watchlists watchlists;
    private final Readers readers;
    private final Colleagues colleagues;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final ListUploads uploads;

    WatchlistPages(Watchlists watchlists, Readers readers, Colleagues colleagues, Organisations organisations,
                   ClassificationScheme scheme, MarkingVocabulary vocabulary, ListUploads uploads) {
        this.watchlists = watchlists;
        this.readers = readers;
        this.colleagues = colleagues;
        this.organisations = organisations;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.uploads = uploads;
    }

    @GetMapping
    String lists(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("form", ListImportForm.withLevel(scheme.lowest()));
        return listsPage(page, model);
    }

    /** The marking applies to a new list only; later versions keep the list's own. */
    @PostMapping("/imports")
    @PreAuthorize("hasRole('SCREENING_OFFICER')")
    String importList(@RequestParam(name = "file", required = false) List<MultipartFile> files,
                      @ModelAttribute("form") ListImportForm form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) throws IOException {
        Reader reader = readers.current();
        String name = form.getName() == null || form.getName().isBlank() ? null : form.getName().strip();
        try {
            Marking marking = form.toMarkingForm().toMarking(scheme, vocabulary, reader.organisationId(),
                    reader.userId(), "marking");
            List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
            Watchlist list = uploads.read(given, name);
            switch (watchlists.importVersion(reader, name == null ? list.source() : name, list, marking)) {
                case ListImport.Imported i -> {
                    redirect.addFlashAttribute("imported", i.version().number());
                    return "redirect:/watchlists/" + i.version().listId() + "/versions/" + i.version().number();
                }
                case ListImport.Unchanged u -> {
                    redirect.addFlashAttribute("unchanged", u.current().number());
                    return "redirect:/watchlists/" + u.current().listId();
                }
                case ListImport.Refused r -> {
                    response.setStatus(HttpStatus.CONFLICT.value());
                    model.addAttribute("refusedName", r.listName());
                }
            }
        } catch (ListUploads.Unreadable e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("unreadable", e.getMessage());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("errorInput", ListImportForm.inputFor(e.field()));
        }
        return listsPage(null, model);
    }

    private String listsPage(Integer page, Model model) {
        Reader reader = readers.current();
        Page<WatchlistSummary> lists = watchlists.lists(reader, PageRequest.of(page, ScreeningPages.PAGE_SIZE));
        model.addAttribute("lists", lists);
        model.addAttribute("names", importers(reader, lists.items().stream().map(WatchlistSummary::current).toList()));
        model.addAttribute("owners", owners());
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("organisationTypes", OrganisationType.values());
        model.addAttribute("organisations", organisations.all());
        return "screening/watchlists";
    }

    @GetMapping("/{id}")
    String list(@PathVariable String id, @RequestParam(required = false) String q,
                @RequestParam(required = false, defaultValue = "false") boolean delisted,
                @RequestParam(required = false) Integer page, Model model) {
        Reader reader = readers.current();
        ScreeningAccess<WatchlistSummary> access = watchlists.find(reader, id);
        if (!(access instanceof ScreeningAccess.Granted<WatchlistSummary> list)) {
            return refusal(access, model);
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        List<WatchlistVersion> versions = granted(watchlists.versions(reader, id));
        Page<ListedEntrySummary> entries = granted(watchlists.entries(reader, id, text, delisted,
                PageRequest.of(page, ScreeningPages.PAGE_SIZE)));
        model.addAttribute("list", list.value());
        model.addAttribute("versions", versions);
        model.addAttribute("names", importers(reader, versions));
        model.addAttribute("owners", owners());
        model.addAttribute("entries", entries);
        model.addAttribute("q", text);
        model.addAttribute("delisted", delisted);
        return "screening/watchlist";
    }

    @GetMapping("/{id}/versions/{number}")
    String version(@PathVariable String id, @PathVariable int number, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) Integer page, Model model) {
        Reader reader = readers.current();
        ScreeningAccess<WatchlistSummary> access = watchlists.find(reader, id);
        if (!(access instanceof ScreeningAccess.Granted<WatchlistSummary> list)) {
            return refusal(access, model);
        }
        WatchlistVersion version = granted(watchlists.versions(reader, id)).stream()
                .filter(v -> v.number() == number).findFirst().orElseThrow(() -> new NotFoundException("version"));
        EntryChange.Kind chosen = kind(kind);
        model.addAttribute("list", list.value());
        model.addAttribute("version", version);
        model.addAttribute("kind", chosen);
        model.addAttribute("changes", granted(watchlists.changes(reader, id, number, chosen,
                PageRequest.of(page, ScreeningPages.PAGE_SIZE))));
        model.addAttribute("names", importers(reader, List.of(version)));
        model.addAttribute("owners", owners());
        return "screening/version";
    }

    @GetMapping("/{id}/entries/{reference}")
    String entry(@PathVariable String id, @PathVariable String reference, Model model) {
        Reader reader = readers.current();
        ScreeningAccess<ListedEntry> access = watchlists.entry(reader, id, reference);
        if (!(access instanceof ScreeningAccess.Granted<ListedEntry> entry)) {
            return refusal(access, model);
        }
        model.addAttribute("listed", entry.value());
        model.addAttribute("list", granted(watchlists.find(reader, id)));
        return "screening/entry";
    }

    private String refusal(ScreeningAccess<?> access, Model model) {
        if (access instanceof ScreeningAccess.KnownToExist<?> known) {
            model.addAttribute("holder", organisations.find(known.holderOrganisationId())
                    .map(OrganisationSummary::name).orElse(null));
            model.addAttribute("level", MarkingView.of(known.marking(), scheme).classification());
            return "screening/held";
        }
        throw new NotFoundException("list");
    }

    /** The rest of a list once the list itself was granted: a refusal now means it changed under us. */
    private static <T> T granted(ScreeningAccess<T> access) {
        if (access instanceof ScreeningAccess.Granted<T> g) {
            return g.value();
        }
        throw new NotFoundException("list");
    }

    /** Organisation names by id: a list imported by another organisation names that organisation, not its user. */
    private Map<String, String> owners() {
        Map<String, String> out = new HashMap<>();
        organisations.all().forEach(o -> out.put(o.id(), o.name()));
        return out;
    }

    /** Importers by display name when they are the reader's colleagues. */
    private Map<String, String> importers(Reader reader, List<WatchlistVersion> versions) {
        return colleagues.displayNames(reader.organisationId(), versions.stream().map(WatchlistVersion::importedBy).toList());
    }

    private static EntryChange.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return EntryChange.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // an unknown kind shows every change rather than failing the page
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "screening/not-found";
    }
}
