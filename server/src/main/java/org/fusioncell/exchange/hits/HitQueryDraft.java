package org.fusioncell.exchange.hits;

import java.util.List;
import java.util.Map;

/**
 * A hit/no-hit query as the analyst writes it; it stays on this installation, only its minimised form
 * leaves. {@code kind}: {@code PERSON} (with {@code name} and {@code birthDate}: YYYY or YYYY-MM-DD) or
 * {@code IDENTIFIER} (with {@code identifierType}: PHONE, EMAIL, FINANCIAL_ACCOUNT, IDENTITY_DOCUMENT,
 * ONLINE_ACCOUNT, VEHICLE, URL, and its attributes as entities take them, e.g. {@code {number: "…"}}).
 * {@code partners}: ids of the reader's organisation's partner cells.
 */
public record HitQueryDraft(String kind, String name, String birthDate, String identifierType,
                            Map<String, Object> identifier, List<String> partners) {
}
