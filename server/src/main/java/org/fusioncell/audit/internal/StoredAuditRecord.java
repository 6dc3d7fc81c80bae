package org.fusioncell.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/** A row of {@code audit_record} as written, the unit the chain hashes. */
record StoredAuditRecord(long seq, String id, Instant occurredAt, String action, String actorUserId,
                         String actorOrganisationId, String objectType, String objectIds, String purpose,
                         String justification, String outcome, String details, String prevHash, String hash) {

    /** The predecessor of the first record. */
    static final String GENESIS = "0".repeat(64);

    static final String COLUMNS = "seq, id, occurred_at, action, actor_user_id, actor_organisation_id, object_type, "
            + "object_ids, purpose, justification, outcome, details, prev_hash, hash";

    /** Names the version of the canonical form, so a later change of form cannot be mistaken for tampering. */
    private static final String FORM = "fusioncell-audit-v1";

    static StoredAuditRecord read(ResultSet rs, int row) throws SQLException {
        OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
        return new StoredAuditRecord(rs.getLong("seq"), rs.getString("id"), at == null ? null : at.toInstant(),
                rs.getString("action"), rs.getString("actor_user_id"), rs.getString("actor_organisation_id"),
                rs.getString("object_type"), rs.getString("object_ids"), rs.getString("purpose"),
                rs.getString("justification"), rs.getString("outcome"), rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    StoredAuditRecord withHash(String value) {
        return new StoredAuditRecord(seq, id, occurredAt, action, actorUserId, actorOrganisationId, objectType,
                objectIds, purpose, justification, outcome, details, prevHash, value);
    }

    /**
     * SHA-256 over the previous hash, the sequence number and every field. Each field is
     * length-prefixed and a null is a distinct token, so no two different records share a canonical form.
     */
    String computeHash() {
        StringBuilder canonical = new StringBuilder(FORM).append('|');
        for (Object field : new Object[] {prevHash, seq, id, occurredAt == null ? null : occurredAt.toEpochMilli(),
                action, actorUserId, actorOrganisationId, objectType, objectIds, purpose, justification, outcome,
                details}) {
            if (field == null) {
                canonical.append("~|");
            } else {
                String s = field.toString();
                canonical.append(s.length()).append(':').append(s).append('|');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
