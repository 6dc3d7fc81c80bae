package org.fusioncell.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** Pages as one logged-in user sees them through MockMvc (both factors passed, real roles). */
public final class PageVisitor {

    private final MockMvc mvc;
    private final String userId;
    private final String organisationId;
    private final Set<Role> roles;

    public PageVisitor(MockMvc mvc, String userId, String organisationId, Role... roles) {
        this.mvc = mvc;
        this.userId = userId;
        this.organisationId = organisationId;
        this.roles = Set.of(roles);
    }

    public String userId() {
        return userId;
    }

    public RequestBuilder as(AbstractMockHttpServletRequestBuilder<?> request) {
        FusionCellPrincipal principal = new FusionCellPrincipal(userId, userId, "Test user", organisationId, roles,
                Set.of());
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).collect(Collectors.toList()))));
    }

    /** The page's HTML, after checking the status. */
    public String page(AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        MvcResult r = mvc.perform(as(request)).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(status);
        return body;
    }

    /** Where a form post redirected to, after checking it did. */
    public String redirect(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        MvcResult r = mvc.perform(as(request)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(302);
        return r.getResponse().getRedirectedUrl();
    }

    public MvcResult perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(as(request)).andReturn();
    }
}
