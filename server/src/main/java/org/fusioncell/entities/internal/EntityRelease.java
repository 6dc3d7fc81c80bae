package org.fusioncell.entities.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;

/** The marking after the originator releases an entity to one access requester. */
final class EntityRelease {

    private EntityRelease() {
    }

    /** TLP:RED reaches named users only, so the user is named; otherwise their organisation is. */
    static Marking widened(Marking m, Reader recipient) {
        Releasability r = m.releasability();
        Set<String> organisations = new HashSet<>(r.organisations());
        Set<String> users = new HashSet<>(r.users());
        if (m.tlp() == Tlp.RED) {
            users.add(recipient.userId());
        } else {
            organisations.add(recipient.organisationId());
        }
        return new Marking(m.classificationRank(), m.tlp(),
                new Releasability(organisations, r.organisationTypes(), r.agreements(), users),
                m.originatorControl(), m.caveats(), m.ownerOrganisation());
    }

    static Map<String, String> details(Marking before, Reader recipient, String accessRequestId) {
        return before.tlp() == Tlp.RED
                ? Map.of("accessRequest", accessRequestId, "recipientOrganisation", recipient.organisationId(),
                        "recipientUser", recipient.userId())
                : Map.of("accessRequest", accessRequestId, "recipientOrganisation", recipient.organisationId());
    }
}
