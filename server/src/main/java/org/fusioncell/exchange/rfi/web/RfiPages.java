package org.fusioncell.exchange.rfi.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingPageFields;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.exchange.rfi.AddresseeState;
import org.fusioncell.exchange.rfi.Attachment;
import org.fusioncell.exchange.rfi.Priority;
import org.fusioncell.exchange.rfi.RequestsForInformation;
import org.fusioncell.exchange.rfi.ResponseTimes;
import org.fusioncell.exchange.rfi.Rfi;
import org.fusioncell.exchange.rfi.RfiAccess;
import org.fusioncell.exchange.rfi.RfiDraft;
import org.fusioncell.exchange.rfi.RfiQuery;
import org.fusioncell.exchange.rfi.RfiStep;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /rfis}: the inbox, the new-request form and a request's page with its threads and answers. */
@Controller
@RequestMapping("/rfis")
class RfiPages {

    static final int PAGE_SIZE = 25;

    /** The new-request form as the browser posts it; the marking fields are the shared picker's. */
    public static class RfiPageForm extends MarkingPageFields {
        private String title;
        private String question;
        private String priority = Priority.ROUTINE.name();
        private String dueDate;
        private List<String> addressees = new ArrayList<>();
        private String entityIds;

        public RfiPageForm() {
            super("AMBER");
        }

        RfiDraft toDraft() {
            return new RfiDraft(title, question, priority, dueDate, addressees, lines(entityIds), toMarkingForm());
        }

        static String inputFor(String field) {
            if (field == null) {
                return null;
            }
            String f = field.replaceAll("\\[\\d+]", "");
            String marking = MarkingPageFields.markingInputFor(f);
            if (marking != null) {
                return marking;
            }
            return switch (f) {
                case "dueAt" -> "dueDate";
                default -> f;
            };
        }

        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getQuestion() { return question; }
        public void setQuestion(String v) { question = v; }
        public String getPriority() { return priority; }
        public void setPriority(String v) { priority = v; }
        public String getDueDate() { return dueDate; }
        public void setDueDate(String v) { dueDate = v; }
        public List<String> getAddressees() { return addressees; }
        public void setAddressees(List<String> v) { addressees = v == null ? new ArrayList<>() : v; }
        public String getEntityIds() { return entityIds; }
        public void setEntityIds(String v) { entityIds = v; }
    }

    static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private final RequestsForInformation rfis;
    private final Readers readers;
    private final Organisations organisations;
    private final Colleagues colleagues;
    private final ClassificationScheme scheme;

    RfiPages(RequestsForInformation rfis, Readers readers, Organisations organisations, Colleagues colleagues,
             ClassificationScheme scheme) {
        this.rfis = rfis;
        this.readers = readers;
        this.organisations = organisations;
        this.colleagues = colleagues;
        this.scheme = scheme;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("states", AddresseeState.values());
    }

