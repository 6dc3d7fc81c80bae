package org.fusioncell.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.AgreementGrant;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Readers and the marking vocabulary, answered from the identity tables at each call. */
@Service
class JdbcReaders implements Readers, MarkingVocabulary {

    private static final int PURPOSE_MAX = 500;
    private final JdbcUsers users;
    private final JdbcOrganisations organisations;
    private final JdbcAgreements agreements;
    private final ClassificationScheme scheme;
    private final Clock clock;

    JdbcReaders(JdbcUsers users, JdbcOrganisations organisations, JdbcAgreements agreements,
                ClassificationScheme scheme, Clock clock) {
        this.users = users;
        this.organisations = organisations;
        this.agreements = agreements;
        this.scheme = scheme;
        this.clock = clock;
    }

    @Override
    public Reader current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof FusionCellPrincipal principal)) {
            throw new IllegalStateException("no fully authenticated user in this request");
        }
        String purpose = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            purpose = attributes.getRequest().getHeader(PURPOSE_HEADER);
            if (purpose != null) {
                purpose = purpose.isBlank() ? null : purpose.strip();
                if (purpose != null && purpose.length() > PURPOSE_MAX) {
                    purpose = purpose.substring(0, PURPOSE_MAX);
                }
            }
        }
        return forUser(principal.userId(), purpose);
    }

    @Override
    public Reader forUser(String userId, String purpose) {
        StoredUser user = users.find(userId).orElseThrow(() -> new NotFoundException("user"));
        StoredOrganisation org = organisations.stored(user.organisationId())
                .orElseThrow(() -> new IllegalStateException("user without organisation"));
        // a level no longer in the configured scheme grants nothing above the lowest
        int clearance = user.active() ? scheme.rank(user.clearance()).orElse(0) : 0;
        LocalDate today = LocalDate.now(clock);
        List<AgreementGrant> grants = user.active() ? agreements.inForceFor(org.id(), today).stream()
                .map(a -> new AgreementGrant(a.id(), a.parties(), scheme.rank(a.maxClassification()).orElse(0), a.scope()))
                .toList() : List.of();
        return new Reader(user.id(), org.id(), org.type(), clearance, user.active() ? user.caveats() : java.util.Set.of(),
                grants, purpose);
    }

    @Override
    public Reader forOrganisation(String organisationId, String actor, String purpose) {
        // the actor is never a user: a user id here would make TLP:RED items named to that user readable
        if (actor == null || !actor.startsWith("processing:")) {
            throw new IllegalArgumentException("the actor of an organisation's reader is a processing actor (processing:…)");
        }
        StoredOrganisation org = organisations.stored(organisationId).orElseThrow(() -> new NotFoundException("organisation"));
        List<AgreementGrant> grants = agreements.inForceFor(org.id(), LocalDate.now(clock)).stream()
                .map(a -> new AgreementGrant(a.id(), a.parties(), scheme.rank(a.maxClassification()).orElse(0), a.scope()))
                .toList();
        int clearance = grants.stream().mapToInt(AgreementGrant::maxClassificationRank).max().orElse(0);
        return new Reader(actor, org.id(), org.type(), clearance, java.util.Set.of(), grants, purpose);
    }

    @Override
    public boolean isOrganisation(String id) {
        return organisations.exists(id);
    }

    @Override
    public boolean isAgreement(String id) {
        return agreements.exists(id);
    }

    @Override
    public boolean isUser(String id) {
        return users.exists(id);
    }
}
