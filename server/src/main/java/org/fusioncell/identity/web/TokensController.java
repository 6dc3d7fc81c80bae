package org.fusioncell.identity.web;

import java.util.List;
import java.util.Locale;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.internal.Forms.TokenForm;
import org.fusioncell.identity.internal.IdentityAdministration;
import org.fusioncell.identity.internal.JdbcApiTokens;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every user's own API tokens: create (the token is shown this once), list, revoke. */
@Controller
class TokensController {

    private final IdentityAdministration administration;
    private final JdbcApiTokens tokens;
    private final MessageSource messages;

    TokensController(IdentityAdministration administration, JdbcApiTokens tokens, MessageSource messages) {
        this.administration = administration;
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping("/account/tokens")
    String list(Model model) {
        model.addAttribute("tokens", tokens.ofUser(CurrentUserAdvice.principal().userId()));
        model.addAttribute("now", java.time.Instant.now());
        return "identity/tokens";
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam(required = false) String name,
                  @RequestParam(name = "scopes", required = false) List<String> scopes,
                  @RequestParam(required = false) Integer expiresInDays, Model model, Locale locale) {
        FusionCellPrincipal me = CurrentUserAdvice.principal();
        try {
            var created = administration.createToken(me, new TokenForm(name, scopes, expiresInDays));
            model.addAttribute("created", created);
        } catch (InvalidInputException e) {
            FormErrors.add(model, e, messages, locale);
            model.addAttribute("name", name);
        }
        return list(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable String id) {
        administration.revokeToken(CurrentUserAdvice.principal(), id);
        return "redirect:/account/tokens";
    }
}
