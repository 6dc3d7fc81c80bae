package org.fusioncell.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.Role;
import org.fusioncell.identity.Sector;
import org.fusioncell.identity.internal.Forms.AgreementForm;
import org.fusioncell.identity.internal.Forms.OrganisationForm;
import org.fusioncell.identity.internal.Forms.TokenForm;
import org.fusioncell.identity.internal.Forms.UserForm;
import org.fusioncell.identity.internal.JdbcApiTokens.StoredToken;
import org.fusioncell.identity.internal.StoredAgreement.AgreementKind;
import org.fusioncell.identity.internal.StoredAgreement.AgreementStatus;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to organisations, agreements, users and tokens: checked field by field first (nothing is
 * written on bad input), then written and audited in one transaction (ids only in the audit record).
 */
@Service
public class IdentityAdministration {

    public static final Set<String> TOKEN_SCOPES = Set.of("read", "write", "admin", "audit");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern CAVEAT = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");
    private static final Pattern INFORMATION_TYPE = Pattern.compile("\\*|[a-z0-9][a-z0-9._-]{0,63}");
    static final int MIN_PASSWORD = 12;

    public record CreatedToken(String id, String plaintext, Instant expiresAt) {
    }

    private final JdbcOrganisations organisations;
    private final JdbcAgreements agreements;
    private final JdbcUsers users;
    private final JdbcApiTokens tokens;
    private final Validation check;
    private final ClassificationScheme scheme;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final java.time.Clock clock;

