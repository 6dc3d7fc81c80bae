package org.fusioncell.assessment.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.Reader;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentAccess;
import org.fusioncell.assessment.AssessmentState;
import org.fusioncell.assessment.AssessmentVocabulary;
import org.fusioncell.assessment.Assessments;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.assessment.Receipt;
import org.fusioncell.assessment.ReceivedProduct;
import org.fusioncell.assessment.ReviewComment;
import org.fusioncell.assessment.Step;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /assessments}: the products the reader may see, filtered by state and type, and one product
 * with everything about it: its judgments on the yardstick, its place on the matrix, its evidence,
 * comments, versions and receipts, and the workflow steps its state allows (posted to
 * {@link AssessmentStepPages}).
 */
@Controller
@RequestMapping("/assessments")
class AssessmentPages {

    static final int PAGE_SIZE = 25;

    /** A review comment's portion as the page names it: the n-th paragraph or key judgment. */
    record PortionRef(boolean judgment, int number) {

        static PortionRef of(String portion) {
            if (portion == null) {
                return null;
            }
            var m = java.util.regex.Pattern.compile("(summary|keyJudgments)\\[(\\d{1,4})]").matcher(portion);
            return m.matches() ? new PortionRef(m.group(1).equals("keyJudgments"), Integer.parseInt(m.group(2)) + 1) : null;
        }
    }

    private final Assessments assessments;
    private final AssessmentVocabulary vocabulary;
    private final Readers readers;
    private final Organisations organisations;
    private final Colleagues colleagues;
    private final ClassificationScheme scheme;

    AssessmentPages(Assessments assessments, AssessmentVocabulary vocabulary, Readers readers,
                    Organisations organisations, Colleagues colleagues, ClassificationScheme scheme) {
        this.assessments = assessments;
        this.vocabulary = vocabulary;
        this.readers = readers;
        this.organisations = organisations;
        this.colleagues = colleagues;
        this.scheme = scheme;
    }

