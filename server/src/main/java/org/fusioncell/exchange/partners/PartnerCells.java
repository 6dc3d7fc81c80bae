package org.fusioncell.exchange.partners;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;

/**
 * The partner cells of each organisation. Administrators of the owner organisation register them; any
 * user of the owner organisation may list them (to address a hit/no-hit query, to read the exchange log);
 * other organisations do not learn them. Changes are audited.
 */
public interface PartnerCells {

    List<PartnerCell> list(Reader reader);

    /** Empty when the partner is not one of the reader's organisation. */
    Optional<PartnerCell> find(Reader reader, String id);

    /** Bad input throws {@link org.fusioncell.shared.InvalidInputException} naming the field. */
    PartnerCell create(Reader admin, PartnerDraft draft);

    PartnerCell update(Reader admin, String id, PartnerDraft draft);

    /**
     * For the exchange module's own calls to the partner: its base URI (checked: https, or http to a loopback
     * host when {@code fusioncell.exchange.partners.allow-http-loopback} is true) and bearer token. Empty when
     * the partner has no base URL or no token. Never exposed on the API.
     */
    Optional<Connection> connection(String partnerId);

    /** A partner by id whatever the reader (for scheduled work on behalf of its owner organisation). */
    Optional<PartnerCell> forProcessing(String partnerId);

    /** The partner that the local organisation {@code partnerOrganisationId} stands for, for an owner organisation. */
    Optional<PartnerCell> forOrganisation(String ownerOrganisationId, String partnerOrganisationId);

    /** The partner cells (of any owner) that the local organisation stands for. */
    List<PartnerCell> standingFor(String partnerOrganisationId);

    record Connection(PartnerCell partner, URI base, String token) {

        /** The base with {@code path} appended ({@code path} starts with a slash). */
        public URI resolve(String path) {
            String b = base.toString();
            return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
        }

        @Override
        public String toString() {
            return "Connection[" + partner.id() + " " + base + "]"; // never the token
        }
    }
}
