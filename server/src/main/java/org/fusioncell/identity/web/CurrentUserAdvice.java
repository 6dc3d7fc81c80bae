package org.fusioncell.identity.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the logged-in user, their role names and whether they work for a cell (any role but the
 * outside partners' own: platform partner, researcher, civil-society contributor), for the layout's user menu
 * and navigation. The pages check access themselves; the navigation only stops offering a platform's or a
 * researcher's users the cell's working pages, which would show them nothing.
 */
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

    private static final Set<Role> OUTSIDE_PARTNER = EnumSet.of(Role.PLATFORM_PARTNER, Role.RESEARCHER,
            Role.CIVIL_SOCIETY_CONTRIBUTOR);

    @ModelAttribute("fcCellMember")
    boolean cellMember() {
        FusionCellPrincipal p = principal();
        return p != null && p.roles().stream().anyMatch(r -> !OUTSIDE_PARTNER.contains(r));
    }

    @ModelAttribute("fcRoles")
    Set<String> roles() {
        FusionCellPrincipal p = principal();
        return p == null ? Set.of() : p.roles().stream().map(Enum::name).collect(Collectors.toSet());
    }
}
