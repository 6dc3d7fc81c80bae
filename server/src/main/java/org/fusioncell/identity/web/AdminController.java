package org.fusioncell.identity.web;

import java.util.List;
import java.util.Locale;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.Role;
import org.fusioncell.identity.Sector;
import org.fusioncell.identity.internal.Forms.AgreementForm;
import org.fusioncell.identity.internal.Forms.OrganisationForm;
import org.fusioncell.identity.internal.Forms.UserForm;
import org.fusioncell.identity.internal.IdentityAdministration;
import org.fusioncell.identity.internal.JdbcAgreements;
import org.fusioncell.identity.internal.JdbcOrganisations;
import org.fusioncell.identity.internal.JdbcUsers;
import org.fusioncell.identity.internal.StoredAgreement;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administration pages: organisations, agreements and users (list, create, edit). */
@Controller
@RequestMapping("/admin")
class AdminController {

    private final JdbcOrganisations organisations;
    private final JdbcAgreements agreements;
    private final JdbcUsers users;
    private final IdentityAdministration administration;
    private final ClassificationScheme scheme;
    private final MessageSource messages;

    AdminController(JdbcOrganisations organisations, JdbcAgreements agreements, JdbcUsers users,
                    IdentityAdministration administration, ClassificationScheme scheme, MessageSource messages) {
        this.organisations = organisations;
        this.agreements = agreements;
        this.users = users;
        this.administration = administration;
        this.scheme = scheme;
        this.messages = messages;
    }

    private void vocabulary(Model model) {
        model.addAttribute("organisationTypes", OrganisationType.values());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("allOrganisations", organisations.all());
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("roles", Role.values());
        model.addAttribute("agreementKinds", StoredAgreement.AgreementKind.values());
        model.addAttribute("agreementStatuses", StoredAgreement.AgreementStatus.values());
    }

    @GetMapping("/organisations")
    String organisations(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", organisations.page(PageRequest.of(page, 100)));
        return "identity/admin/organisations";
    }

    @GetMapping({"/organisations/new", "/organisations/{id}"})
    String organisation(@PathVariable(required = false) String id, Model model) {
        vocabulary(model);
        model.addAttribute("id", id);
        model.addAttribute("form", id == null ? new OrganisationForm("", "STATE_AGENCY", "", "", "")
                : organisations.stored(id).map(o -> new OrganisationForm(o.name(), o.type().name(),
                        o.sector() == null ? "" : o.sector().name(), o.country(), o.parentId()))
                .orElseThrow(() -> new NotFoundException("organisation")));
        return "identity/admin/organisation";
    }

    @PostMapping({"/organisations/new", "/organisations/{id}"})
    String saveOrganisation(@PathVariable(required = false) String id, OrganisationForm form, Model model, Locale locale) {
        return saved(id, form, () -> {
            if (id == null) {
                administration.createOrganisation(form, CurrentUserAdvice.principal());
            } else {
                administration.updateOrganisation(id, form, CurrentUserAdvice.principal());
            }
        }, "/admin/organisations", "identity/admin/organisation", model, locale);
    }

    @GetMapping("/agreements")
    String agreements(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", agreements.page(PageRequest.of(page, 100)));
        return "identity/admin/agreements";
    }

    @GetMapping({"/agreements/new", "/agreements/{id}"})
    String agreement(@PathVariable(required = false) String id, Model model) {
        vocabulary(model);
        model.addAttribute("id", id);
        model.addAttribute("form", id == null
                ? new AgreementForm("", "MOU", "", "", "DRAFT", scheme.lowest(), false, List.of(), List.of("*"), List.of())
                : agreements.find(id).map(a -> new AgreementForm(a.title(), a.kind().name(),
                        a.validFrom() == null ? "" : a.validFrom().toString(),
                        a.validUntil() == null ? "" : a.validUntil().toString(), a.status().name(),
                        a.maxClassification(), a.onwardSharing(), List.copyOf(a.parties()), List.copyOf(a.scope()),
                        a.jointProjects())).orElseThrow(() -> new NotFoundException("agreement")));
        return "identity/admin/agreement";
    }

