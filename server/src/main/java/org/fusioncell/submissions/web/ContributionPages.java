package org.fusioncell.submissions.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.submissions.Submission;
import org.fusioncell.submissions.SubmissionDraft;
import org.fusioncell.submissions.Submissions;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /contribute}: the submission form, open to anyone (no login; CSRF token; size limits; a per-address rate
 * limit), plain HTML that works on a phone without script. A signed-in contributor follows their submissions under
 * {@code /submissions}; ticking "anonymous" only keeps their organisation from the cell.
 */
@Controller
@RequestMapping("/contribute")
class ContributionPages {

    /** The form as the browser posts it. */
    public static class ContributionForm {
        private String cellOrganisationId;
        private String kind = "COMMUNITY_CONCERN";
        private String language;
        private String text;
        private String place;
        private String observedOn;
        private boolean anonymous;
        private String name;
        private String contact;

        SubmissionDraft toDraft() {
            return new SubmissionDraft(cellOrganisationId, kind, language, text, place, observedOn, anonymous, name,
                    contact);
        }

        public String getCellOrganisationId() { return cellOrganisationId; }
        public void setCellOrganisationId(String v) { cellOrganisationId = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getLanguage() { return language; }
        public void setLanguage(String v) { language = v; }
        public String getText() { return text; }
        public void setText(String v) { text = v; }
        public String getPlace() { return place; }
        public void setPlace(String v) { place = v; }
        public String getObservedOn() { return observedOn; }
        public void setObservedOn(String v) { observedOn = v; }
        public boolean isAnonymous() { return anonymous; }
        public void setAnonymous(boolean v) { anonymous = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getContact() { return contact; }
        public void setContact(String v) { contact = v; }
    }

    private final Submissions submissions;
    private final Readers readers;
    private final PublicSubmissionLimit limit;

    ContributionPages(Submissions submissions, Readers readers, PublicSubmissionLimit limit) {
        this.submissions = submissions;
        this.readers = readers;
        this.limit = limit;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        boolean signedIn = contributor() != null;
        model.addAttribute("cells", signedIn ? submissions.cells() : submissions.publicCells());
        model.addAttribute("kinds", Submission.Kind.values());
        model.addAttribute("contributor", signedIn);
    }

    @GetMapping
    String form(Model model) {
        ContributionForm form = new ContributionForm();
        form.setLanguage(LocaleContextHolder.getLocale().getLanguage());
        return show(model, form, null, null);
    }

    @PostMapping
    String submit(@ModelAttribute("form") ContributionForm form,
                  @RequestParam(name = "attachment", required = false) MultipartFile attachment, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        FusionCellPrincipal who = contributor();
        if (who == null && !limit.admit(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("limited", true);
            return show(model, form, null, null);
        }
        try {
            Submission s = submissions.submit(who == null ? null : readers.current(), form.toDraft(),
                    SubmissionsApi.upload(attachment));
            model.addAttribute("submission", s);
            return "submissions/thanks";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return show(model, form, e.field(), e.problem());
        }
    }

    private String show(Model model, ContributionForm form, String errorField, String errorText) {
        model.addAttribute("form", form);
        model.addAttribute("errorField", errorField);
        model.addAttribute("errorText", errorText);
        return "submissions/contribute";
    }

    /** The signed-in contributor, if any: only they submit under their name. */
    private static FusionCellPrincipal contributor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof FusionCellPrincipal p && p.has(Role.CIVIL_SOCIETY_CONTRIBUTOR)
                ? p : null;
    }
}
