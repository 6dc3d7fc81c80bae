package org.fusioncell.plans.web;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.plans.PlanAccess;
import org.fusioncell.plans.PlanTree;
import org.fusioncell.plans.Plans;
import org.fusioncell.plans.internal.PlansSettings;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The plan's exports (CSV, IATI XML, PDF), the same for API clients and for signed-in pages: each is audited as an
 * export, answers a reader the plan's marking withholds it from as the plan itself does, and carries the plan's
 * marking banner in {@link #MARKING_HEADER}.
 */
@Component
class PlanExports {

    /** The banner of the exported plan's marking, on every export. */
    static final String MARKING_HEADER = "X-FusionCell-Marking";

    private final Plans plans;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final PlansSettings settings;
    private final PlanPrinting printing;
    private final Clock clock;

    PlanExports(Plans plans, Readers readers, Organisations organisations, ClassificationScheme scheme,
                PlansSettings settings, PlanPrinting printing, Clock clock) {
        this.plans = plans;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
        this.settings = settings;
        this.printing = printing;
        this.clock = clock;
    }

    ResponseEntity<?> csv(String id, String lang) {
        return opened(plans.export(readers.current(), id, "csv"), t -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"plan-" + id + "-actions.csv\"")
                .header(MARKING_HEADER, MarkingView.of(t.plan().marking(), scheme).banner())
                .body(PlanCsv.of(t, language(lang, t))));
    }

    ResponseEntity<?> iati(String id) {
        return opened(plans.export(readers.current(), id, "iati"), t -> {
            String owner = organisations.find(t.plan().ownerOrganisationId()).map(OrganisationSummary::name)
                    .orElse(t.plan().ownerOrganisationId());
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xml;charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"plan-" + id + "-iati.xml\"")
                    .header(MARKING_HEADER, MarkingView.of(t.plan().marking(), scheme).banner())
                    .body(IatiActivities.of(t, new IatiActivities.Publisher(settings.iatiReportingOrg(),
                            settings.iatiReportingOrgType(), owner), clock.instant(), t.plan().language()));
        });
    }

    ResponseEntity<?> pdf(String id, String lang) {
        return opened(plans.export(readers.current(), id, "pdf"), t -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"plan-" + id + ".pdf\"")
                .header(MARKING_HEADER, MarkingView.of(t.plan().marking(), scheme).banner())
                .body(printing.print(t, language(lang, t))));
    }

    ResponseEntity<?> opened(PlanAccess access, Function<PlanTree, ResponseEntity<?>> body) {
        return switch (access) {
            case PlanAccess.Opened o -> body.apply(o.plan());
            case PlanAccess.KnownToExist k -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "existence-only",
                        "Held by another organisation", "The plan's marking withholds its content from you.");
                p.setProperty("ownerOrganisationId", k.ownerOrganisationId());
                p.setProperty("classification", scheme.level(Math.min(k.marking().classificationRank(),
                        scheme.levels().size() - 1)));
                yield ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(p);
            }
            case PlanAccess.Unknown u -> throw new NotFoundException("plan");
        };
    }

    static String language(String lang, PlanTree t) {
        return lang != null && List.of("ar", "fr", "en").contains(lang) ? lang : t.plan().language();
    }
}
