package org.fusioncell.exchange.partners;

/**
 * What an administrator enters for a partner cell. {@code token}: null keeps the stored token on an update,
 * blank removes it.
 */
public record PartnerDraft(String name, String organisationId, String agreementId, String baseUrl, String apiRoot,
                           String contact, String publicKey, String token) {
}