    @GetMapping
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String type,
                @RequestParam(required = false) Integer page, Model model) {
        // an unknown filter (an old bookmark, a hand-edited URL) filters nothing rather than failing the page
        AssessmentState chosenState = parseState(state);
        ProductType chosenType = ProductType.parse(type).orElse(null);
        var found = assessments.list(readers.current(), chosenState, chosenType,
                PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE));
        model.addAttribute("page", found);
        model.addAttribute("state", chosenState == null ? null : chosenState.name());
        model.addAttribute("type", chosenType == null ? null : chosenType.name());
        model.addAttribute("states", AssessmentState.values());
        model.addAttribute("productTypes", ProductType.values());
        model.addAttribute("organisationNames", organisationNames(organisations));
        return "assessment/list";
    }

    @GetMapping("/{id}")
    String one(@PathVariable String id, @RequestParam(required = false) String done,
               @RequestParam(required = false) Integer version, Model model) {
        model.addAttribute("done", done != null && done.matches("[a-z-]{1,20}") ? done : null);
        return show(id, version, model);
    }

    /** The product page; also the answer of a refused step, with the refusal already in the model. */
    String show(String id, Model model) {
        return show(id, null, model);
    }

    /** {@code version}: an earlier version to read instead of the current one (no steps are offered on it). */
    private String show(String id, Integer version, Model model) {
        Reader reader = readers.current();
        switch (assessments.open(reader, id)) {
            case AssessmentAccess.Opened opened -> {
                Assessment a = opened.assessment();
                boolean own = a.organisationId().equals(reader.organisationId());
                List<Assessment> versions = assessments.versions(reader, id).orElse(List.of());
                Assessment earlier = version == null || version == a.version() ? null
                        : versions.stream().filter(v -> v.version() == version).findFirst()
                        .orElseThrow(() -> new NotFoundException("assessment version"));
                model.addAttribute("current", a);
                model.addAttribute("past", earlier != null);
                if (earlier != null) {
                    a = earlier;
                }
                model.addAttribute("a", a);
                model.addAttribute("own", own);
                model.addAttribute("marking", MarkingView.of(a.marking(), scheme));
                List<ReviewComment> comments = assessments.comments(reader, id).orElse(List.of());
                List<Receipt> receipts = own ? assessments.receipts(reader, id).orElse(List.of()) : List.of();
                model.addAttribute("comments", comments);
                Map<String, PortionRef> portions = new HashMap<>();
                comments.stream().map(ReviewComment::portion).filter(p -> PortionRef.of(p) != null)
                        .forEach(p -> portions.put(p, PortionRef.of(p)));
                model.addAttribute("portions", portions);
                model.addAttribute("versions", versions);
                model.addAttribute("receipts", receipts);
                List<String> pending = assessments.pendingOriginators(reader, id).orElse(List.of());
                model.addAttribute("pendingOriginators", pending);
                model.addAttribute("originatorToApprove", pending.contains(reader.organisationId()));
                model.addAttribute("received", own || !a.state().released() ? null : received(reader, id));
                Set<String> people = new HashSet<>(a.contributors());
                people.add(a.authorUserId());
                if (a.approvedBy() != null) {
                    people.add(a.approvedBy());
                }
                comments.forEach(c -> people.add(c.authorUserId()));
                receipts.forEach(r -> people.add(r.recipientUserId()));
                model.addAttribute("userNames", colleagues.displayNames(reader.organisationId(), people));
                model.addAttribute("organisationNames", organisationNames(organisations));
                model.addAttribute("allOrganisations", organisations.all());
                model.addAttribute("levelsOfScheme", scheme.levels());
                vocabulary(model, vocabulary);
                return "assessment/assessment";
            }
            case AssessmentAccess.KnownToExist known -> {
                model.addAttribute("itemId", known.assessmentId());
                model.addAttribute("marking", MarkingView.of(known.marking(), scheme));
                model.addAttribute("holder", organisations.find(known.holderOrganisationId())
                        .map(OrganisationSummary::name).orElse(known.holderOrganisationId()));
                return "assessment/held";
            }
            case AssessmentAccess.Unknown unknown -> throw new NotFoundException("assessment");
        }
    }

    /** The reader's own copy (delivery, read receipt, feedback), looked up in their inbox. */
    private ReceivedProduct received(Reader reader, String id) {
        return assessments.received(reader, PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(r -> r.assessmentId().equals(id)).findFirst().orElse(null);
    }

    /** The yardstick, the matrix axes and cells, for the form and the product page. */
    static void vocabulary(Model model, AssessmentVocabulary vocabulary) {
        model.addAttribute("yardstick", vocabulary.yardstick());
        model.addAttribute("terms", AssessmentFormPages.byKey(vocabulary.yardstick(), AssessmentVocabulary.Term::key));
        model.addAttribute("likelihoods", vocabulary.likelihoods());
        model.addAttribute("impacts", vocabulary.impacts());
        model.addAttribute("threatLevels", vocabulary.levels());
        model.addAttribute("matrix", AssessmentFormPages.matrix(vocabulary));
    }

    /** A step that did not happen, for the page to say why: by code, with the service's detail. */
    static void refusal(Step step, Model model, Organisations organisations) {
        switch (step) {
            case Step.Refused r -> {
                model.addAttribute("refusedCode", r.code());
                model.addAttribute("refusedDetail", r.detail());
                Map<String, String> names = organisationNames(organisations);
                model.addAttribute("refusedSubjects", r.subjects().stream().map(s -> names.getOrDefault(s, s)).toList());
            }
            case Step.WrongState w -> model.addAttribute("wrongState", w.state().name());
            case Step.Stale s -> model.addAttribute("staleVersion", s.currentVersion());
            case Step.Done d -> {
            }
            case Step.Unknown u -> throw new NotFoundException("assessment");
        }
    }

    static Map<String, String> organisationNames(Organisations organisations) {
        Map<String, String> names = new HashMap<>();
        organisations.all().forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    static AssessmentState parseState(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AssessmentState.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
