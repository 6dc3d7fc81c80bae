package org.fusioncell.exchange.hits.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.hits.HitQueries;
import org.fusioncell.exchange.hits.HitQuery;
import org.fusioncell.exchange.hits.HitQueryDraft;
import org.fusioncell.exchange.hits.HitRule;
import org.fusioncell.exchange.hits.HitRules;
import org.fusioncell.exchange.hits.ReleaseState;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /exchange/hits}: ask partner cells (person or identifier), the organisation's queries with each
 * partner's answer and the release requests, and for supervisors the inbox of partners' queries to decide on.
 */
@Controller
@RequestMapping("/exchange/hits")
class HitQueryPages {

    static final int PAGE_SIZE = 20;
    static final List<String> IDENTIFIER_TYPES = List.of("PHONE", "EMAIL", "FINANCIAL_ACCOUNT", "IDENTITY_DOCUMENT",
            "ONLINE_ACCOUNT", "VEHICLE", "URL");

    /** The query form as the browser posts it. */
    public static class HitPageForm {
        private String kind = "PERSON";
        private String name;
        private String birthDate;
        private String identifierType = "PHONE";
        private String value;
        private String platform;
        private String country;
        private String documentType;
        private List<String> partners = new ArrayList<>();

        HitQueryDraft toDraft() {
            return new HitQueryDraft(kind, name, birthDate, identifierType, identifier(), partners);
        }

        /** The identifier's attributes as entities take them, from the one value box and the type's extras. */
        private Map<String, Object> identifier() {
            if (!"IDENTIFIER".equals(kind)) {
                return null;
            }
            Map<String, Object> a = new HashMap<>();
            String main = switch (identifierType == null ? "" : identifierType) {
                case "EMAIL" -> "address";
                case "FINANCIAL_ACCOUNT" -> "iban";
                case "ONLINE_ACCOUNT" -> "handle";
                case "VEHICLE" -> "plate";
                case "URL" -> "url";
                default -> "number";
            };
            put(a, main, value);
            put(a, "platform", platform);
            put(a, "country", country);
            put(a, "documentType", documentType);
            return a;
        }

        private static void put(Map<String, Object> a, String key, String v) {
            if (v != null && !v.isBlank()) {
                a.put(key, v);
            }
        }

        /** The input that shows a field's error. */
        static String inputFor(String field) {
            if (field == null) {
                return null;
            }
            if (field.startsWith("partners")) {
                return "partners";
            }
            return switch (field) {
                case "identifier.platform" -> "platform";
                case "identifier.country" -> "country";
                case "identifier.documentType" -> "documentType";
                default -> field.startsWith("identifier.") || field.equals("identifier") ? "value" : field;
            };
        }

        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getBirthDate() { return birthDate; }
        public void setBirthDate(String v) { birthDate = v; }
        public String getIdentifierType() { return identifierType; }
        public void setIdentifierType(String v) { identifierType = v; }
        public String getValue() { return value; }
        public void setValue(String v) { value = v; }
        public String getPlatform() { return platform; }
        public void setPlatform(String v) { platform = v; }
        public String getCountry() { return country; }
        public void setCountry(String v) { country = v; }
        public String getDocumentType() { return documentType; }
        public void setDocumentType(String v) { documentType = v; }
        public List<String> getPartners() { return partners; }
        public void setPartners(List<String> v) { partners = v == null ? new ArrayList<>() : v; }
    }

    private final HitQueries hits;
    private final HitRules rules;
    private final PartnerCells partners;
    private final Readers readers;

    HitQueryPages(HitQueries hits, HitRules rules, PartnerCells partners, Readers readers) {
        this.hits = hits;
        this.rules = rules;
        this.partners = partners;
        this.readers = readers;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer page, @RequestParam(required = false) String done,
                Model model) {
        return render(new HitPageForm(), page, done, model);
    }

