package org.fusioncell.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.Role;
import org.fusioncell.identity.internal.Forms.TokenForm;
import org.fusioncell.identity.internal.Forms.UserForm;
import org.fusioncell.identity.internal.IdentityAdministration;
import org.fusioncell.identity.internal.JdbcApiTokens;
import org.fusioncell.identity.internal.JdbcApiTokens.StoredToken;
import org.fusioncell.identity.internal.JdbcUsers;
import org.fusioncell.identity.internal.StoredUser;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users (administrators only), the caller's own identity, and the caller's API tokens. */
@RestController
@RequestMapping("/api/v1")
class AccountsApi {

    /** A user as the API shows it: never the password hash or the TOTP secret. */
    record UserView(String id, String username, String displayName, String organisationId, String clearance,
                    Set<Role> roles, Set<String> caveats, boolean active, boolean locked, boolean totpEnrolled) {

        static UserView of(StoredUser u) {
            return new UserView(u.id(), u.username(), u.displayName(), u.organisationId(), u.clearance(), u.roles(),
                    u.caveats(), u.active(), u.lockedAt(Instant.now()), u.totpSecret() != null);
        }
    }

    record TokenView(String id, String name, Set<String> scopes, Instant createdAt, Instant expiresAt,
                     Instant revokedAt, Instant lastUsedAt) {

        static TokenView of(StoredToken t) {
            return new TokenView(t.id(), t.name(), t.scopes(), t.createdAt(), t.expiresAt(), t.revokedAt(), t.lastUsedAt());
        }
    }

    record CreatedTokenView(String id, String token, Instant expiresAt) {
    }

    private final JdbcUsers users;
    private final JdbcApiTokens tokens;
    private final IdentityAdministration administration;

    AccountsApi(JdbcUsers users, JdbcApiTokens tokens, IdentityAdministration administration) {
        this.users = users;
        this.tokens = tokens;
        this.administration = administration;
    }

    @GetMapping("/me")
    Map<String, Object> me() {
        FusionCellPrincipal p = CurrentUserAdvice.principal();
        StoredUser u = users.find(p.userId()).orElseThrow(() -> new NotFoundException("user"));
        return Map.of("user", UserView.of(u), "tokenScopes", p.tokenScopes());
    }

    @GetMapping("/admin/users")
    Page<UserView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return users.page(PageRequest.of(page, size)).map(UserView::of);
    }

    @GetMapping("/admin/users/{id}")
    UserView user(@PathVariable String id) {
        return users.find(id).map(UserView::of).orElseThrow(() -> new NotFoundException("user"));
    }

    @PostMapping("/admin/users")
    ResponseEntity<UserView> create(@RequestBody UserForm form) {
        String id = administration.createUser(form, CurrentUserAdvice.principal());
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + id)).body(user(id));
    }

    @PutMapping("/admin/users/{id}")
    UserView update(@PathVariable String id, @RequestBody UserForm form) {
        administration.updateUser(id, form, CurrentUserAdvice.principal());
        return user(id);
    }

    @PostMapping("/admin/users/{id}/unlock")
    UserView unlock(@PathVariable String id) {
        administration.unlock(id, CurrentUserAdvice.principal());
        return user(id);
    }

    @PostMapping("/admin/users/{id}/reset-totp")
    UserView resetTotp(@PathVariable String id) {
        administration.resetTotp(id, CurrentUserAdvice.principal());
        return user(id);
    }

    @PostMapping("/admin/users/{id}/deactivate")
    UserView deactivate(@PathVariable String id) {
        administration.deactivate(id, CurrentUserAdvice.principal());
        return user(id);
    }

    @GetMapping("/tokens")
    Page<TokenView> tokens() {
        List<TokenView> all = tokens.ofUser(CurrentUserAdvice.principal().userId()).stream().map(TokenView::of).toList();
        return new Page<>(all, 0, Math.max(all.size(), 1), all.size()); // a user has few tokens: one page
    }

    @PostMapping("/tokens")
    ResponseEntity<CreatedTokenView> createToken(@RequestBody TokenForm form) {
        var created = administration.createToken(CurrentUserAdvice.principal(), form);
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id()))
                .body(new CreatedTokenView(created.id(), created.plaintext(), created.expiresAt()));
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        if (!administration.revokeToken(CurrentUserAdvice.principal(), id)) {
            throw new NotFoundException("token");
        }
        return ResponseEntity.noContent().build();
    }
}