    IdentityAdministration(JdbcOrganisations organisations, JdbcAgreements agreements, JdbcUsers users,
                           JdbcApiTokens tokens, Validation check, ClassificationScheme scheme,
                           PasswordEncoder passwords, AuditLog audit, java.time.Clock clock) {
        this.organisations = organisations;
        this.agreements = agreements;
        this.users = users;
        this.tokens = tokens;
        this.check = check;
        this.scheme = scheme;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public String createOrganisation(OrganisationForm form, FusionCellPrincipal actor) {
        StoredOrganisation o = organisation(Ids.newId(), form);
        organisations.insert(o);
        record(actor, "organisation", o.id(), "create");
        return o.id();
    }

    @Transactional
    public void updateOrganisation(String id, OrganisationForm form, FusionCellPrincipal actor) {
        if (!organisations.exists(id)) {
            throw new NotFoundException("organisation");
        }
        organisations.update(organisation(id, form));
        record(actor, "organisation", id, "update");
    }

    private StoredOrganisation organisation(String id, OrganisationForm f) {
        String name = check.text(f.name(), "name", 200);
        OrganisationType type = check.oneOf(OrganisationType.class, f.type(), "type");
        Sector sector = null;
        if (f.sector() != null && !f.sector().isBlank()) {
            if (type != OrganisationType.STATE_AGENCY) {
                throw check.fail("sector", "sectorOnlyState");
            }
            sector = check.oneOf(Sector.class, f.sector(), "sector");
        }
        String country = check.country(f.country(), "country");
        String parent = f.parentId() == null || f.parentId().isBlank() ? null : f.parentId().strip();
        if (parent != null && (!organisations.exists(parent))) {
            throw check.fail("parentId", "noSuchOrganisation");
        }
        if (parent != null && organisations.isSelfOrDescendant(parent, id)) {
            throw check.fail("parentId", "parentCycle");
        }
        return new StoredOrganisation(id, name, type, sector, country, parent);
    }

    @Transactional
    public String createAgreement(AgreementForm form, FusionCellPrincipal actor) {
        StoredAgreement a = agreement(Ids.newId(), form);
        agreements.insert(a);
        record(actor, "agreement", a.id(), "create");
        return a.id();
    }

    @Transactional
    public void updateAgreement(String id, AgreementForm form, FusionCellPrincipal actor) {
        StoredAgreement before = agreements.find(id).orElseThrow(() -> new NotFoundException("agreement"));
        StoredAgreement after = agreement(id, form);
        agreements.update(after);
        record(actor, "agreement", id, before.status() == after.status() ? "update"
                : "status " + before.status() + " -> " + after.status());
    }

    private StoredAgreement agreement(String id, AgreementForm f) {
        String title = check.text(f.title(), "title", 300);
        AgreementKind kind = check.oneOf(AgreementKind.class, f.kind(), "kind");
        var from = check.date(f.validFrom(), "validFrom");
        var until = check.date(f.validUntil(), "validUntil");
        if (from != null && until != null && until.isBefore(from)) {
            throw check.fail("validUntil", "dateOrder");
        }
        AgreementStatus status = f.status() == null || f.status().isBlank() ? AgreementStatus.DRAFT
                : check.oneOf(AgreementStatus.class, f.status(), "status");
        String ceiling = check.level(scheme, f.maxClassification(), "maxClassification");
        List<String> partyIds = Validation.list(f.parties());
        Set<String> parties = new LinkedHashSet<>();
        for (int i = 0; i < partyIds.size(); i++) {
            String p = partyIds.get(i) == null ? "" : partyIds.get(i).strip();
            if (!organisations.exists(p)) {
                throw check.fail("parties[" + i + "]", "noSuchOrganisation");
            }
            parties.add(p);
        }
        if (parties.size() < 2) {
            throw check.fail("parties", "parties");
        }
        List<String> scopeList = Validation.list(f.scope());
        Set<String> scope = new LinkedHashSet<>();
        for (int i = 0; i < scopeList.size(); i++) {
            String s = scopeList.get(i) == null ? "" : scopeList.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (!INFORMATION_TYPE.matcher(s).matches()) {
                throw check.fail("scope[" + i + "]", "informationType");
            }
            scope.add(s);
        }
        if (scope.isEmpty()) {
            throw check.fail("scope", "required");
        }
        List<String> projects = new ArrayList<>();
        List<String> projectList = Validation.list(f.jointProjects());
        for (int i = 0; i < projectList.size(); i++) {
            if (projectList.get(i) != null && !projectList.get(i).isBlank()) {
                projects.add(check.text(projectList.get(i), "jointProjects[" + i + "]", 300));
            }
        }
        return new StoredAgreement(id, title, kind, from, until, status, ceiling, Boolean.TRUE.equals(f.onwardSharing()),
                parties, scope, projects);
    }

    @Transactional
    public String createUser(UserForm form, FusionCellPrincipal actor) {
        String username = check.text(form.username(), "username", 64).toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw check.fail("username", "usernameFormat");
        }
        if (users.findByUsername(username).isPresent()) {
            throw check.fail("username", "usernameTaken");
        }
        StoredUser u = user(Ids.newId(), username, form, true);
        users.insert(u);
        record(actor, "user", u.id(), "create");
        return u.id();
    }

    @Transactional
    public void updateUser(String id, UserForm form, FusionCellPrincipal actor) {
        StoredUser before = users.find(id).orElseThrow(() -> new NotFoundException("user"));
        StoredUser after = user(id, before.username(), form, false);
        users.update(after);
        if (after.passwordHash() != null) {
            users.setPassword(id, after.passwordHash());
        }
        record(actor, "user", id, after.passwordHash() != null ? "update, password reset" : "update");
    }

