package org.fusioncell.exchange.partners;

import java.time.Instant;

/**
 * A partner cell this installation exchanges with. {@code organisationId} is the local organisation that
 * stands for the partner (its users' API tokens are what the partner uses on our side); {@code agreementId}
 * the agreement between the owner organisation and that organisation which covers the exchange;
 * {@code baseUrl} the partner's FusionCell base URL (null when the link is offline only); {@code apiRoot} the
 * partner's TAXII API root name; {@code publicKey} the partner's Ed25519 package-signing key (base64 of the
 * X.509 SubjectPublicKeyInfo), null until registered; {@code hasToken} whether a token for calling the
 * partner is stored (the token itself is never shown).
 */
public record PartnerCell(String id, String ownerOrganisationId, String name, String organisationId,
                          String agreementId, String baseUrl, String apiRoot, String contact, String publicKey,
                          boolean hasToken, Instant createdAt) {
}