    @PostMapping({"/agreements/new", "/agreements/{id}"})
    String saveAgreement(@PathVariable(required = false) String id, @RequestParam(required = false) String title,
                         @RequestParam(required = false) String kind, @RequestParam(required = false) String validFrom,
                         @RequestParam(required = false) String validUntil, @RequestParam(required = false) String status,
                         @RequestParam(required = false) String maxClassification,
                         @RequestParam(required = false) Boolean onwardSharing,
                         @RequestParam(required = false) List<String> parties,
                         @RequestParam(required = false) String scope,
                         @RequestParam(required = false) String jointProjects, Model model, Locale locale) {
        AgreementForm form = new AgreementForm(title, kind, validFrom, validUntil, status, maxClassification,
                onwardSharing, parties, lines(scope, ","), lines(jointProjects, "\n"));
        return saved(id, form, () -> {
            if (id == null) {
                administration.createAgreement(form, CurrentUserAdvice.principal());
            } else {
                administration.updateAgreement(id, form, CurrentUserAdvice.principal());
            }
        }, "/admin/agreements", "identity/admin/agreement", model, locale);
    }

    @GetMapping("/users")
    String users(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", users.page(PageRequest.of(page, 100)));
        model.addAttribute("now", java.time.Instant.now());
        return "identity/admin/users";
    }

    @GetMapping({"/users/new", "/users/{id}"})
    String user(@PathVariable(required = false) String id, Model model) {
        vocabulary(model);
        model.addAttribute("id", id);
        model.addAttribute("form", id == null
                ? new UserForm("", "", "", "", scheme.lowest(), List.of("ANALYST"), List.of(), true)
                : users.find(id).map(u -> new UserForm(u.username(), u.displayName(), u.organisationId(), "",
                        u.clearance(), u.roles().stream().map(Enum::name).toList(), List.copyOf(u.caveats()), u.active()))
                .orElseThrow(() -> new NotFoundException("user")));
        return "identity/admin/user";
    }

    @PostMapping({"/users/new", "/users/{id}"})
    String saveUser(@PathVariable(required = false) String id, @RequestParam(required = false) String username,
                    @RequestParam(required = false) String displayName,
                    @RequestParam(required = false) String organisationId,
                    @RequestParam(required = false) String password, @RequestParam(required = false) String clearance,
                    @RequestParam(required = false) List<String> roles, @RequestParam(required = false) String caveats,
                    @RequestParam(required = false) Boolean active, Model model, Locale locale) {
        UserForm form = new UserForm(username, displayName, organisationId, password, clearance, roles,
                lines(caveats, ","), Boolean.TRUE.equals(active));
        // on error the form is shown again without the password typed
        UserForm shownAgain = new UserForm(username, displayName, organisationId, "", clearance,
                roles == null ? List.of() : roles, form.caveats(), form.active());
        return saved(id, shownAgain, () -> {
            if (id == null) {
                administration.createUser(form, CurrentUserAdvice.principal());
            } else {
                administration.updateUser(id, form, CurrentUserAdvice.principal());
            }
        }, "/admin/users", "identity/admin/user", model, locale);
    }

    /** Runs a create-or-update; on bad input shows the form again with the error next to its field. */
    private String saved(String id, Object shownOnError, Runnable write, String list, String view,
                         Model model, Locale locale) {
        try {
            write.run();
            return "redirect:" + list;
        } catch (InvalidInputException e) {
            FormErrors.add(model, e, messages, locale);
            vocabulary(model);
            model.addAttribute("id", id);
            model.addAttribute("form", shownOnError);
            return view;
        }
    }

    @PostMapping("/users/{id}/{action:unlock|reset-totp|deactivate}")
    String userAction(@PathVariable String id, @PathVariable String action) {
        switch (action) {
            case "unlock" -> administration.unlock(id, CurrentUserAdvice.principal());
            case "reset-totp" -> administration.resetTotp(id, CurrentUserAdvice.principal());
            default -> administration.deactivate(id, CurrentUserAdvice.principal());
        }
        return "redirect:/admin/users/" + id;
    }

    private static List<String> lines(String text, String separator) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