    private StoredUser user(String id, String username, UserForm f, boolean passwordRequired) {
        String display = check.text(f.displayName(), "displayName", 200);
        String org = f.organisationId() == null ? "" : f.organisationId().strip();
        if (org.isEmpty()) {
            throw check.fail("organisationId", "required");
        }
        if (!organisations.exists(org)) {
            throw check.fail("organisationId", "noSuchOrganisation");
        }
        String hash = null;
        if (passwordRequired || (f.password() != null && !f.password().isEmpty())) {
            if (f.password() == null || f.password().length() < MIN_PASSWORD) {
                throw check.fail("password", "passwordShort", MIN_PASSWORD);
            }
            if (f.password().length() > 128) {
                throw check.fail("password", "tooLong", 128);
            }
            hash = passwords.encode(f.password());
        }
        String clearance = check.level(scheme, f.clearance(), "clearance");
        Set<Role> roles = new java.util.TreeSet<>();
        List<String> roleNames = Validation.list(f.roles());
        for (int i = 0; i < roleNames.size(); i++) {
            roles.add(check.oneOf(Role.class, roleNames.get(i), "roles[" + i + "]"));
        }
        if (roles.isEmpty()) {
            throw check.fail("roles", "required");
        }
        Set<String> caveats = new java.util.TreeSet<>();
        List<String> caveatNames = Validation.list(f.caveats());
        for (int i = 0; i < caveatNames.size(); i++) {
            String c = caveatNames.get(i) == null ? "" : caveatNames.get(i).strip().toUpperCase(java.util.Locale.ROOT);
            if (!CAVEAT.matcher(c).matches()) {
                throw check.fail("caveats[" + i + "]", "caveat");
            }
            caveats.add(c);
        }
        return new StoredUser(id, username, display, org, hash, clearance, null, null, 0, null,
                f.active() == null || f.active(), roles, caveats);
    }

    @Transactional
    public void unlock(String userId, FusionCellPrincipal actor) {
        requireUser(userId);
        users.clearFailures(userId);
        record(actor, "user", userId, "unlock");
    }

    /** The user enrols a new authenticator at their next login. */
    @Transactional
    public void resetTotp(String userId, FusionCellPrincipal actor) {
        requireUser(userId);
        users.setTotp(userId, null, null);
        record(actor, "user", userId, "reset second factor");
    }

    @Transactional
    public void deactivate(String userId, FusionCellPrincipal actor) {
        requireUser(userId);
        users.setActive(userId, false);
        for (StoredToken t : tokens.ofUser(userId)) {
            tokens.revoke(t.id());
        }
        record(actor, "user", userId, "deactivate");
    }

    private void requireUser(String userId) {
        if (!users.exists(userId)) {
            throw new NotFoundException("user");
        }
    }

    @Transactional
    public CreatedToken createToken(FusionCellPrincipal owner, TokenForm form) {
        String name = check.text(form.name(), "name", 100);
        List<String> scopeNames = Validation.list(form.scopes());
        Set<String> scopes = new java.util.TreeSet<>();
        for (int i = 0; i < scopeNames.size(); i++) {
            String s = scopeNames.get(i) == null ? "" : scopeNames.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (!TOKEN_SCOPES.contains(s)) {
                throw check.fail("scopes[" + i + "]", "oneOf", "read, write, admin, audit");
            }
            if (("admin".equals(s) && !owner.has(Role.ADMINISTRATOR)) || ("audit".equals(s) && !owner.has(Role.AUDITOR))) {
                throw check.fail("scopes[" + i + "]", "scopeNotHeld");
            }
            scopes.add(s);
        }
        if (scopes.isEmpty()) {
            throw check.fail("scopes", "required");
        }
        int days = form.expiresInDays() == null ? 90 : form.expiresInDays();
        if (days < 1 || days > 365) {
            throw check.fail("expiresInDays", "range", 1, 365);
        }
        Instant now = clock.instant();
        String plaintext = JdbcApiTokens.newPlaintext();
        StoredToken t = new StoredToken(Ids.newId(), owner.userId(), name, scopes, now, now.plus(Duration.ofDays(days)),
                null, null);
        tokens.insert(t, plaintext);
        record(owner, "api-token", t.id(), "create");
        return new CreatedToken(t.id(), plaintext, t.expiresAt());
    }

    /** Revokes one of the owner's tokens; false when the owner has no such token. */
    @Transactional
    public boolean revokeToken(FusionCellPrincipal owner, String tokenId) {
        var token = tokens.find(tokenId).filter(t -> t.userId().equals(owner.userId()));
        if (token.isEmpty()) {
            return false;
        }
        tokens.revoke(tokenId);
        record(owner, "api-token", tokenId, "revoke");
        return true;
    }

    private void record(FusionCellPrincipal actor, String type, String id, String change) {
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, actor == null ? null : actor.userId(),
                actor == null ? null : actor.organisationId(), type, List.of(id)).withDetails(Map.of("change", change)));
    }
}