    private String render(HitPageForm form, Integer page, String done, Model model) {
        Reader reader = readers.current();
        Page<HitQuery> queries = hits.list(reader, PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE));
        // a release request still open: ask its holder now (polling on demand)
        queries = queries.map(q -> q.answers().stream().anyMatch(a -> a.release() == ReleaseState.REQUESTED)
                ? hits.find(reader, q.id()).orElse(q) : q);
        model.addAttribute("form", form);
        model.addAttribute("partnerChoices", partners.list(reader));
        model.addAttribute("identifierTypes", IDENTIFIER_TYPES);
        model.addAttribute("queries", queries);
        model.addAttribute("inbox", hits.inbox(reader));
        model.addAttribute("done", done);
        boolean admin = hasRole(Role.ADMINISTRATOR);
        model.addAttribute("admin", admin);
        if (admin) {
            Map<String, HitRule> byAgreement = new HashMap<>();
            rules.list(reader).forEach(r -> byAgreement.put(r.agreementId(), r));
            model.addAttribute("rules", byAgreement);
            model.addAttribute("contact", rules.contact(reader.organisationId()));
        }
        return "hits/hits";
    }

    @PostMapping("/contact")
    String contact(@RequestParam(required = false) String contact, Model model) {
        try {
            rules.setContact(readers.current(), contact);
            return "redirect:/exchange/hits?done=contact#settings";
        } catch (InvalidInputException e) {
            error(model, e, "contact");
        } catch (HitRules.NotAdministratorException e) {
            return notAdministrator(model);
        }
        return render(new HitPageForm(), 0, null, model);
    }

    @PostMapping("/rules/{agreementId}")
    String rule(@PathVariable String agreementId, @RequestParam(required = false) boolean names,
                @RequestParam(required = false) String precision, @RequestParam(required = false) boolean hashes,
                @RequestParam(required = false) String key, Model model) {
        try {
            rules.set(readers.current(), agreementId, names, precision, hashes, key == null || key.isBlank() ? null : key);
            return "redirect:/exchange/hits?done=rule#settings";
        } catch (InvalidInputException e) {
            error(model, e, e.field() + "-" + agreementId);
        } catch (HitRules.NotAdministratorException | NotFoundException e) {
            return notAdministrator(model);
        }
        return render(new HitPageForm(), 0, null, model);
    }

    private String notAdministrator(Model model) {
        model.addAttribute("errorField", "administrator");
        model.addAttribute("errorProblem", "for administrators of a party to an agreement in force");
        return render(new HitPageForm(), 0, null, model);
    }

    private static boolean hasRole(Role role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role.authority()::equals);
    }

    @PostMapping
    String ask(@ModelAttribute("form") HitPageForm form, Model model) {
        try {
            HitQuery q = hits.ask(readers.current(), form.toDraft());
            return "redirect:/exchange/hits?done=asked#query-" + q.id();
        } catch (InvalidInputException e) {
            error(model, e, HitPageForm.inputFor(e.field()));
            return render(form, 0, null, model);
        }
    }

    @PostMapping("/{id}/answers/{answerId}/release")
    String release(@PathVariable String id, @PathVariable String answerId,
                   @RequestParam(required = false) String justification, Model model) {
        try {
            hits.requestRelease(readers.current(), id, answerId, justification);
            return "redirect:/exchange/hits?done=release-asked#query-" + id;
        } catch (InvalidInputException e) {
            error(model, e, "justification-" + answerId);
        } catch (HitQueries.PartnerUnavailableException e) {
            model.addAttribute("errorField", "partner");
            model.addAttribute("errorProblem", e.getMessage());
            model.addAttribute("errorInput", "justification-" + answerId);
        }
        return render(new HitPageForm(), 0, null, model);
    }

    @PostMapping("/inbox/{reference}/decision")
    String decide(@PathVariable String reference, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String message, Model model) {
        try {
            hits.decide(readers.current(), reference, "release".equals(decision), message);
            return "redirect:/exchange/hits?done=decided#inbox";
        } catch (InvalidInputException e) {
            error(model, e, "message-" + reference);
            return render(new HitPageForm(), 0, null, model);
        }
    }

    private static void error(Model model, InvalidInputException e, String input) {
        model.addAttribute("errorField", e.field());
        model.addAttribute("errorProblem", e.problem());
        model.addAttribute("errorInput", input);
    }
}
