package org.fusioncell.hashbanks.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.hashbanks.BankAccess;
import org.fusioncell.hashbanks.BankStep;
import org.fusioncell.hashbanks.Drafts;
import org.fusioncell.hashbanks.HashBanks;
import org.fusioncell.hashbanks.MatchRequest;
import org.fusioncell.hashbanks.UploadedFile;
import org.fusioncell.identity.Readers;
import org.fusioncell.media.lists.HashEntry;
import org.fusioncell.media.lists.HashListCsv;
import org.fusioncell.media.lists.HashListException;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/hash-banks}: banks, their entries, hash lists in and out, and the match API (docs/hashbanks.md). */
@RestController
@RequestMapping("/api/v1/hash-banks")
class HashBanksApi {

    private final HashBanks banks;
    private final Readers readers;
    private final ClassificationScheme scheme;
    private final Clock clock;
    private final long maxFileBytes;

    HashBanksApi(HashBanks banks, Readers readers, ClassificationScheme scheme, Clock clock,
                 @Value("${fusioncell.hashbanks.max-file-bytes:10485760}") long maxFileBytes) {
        this.banks = banks;
        this.readers = readers;
        this.scheme = scheme;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(@RequestBody Drafts.BankDraft draft) {
        return BankAnswers.answer(banks.create(readers.current(), draft), scheme, b -> ResponseEntity
                .created(URI.create("/api/v1/hash-banks/" + b.id())).body(BankViews.of(b, scheme)));
    }

    @GetMapping
    Page<BankViews.BankView> list(@RequestParam(required = false) String name,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return banks.list(readers.current(), name, PageRequest.of(page, size)).map(b -> BankViews.of(b, scheme));
    }

    @GetMapping("/count")
    Map<String, Long> count(@RequestParam(required = false) String name) {
        return Map.of("count", banks.count(readers.current(), name));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        BankStep<org.fusioncell.hashbanks.Bank> step = switch (banks.find(readers.current(), id)) {
            case BankAccess.Opened o -> new BankStep.Done<>(o.bank());
            case BankAccess.KnownToExist k -> new BankStep.KnownToExist<>(k.bankId(), k.ownerOrganisationId(),
                    k.marking());
            case BankAccess.Unknown u -> new BankStep.Unknown<>();
        };
        return BankAnswers.answer(step, scheme, b -> ResponseEntity.ok(BankViews.of(b, scheme)));
    }

    @GetMapping("/{id}/entries")
    ResponseEntity<?> entries(@PathVariable String id, @RequestParam(required = false) Boolean deleted,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        return BankAnswers.answer(banks.entries(readers.current(), id, Boolean.TRUE.equals(deleted),
                PageRequest.of(page, size)), scheme, p -> ResponseEntity.ok(p.map(BankViews::of)));
    }

    @GetMapping("/{id}/entries/{entryId}")
    ResponseEntity<?> entry(@PathVariable String id, @PathVariable String entryId) {
        return BankAnswers.answer(banks.entry(readers.current(), id, entryId), scheme,
                e -> ResponseEntity.ok(BankViews.of(e)));
    }

    @PostMapping(path = "/{id}/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> add(@PathVariable String id, @RequestBody Drafts.EntryDraft draft) {
        return BankAnswers.answer(banks.add(readers.current(), id, draft), scheme, a -> ResponseEntity
                .status(a.outcome().equals(HashBanks.AddedEntry.ADDED) ? HttpStatus.CREATED : HttpStatus.OK)
                .body(BankViews.of(a)));
    }

    @PostMapping(path = "/{id}/entries/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> addFile(@PathVariable String id, @RequestPart(name = "file", required = false) MultipartFile file,
                              @RequestParam(required = false) String label,
                              @RequestParam(required = false) String sourceNote,
                              @RequestParam(required = false) Boolean digestsOnly) {
        UploadedFile upload = upload(file);
        return BankAnswers.answer(banks.addFile(readers.current(), id, upload, label, sourceNote,
                Boolean.TRUE.equals(digestsOnly)), scheme, added -> ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("entries", added.stream().map(BankViews::of).toList())));
    }

    @DeleteMapping("/{id}/entries/{entryId}")
    ResponseEntity<?> delete(@PathVariable String id, @PathVariable String entryId) {
        return BankAnswers.answer(banks.delete(readers.current(), id, entryId), scheme,
                e -> ResponseEntity.ok(BankViews.of(e)));
    }

    @PostMapping(path = "/{id}/imports", consumes = "text/csv")
    ResponseEntity<?> importCsv(@PathVariable String id, @RequestBody(required = false) String csv,
                                @RequestParam(required = false) String sourceNote) {
        if (csv == null || csv.isEmpty()) {
            throw new InvalidInputException("body", "required: a hash list (CSV)");
        }
        return BankAnswers.answer(banks.importList(readers.current(), id, new StringReader(csv), sourceNote), scheme,
                ResponseEntity::ok);
    }

