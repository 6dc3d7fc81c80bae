package org.fusioncell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.fusioncell.identity.internal.StoredUser;
import org.fusioncell.identity.internal.Totp;
import org.fusioncell.identity.internal.TotpStep;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the TOTP step (with enrolment of an authenticator at first login). */
@Controller
class LoginController {

    private static final String ENROLLING = "fusioncell.totp.enrolling";
    private final TotpStep totp;
    private final SecurityContextRepository contexts;

    LoginController(TotpStep totp, SecurityContextRepository contexts) {
        this.totp = totp;
        this.contexts = contexts;
    }

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    @GetMapping("/login/totp")
    String totpForm(HttpSession session, Model model) {
        String userId = TotpStep.pendingUser(SecurityContextHolder.getContext().getAuthentication()).orElseThrow();
        StoredUser user = totp.user(userId).orElseThrow();
        if (user.totpSecret() == null) {
            String secret = (String) session.getAttribute(ENROLLING);
            if (secret == null) {
                secret = Totp.newSecret();
                session.setAttribute(ENROLLING, secret);
            }
            model.addAttribute("enrolSecret", secret);
            model.addAttribute("enrolUri", Totp.otpauthUri(TotpStep.ISSUER, user.username(), secret));
        }
        return "identity/totp";
    }

    @PostMapping("/login/totp")
    String totpSubmit(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
                      HttpServletResponse response, HttpSession session, Model model) {
        String userId = TotpStep.pendingUser(SecurityContextHolder.getContext().getAuthentication()).orElseThrow();
        var full = totp.verify(userId, code, (String) session.getAttribute(ENROLLING));
        if (full.isEmpty()) {
            model.addAttribute("codeError", true);
            return totpForm(session, model);
        }
        session.removeAttribute(ENROLLING);
        request.changeSessionId(); // a new session id once fully authenticated
        save(full.get(), request, response);
        return "redirect:/";
    }

    private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