    @GetMapping
    String inbox(@RequestParam(required = false) String box, @RequestParam(required = false) String state,
                 @RequestParam(required = false) String priority, @RequestParam(required = false) Boolean overdue,
                 @RequestParam(required = false) Integer page, Model model) {
        Reader reader = readers.current();
        String which = "outgoing".equals(box) ? "outgoing" : "incoming";
        RfiQuery query;
        try {
            query = RfisApi.query(which, state, priority, overdue);
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            query = new RfiQuery("outgoing".equals(which) ? RfiQuery.Box.OUTGOING : RfiQuery.Box.INCOMING, null, null,
                    false);
        }
        var found = rfis.list(reader, query, PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE));
        model.addAttribute("box", which);
        model.addAttribute("filterState", query.state() == null ? "" : query.state().name());
        model.addAttribute("filterPriority", query.priority() == null ? "" : query.priority().name());
        model.addAttribute("filterOverdue", query.overdueOnly());
        model.addAttribute("page", found.map(s -> RfiView.summary(s, scheme, organisations)));
        if (hasRole(Role.SUPERVISOR)) {
            Instant to = Instant.now();
            try {
                ResponseTimes times = rfis.responseTimes(reader, to.minus(Duration.ofDays(90)), to);
                model.addAttribute("times", RfiView.times(times, organisations));
            } catch (RequestsForInformation.NotSupervisorException e) {
                // the role was withdrawn meanwhile: no figures
            }
        }
        return "rfi/inbox";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String entity, Model model) {
        RfiPageForm form = new RfiPageForm();
        if (entity != null && !entity.isBlank()) {
            form.setEntityIds(entity.strip());
        }
        return formPage(form, model);
    }

    private String formPage(RfiPageForm form, Model model) {
        Reader reader = readers.current();
        List<OrganisationSummary> all = organisations.all();
        model.addAttribute("form", form);
        model.addAttribute("organisations", all);
        model.addAttribute("addresseeChoices", all.stream().filter(o -> !o.id().equals(reader.organisationId())).toList());
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("organisationTypes", OrganisationType.values());
        return "rfi/new";
    }

    @PostMapping
    String file(@ModelAttribute("form") RfiPageForm form, Model model) {
        try {
            return "redirect:/rfis/" + rfis.file(readers.current(), form.toDraft()).id() + "?done=filed";
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("errorInput", RfiPageForm.inputFor(e.field()));
            return formPage(form, model);
        }
    }

    @GetMapping("/{id}")
    String open(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        Reader reader = readers.current();
        switch (rfis.open(reader, id)) {
            case RfiAccess.Opened o -> {
                Rfi rfi = o.rfi();
                boolean requesterSide = rfi.requestedBy(reader.organisationId());
                model.addAttribute("rfi", rfi);
                model.addAttribute("view", RfiView.of(rfi, scheme, organisations));
                model.addAttribute("marking", MarkingView.of(rfi.marking(), scheme));
                model.addAttribute("requesterSide", requesterSide);
                model.addAttribute("mayActForRequester", requesterSide
                        && (rfi.requesterUserId().equals(reader.userId()) || hasRole(Role.SUPERVISOR)));
                model.addAttribute("desk", !requesterSide && (hasRole(Role.SUPERVISOR) || hasRole(Role.LIAISON_OFFICER)));
                model.addAttribute("me", reader.userId());
                model.addAttribute("levelNames", scheme.levels());
                model.addAttribute("names", names(reader, rfi));
                model.addAttribute("orgNames", orgNames(rfi));
                if (!requesterSide) {
                    List<String> members = colleagues.members(reader.organisationId(), null);
                    Map<String, String> display = colleagues.displayNames(reader.organisationId(), members);
                    Map<String, String> choices = new LinkedHashMap<>();
                    members.forEach(u -> choices.put(u, display.getOrDefault(u, u)));
                    model.addAttribute("assignees", choices);
                }
                model.addAttribute("done", done != null && done.matches("[a-z-]{1,20}") ? done : null);
                return "rfi/detail";
            }
            case RfiAccess.KnownToExist k -> {
                model.addAttribute("marking", MarkingView.of(k.marking(), scheme));
                model.addAttribute("holder", organisations.find(k.holderOrganisationId()).orElse(null));
                return "rfi/held";
            }
            case RfiAccess.Unknown u -> throw new NotFoundException("request for information");
        }
    }

    /** Display names of the reader's colleagues; users of other organisations are named by their organisation. */
    private Map<String, String> names(Reader reader, Rfi rfi) {
        Set<String> ids = new HashSet<>();
        ids.add(rfi.requesterUserId());
        rfi.addressees().forEach(a -> {
            if (a.assigneeUserId() != null) {
                ids.add(a.assigneeUserId());
            }
            a.thread().forEach(m -> ids.add(m.authorUserId()));
            a.responses().forEach(r -> ids.add(r.authorUserId()));
        });
        return colleagues.displayNames(reader.organisationId(), ids);
    }

    private Map<String, String> orgNames(Rfi rfi) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(rfi.requesterOrganisationId(), name(rfi.requesterOrganisationId()));
        rfi.addressees().forEach(a -> out.put(a.organisationId(), name(a.organisationId())));
        rfi.entities().forEach(i -> out.putIfAbsent(i.holderOrganisationId(), name(i.holderOrganisationId())));
        rfi.addressees().forEach(a -> a.responses().forEach(r -> r.attachments().forEach(i -> {
            if (i.holderOrganisationId() != null) {
                out.putIfAbsent(i.holderOrganisationId(), name(i.holderOrganisationId()));
            }
        })));
        return out;
    }

    private String name(String organisationId) {
        return organisationId == null ? "" : organisations.find(organisationId).map(OrganisationSummary::name)
                .orElse(organisationId);
    }

    @PostMapping("/{id}/assign")
    String assign(@PathVariable String id, @RequestParam(required = false) String assigneeUserId,
                  RedirectAttributes flash) {
        return after(id, "assigned", flash, () -> rfis.assign(readers.current(), id, assigneeUserId));
    }

    @PostMapping("/{id}/messages")
    String message(@PathVariable String id, @RequestParam(required = false) String addresseeOrganisationId,
                   @RequestParam(required = false) String text, RedirectAttributes flash) {
        return after(id, "message", flash, () -> rfis.message(readers.current(), id, addresseeOrganisationId, text));
    }

    @PostMapping("/{id}/answer")
    String answer(@PathVariable String id, @RequestParam(required = false) String text,
                  @RequestParam(required = false) String reportIds, @RequestParam(required = false) String entityIds,
                  RedirectAttributes flash) {
        List<Attachment> items = new ArrayList<>();
        lines(reportIds).forEach(r -> items.add(new Attachment(Attachment.ItemType.REPORT, r)));
        lines(entityIds).forEach(e -> items.add(new Attachment(Attachment.ItemType.ENTITY, e)));
        return after(id, "answered", flash, () -> rfis.answer(readers.current(), id, text, items));
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable String id, @RequestParam(required = false) String addresseeOrganisationId,
                  RedirectAttributes flash) {
        return after(id, "accepted", flash, () -> rfis.accept(readers.current(), id, addresseeOrganisationId));
    }

    @PostMapping("/{id}/reopen")
    String reopen(@PathVariable String id, @RequestParam(required = false) String addresseeOrganisationId,
                  @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return after(id, "reopened", flash, () -> rfis.reopen(readers.current(), id, addresseeOrganisationId, reason));
    }

    @PostMapping("/{id}/decline")
    String decline(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return after(id, "declined", flash, () -> rfis.decline(readers.current(), id, reason));
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return after(id, "cancelled", flash, () -> rfis.cancel(readers.current(), id, reason));
    }

    private String after(String id, String done, RedirectAttributes flash, Supplier<RfiStep> step) {
        try {
            return switch (step.get()) {
                case RfiStep.Done d -> "redirect:/rfis/" + d.rfi().id() + "?done=" + done;
                case RfiStep.Unknown u -> throw new NotFoundException("request for information");
                case RfiStep.WrongState w -> {
                    flash.addFlashAttribute("problem", "wrong-state");
                    flash.addFlashAttribute("problemState", w.state().name());
                    yield "redirect:/rfis/" + id;
                }
                case RfiStep.Refused r -> {
                    flash.addFlashAttribute("problem", r.code());
                    yield "redirect:/rfis/" + id;
                }
            };
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "invalid");
            flash.addFlashAttribute("errorField", e.field());
            flash.addFlashAttribute("errorProblem", e.problem());
            return "redirect:/rfis/" + id;
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "rfi/not-found";
    }

    private static boolean hasRole(Role role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role.authority()::equals);
    }
}
