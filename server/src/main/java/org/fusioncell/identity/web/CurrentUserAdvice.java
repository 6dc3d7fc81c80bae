package org.fusioncell.identity.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.fusioncell.identity.FusionCellPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the logged-in user and their role names, for the layout's user menu and navigation. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    static FusionCellPrincipal principal() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof FusionCellPrincipal p ? p : null;
    }

    @ModelAttribute("fcUser")
    FusionCellPrincipal user() {
        return principal();
    }

    @ModelAttribute("fcRoles")
    Set<String> roles() {
        FusionCellPrincipal p = principal();
        return p == null ? Set.of() : p.roles().stream().map(Enum::name).collect(Collectors.toSet());
    }
}