    @PostMapping(path = "/{id}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(@PathVariable String id,
                                 @RequestPart(name = "file", required = false) MultipartFile file,
                                 @RequestParam(required = false) String sourceNote) {
        UploadedFile upload = upload(file);
        return BankAnswers.answer(banks.importList(readers.current(), id, new InputStreamReader(
                new java.io.ByteArrayInputStream(upload.content()), StandardCharsets.UTF_8), sourceNote), scheme,
                ResponseEntity::ok);
    }

    @GetMapping(path = "/{id}/export.csv", produces = "text/csv")
    ResponseEntity<?> exportCsv(@PathVariable String id) {
        return csv(banks, readers, scheme, id);
    }

    /** The CSV export for the API and the pages alike: every entry, tombstones with deleted=true. */
    static ResponseEntity<?> csv(HashBanks banks, Readers readers, ClassificationScheme scheme, String id) {
        return BankAnswers.answer(banks.export(readers.current(), id, "csv"), scheme, x -> {
            List<HashEntry> rows = new ArrayList<>();
            x.entries().forEach(e -> rows.add(new HashEntry(e.hash(), e.algorithm(), e.label(), e.deleted())));
            java.io.StringWriter out = new java.io.StringWriter();
            try {
                HashListCsv.write(rows, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"hash-bank-" + id + ".csv\"")
                    .header("X-FusionCell-Marking", MarkingView.of(x.bank().marking(), scheme).banner())
                    .body(out.toString());
        });
    }

    @GetMapping(path = "/{id}/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> exportJson(@PathVariable String id) {
        return BankAnswers.answer(banks.export(readers.current(), id, "json"), scheme, x -> ResponseEntity.ok()
                .header("X-FusionCell-Marking", MarkingView.of(x.bank().marking(), scheme).banner())
                .body(BankViews.export(x, scheme, clock.instant())));
    }

    @PostMapping(path = "/matches", consumes = MediaType.APPLICATION_JSON_VALUE)
    BankViews.MatchResultView match(@RequestBody MatchRequest request) {
        return BankViews.of(banks.match(readers.current(), request));
    }

    @PostMapping(path = "/matches/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    BankViews.MatchResultView matchFile(@RequestPart(name = "file", required = false) MultipartFile file,
                                        @RequestParam(required = false) Integer radius,
                                        @RequestParam(required = false) Integer minQuality) {
        return BankViews.of(banks.matchFile(readers.current(), upload(file), radius, minQuality));
    }

    private UploadedFile upload(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "required: a non-empty file (multipart part named file)");
        }
        if (file.getSize() > maxFileBytes) {
            throw new FileTooLarge(maxFileBytes);
        }
        try {
            return new UploadedFile(file.getBytes(), file.getOriginalFilename());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class FileTooLarge extends RuntimeException {
        final long limit;

        FileTooLarge(long limit) {
            super("file larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    @ExceptionHandler(FileTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(FileTooLarge e) {
        return BankAnswers.problem(HttpStatus.CONTENT_TOO_LARGE, tooLargeProblem(e.limit));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException max) {
            return BankAnswers.problem(HttpStatus.CONTENT_TOO_LARGE, tooLargeProblem(max.getMaxUploadSize()));
        }
        return BankAnswers.problem(HttpStatus.BAD_REQUEST,
                ProblemDetails.invalid("file", "the upload could not be read (malformed body or file name)"));
    }

    private static ProblemDetail tooLargeProblem(long limit) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
                "file: larger than the limit of " + limit + " bytes; nothing was hashed or stored.");
        p.setProperty("field", "file");
        p.setProperty("limitBytes", limit);
        return p;
    }

    /** A refused hash list: every problem named by line and column, as {@code lines[3].hash}; nothing imported. */
    @ExceptionHandler(HashListException.class)
    ResponseEntity<ProblemDetail> refusedList(HashListException e) {
        List<Map<String, Object>> errors = e.problems().stream().<Map<String, Object>>map(p -> Map.of(
                "field", "lines[" + p.line() + "]." + p.column(), "line", p.line(), "column", p.column(),
                "problem", p.message())).toList();
        ProblemDetail p = ProblemDetails.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                e.problems().size() + " problem(s) in the hash list; nothing was imported. First: "
                        + e.problems().getFirst());
        p.setProperty("field", errors.getFirst().get("field"));
        p.setProperty("errors", errors);
        return BankAnswers.problem(HttpStatus.BAD_REQUEST, p);
    }
}
