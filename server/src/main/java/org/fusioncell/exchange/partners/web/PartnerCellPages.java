package org.fusioncell.exchange.partners.web;

import java.util.Locale;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.exchange.partners.PartnerDraft;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/partner-cells}: the administrators' list of their organisation's partner cells, and the form
 * that registers or changes one. The stored token is never sent to the browser: the form leaves its field
 * empty, an empty field keeps the token, the "remove" box clears it.
 */
@Controller
@RequestMapping("/admin/partner-cells")
class PartnerCellPages {

    /** The form as the browser posts it. */
    public static class PartnerForm {
        private String name;
        private String organisationId;
        private String agreementId;
        private String baseUrl;
        private String apiRoot = "fusioncell";
        private String contact;
        private String publicKey;
        private String token;
        private boolean removeToken;

        static PartnerForm of(PartnerCell p) {
            PartnerForm f = new PartnerForm();
            f.name = p.name();
            f.organisationId = p.organisationId();
            f.agreementId = p.agreementId();
            f.baseUrl = p.baseUrl();
            f.apiRoot = p.apiRoot();
            f.contact = p.contact();
            f.publicKey = p.publicKey();
            return f;
        }

        /** {@code editing}: on a change an empty token keeps the stored one (null); the box removes it (blank). */
        PartnerDraft toDraft(boolean editing) {
            String t = editing && removeToken ? "" : token == null || token.isBlank() ? null : token;
            return new PartnerDraft(name, organisationId, agreementId, baseUrl, apiRoot, contact, publicKey, t);
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getOrganisationId() { return organisationId; }
        public void setOrganisationId(String v) { organisationId = v; }
        public String getAgreementId() { return agreementId; }
        public void setAgreementId(String v) { agreementId = v; }
        public String getBaseUrl() { return baseUrl; }
        public void setBaseUrl(String v) { baseUrl = v; }
        public String getApiRoot() { return apiRoot; }
        public void setApiRoot(String v) { apiRoot = v; }
        public String getContact() { return contact; }
        public void setContact(String v) { contact = v; }
        public String getPublicKey() { return publicKey; }
        public void setPublicKey(String v) { publicKey = v; }
        /** Never read back into a page: the template has no binding for it. */
        public void setToken(String v) { token = v; }
        public boolean isRemoveToken() { return removeToken; }
        public void setRemoveToken(boolean v) { removeToken = v; }
    }

    private final PartnerCells partners;
    private final Readers readers;
    private final Organisations organisations;
    private final MessageSource messages;

    PartnerCellPages(PartnerCells partners, Readers readers, Organisations organisations, MessageSource messages) {
        this.partners = partners;
        this.readers = readers;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        Reader reader = readers.current();
        model.addAttribute("partners", partners.list(reader));
        model.addAttribute("names", Names.of(reader, organisations));
        return "partners/partner-cells";
    }

    @GetMapping({"/new", "/{id}"})
    String form(@PathVariable(required = false) String id, Model model) {
        Reader reader = readers.current();
        PartnerCell existing = id == null ? null : partners.find(reader, id)
                .orElseThrow(() -> new NotFoundException("partner cell"));
        return formPage(reader, existing, existing == null ? new PartnerForm() : PartnerForm.of(existing), model);
    }

    private String formPage(Reader reader, PartnerCell existing, PartnerForm form, Model model) {
        model.addAttribute("partner", existing);
        model.addAttribute("form", form);
        model.addAttribute("names", Names.of(reader, organisations));
        return "partners/partner-cell";
    }

    @PostMapping({"/new", "/{id}"})
    String save(@PathVariable(required = false) String id, @ModelAttribute("form") PartnerForm form, Model model,
                Locale locale, RedirectAttributes flash) {
        Reader reader = readers.current();
        PartnerCell existing = id == null ? null : partners.find(reader, id)
                .orElseThrow(() -> new NotFoundException("partner cell"));
        try {
            PartnerCell saved = existing == null ? partners.create(reader, form.toDraft(false))
                    : partners.update(reader, id, form.toDraft(true));
            flash.addFlashAttribute("done", existing == null ? "created" : "updated");
            flash.addFlashAttribute("doneName", saved.name());
            return "redirect:/admin/partner-cells";
        } catch (InvalidInputException e) {
            PageErrors.add(model, e, e.field(), messages, locale);
            return formPage(reader, existing, form, model);
        }
    }
}
