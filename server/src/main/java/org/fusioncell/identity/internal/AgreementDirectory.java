package org.fusioncell.identity.internal;

import java.util.List;
import java.util.Optional;
import org.fusioncell.identity.AgreementSummary;
import org.fusioncell.identity.Agreements;
import org.springframework.stereotype.Component;

/** The agreements as other modules read them: a summary, never the stored row. */
@Component
class AgreementDirectory implements Agreements {

    private final JdbcAgreements agreements;

    AgreementDirectory(JdbcAgreements agreements) {
        this.agreements = agreements;
    }

    @Override
    public Optional<AgreementSummary> find(String id) {
        return id == null ? Optional.empty() : agreements.find(id).map(AgreementDirectory::summary);
    }

    @Override
    public List<AgreementSummary> ofParty(String organisationId) {
        return agreements.ofParty(organisationId).stream().map(AgreementDirectory::summary).toList();
    }

    private static AgreementSummary summary(StoredAgreement a) {
        return new AgreementSummary(a.id(), a.title(), a.kind().name(), a.status().name(), a.validFrom(),
                a.validUntil(), a.parties(), a.jointProjects());
    }
}
