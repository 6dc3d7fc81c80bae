package org.fusioncell.screening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.Hit;
import org.fusioncell.screening.Depersonalisation;
import org.fusioncell.screening.Hits;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.screening.ScreeningRun;
import org.fusioncell.screening.internal.BatchCsv;
import org.fusioncell.screening.internal.ScreeningSettings;
import org.fusioncell.screening.manifest.Manifest;
import org.fusioncell.screening.manifest.ManifestFormatException;
import org.fusioncell.screening.manifest.PaxlstReader;
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
 * {@code /screening}: the single query (posted, so that a name never sits in a URL, a proxy log or the
 * browser's history), the batch and manifest uploads, the past runs and one run with its people and
 * hits. For screening officers; a run the reader may not see answers like an absent one.
 */
@Controller
@RequestMapping("/screening")
@PreAuthorize("hasRole('SCREENING_OFFICER')")
class ScreeningPages {

    static final int PAGE_SIZE = 25;

    private final Screening screening;
    private final Hits hits;
    private final Readers readers;
    private final Colleagues colleagues;
    private final ScreeningSettings settings;
    private final Depersonalisation depersonalisation;

    ScreeningPages(Screening screening, Hits hits, Readers readers, Colleagues colleagues, ScreeningSettings settings,
                   Depersonalisation depersonalisation) {
        this.screening = screening;
        this.hits = hits;
        this.readers = readers;
        this.colleagues = colleagues;
        this.settings = settings;
        this.depersonalisation = depersonalisation;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("defaultThreshold", settings.defaultThreshold());
    }

    @GetMapping
    String form(@RequestParam(required = false) Integer runsPage, Model model) {
        model.addAttribute("form", new QueryPageForm());
        return page(runsPage, model);
    }

    @PostMapping
    String query(@ModelAttribute("form") QueryPageForm form, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("result", screening.query(readers.current(), form.toQuery(), form.checkedThreshold()));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("errorInput", e.field());
        }
        return page(null, model);
    }

    @PostMapping("/batches")
    String batch(@RequestParam(name = "file", required = false) MultipartFile file,
                 @RequestParam(name = "threshold", required = false) String threshold, Model model,
                 HttpServletResponse response) throws IOException {
        Reader reader = readers.current();
        try {
            BatchCsv.Rows rows = BatchCsv.read(required(file).getBytes(), settings.rowLimit());
            ScreeningRun run = screening.screenBatch(reader, file.getOriginalFilename(), rows.lines(), rows.queries(),
                    null, QueryPageForm.threshold(threshold));
            return "redirect:/screening/runs/" + run.id();
        } catch (BatchCsv.Invalid invalid) {
            model.addAttribute("batchErrors", invalid.problems());
            model.addAttribute("batchErrorCount", invalid.total());
        } catch (InvalidInputException e) {
            model.addAttribute("batchErrors", List.of(new BatchCsv.Problem(0, e.field(), e.problem())));
            model.addAttribute("batchErrorCount", 1);
        }
        return refused(model, response);
    }

    @PostMapping("/manifests")
    String manifest(@RequestParam(name = "file", required = false) MultipartFile file,
                    @RequestParam(name = "threshold", required = false) String threshold, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Reader reader = readers.current();
        try {
            // tolerant: carriers often get the envelope's control counts wrong; those become irregularities
            List<Manifest> read = PaxlstReader.tolerant().read(required(file).getBytes());
            List<ScreeningRun> runs = screening.screenManifests(reader, file.getOriginalFilename(), read, null,
                    QueryPageForm.threshold(threshold));
            if (runs.size() == 1) {
                return "redirect:/screening/runs/" + runs.getFirst().id();
            }
            redirect.addFlashAttribute("manifestRuns", runs.size());
            return "redirect:/screening#runs";
        } catch (ManifestFormatException e) {
            model.addAttribute("manifestError", e);
        } catch (InvalidInputException e) {
            model.addAttribute("manifestProblem", e);
        }
        return refused(model, response);
    }

    private String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("form", new QueryPageForm());
        return page(null, model);
    }

    private static MultipartFile required(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "required: choose a file");
        }
        return file;
    }

    private String page(Integer runsPage, Model model) {
        Reader reader = readers.current();
        Page<ScreeningRun> runs = screening.runs(reader, null, PageRequest.of(runsPage, PAGE_SIZE));
        model.addAttribute("runs", runs);
        model.addAttribute("names", colleagues.displayNames(reader.organisationId(),
                runs.items().stream().map(ScreeningRun::createdBy).toList()));
        return "screening/screening";
    }

    @GetMapping("/runs/{id}")
    String run(@PathVariable String id, @RequestParam(required = false) Integer page,
               @RequestParam(required = false) Integer hitsPage, Model model) {
        Reader reader = readers.current();
        if (!(screening.run(reader, id) instanceof ScreeningAccess.Granted<ScreeningRun> run)
                || !(screening.subjects(reader, id, PageRequest.of(page, PAGE_SIZE))
                        instanceof ScreeningAccess.Granted<Page<ScreenedSubject>> subjects)) {
            throw new NotFoundException("run");
        }
        Page<Hit> found = hits.list(reader, null, id, PageRequest.of(hitsPage, PAGE_SIZE));
        model.addAttribute("run", run.value());
        model.addAttribute("subjects", subjects.value());
        model.addAttribute("hits", found.map(HitPageView::of));
        model.addAttribute("names", colleagues.displayNames(reader.organisationId(), List.of(run.value().createdBy())));
        model.addAttribute("depersonalised", depersonalisation.depersonalised(id));
        return "screening/run";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "screening/not-found";
    }
}
