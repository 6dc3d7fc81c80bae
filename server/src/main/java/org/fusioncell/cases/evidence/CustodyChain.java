package org.fusioncell.cases.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The custody chain, as the store writes it and as the verify endpoint and the offline command recompute it.
 * Each event's hash is SHA-256 (hex) of the previous event's hash (64 zeros for the first) followed by the
 * event's canonical content: a JSON object with sorted keys (as the audit log's details) of the item id, sequence
 * number, kind, actor, organisation, occurred-at (ISO-8601, milliseconds), place, why, the receiver of a transfer,
 * and — in the RECEIVED event — the item's SHA-256 at intake, so the intake hash is chained too.
 */
public final class CustodyChain {

    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CustodyChain() {
    }

    /** The first broken link of one item's chain, or null when it is intact. */
    public record Break(int seq, String reason) {
    }

    public static String canonical(String itemId, int seq, String kind, String actorUserId,
                                   String actorOrganisationId, Instant occurredAt, String place, String why,
                                   String toUserId, String itemSha256) {
        Map<String, Object> m = new TreeMap<>();
        m.put("item", itemId);
        m.put("seq", seq);
        m.put("kind", kind);
        m.put("actor", actorUserId);
        m.put("organisation", actorOrganisationId);
        m.put("occurredAt", occurredAt.truncatedTo(ChronoUnit.MILLIS).toString());
        m.put("place", place);
        m.put("why", why);
        if (toUserId != null) {
            m.put("to", toUserId);
        }
        if ("RECEIVED".equals(kind)) {
            m.put("itemSha256", itemSha256);
        }
        return JSON.writeValueAsString(m);
    }

    public static String link(String previousHash, String canonical) {
        return sha256((previousHash + canonical).getBytes(StandardCharsets.UTF_8));
    }

    public static String hash(CustodyEvent e, String itemSha256) {
        return link(e.prevHash(), canonical(e.itemId(), e.seq(), e.kind().name(), e.actorUserId(),
                e.actorOrganisationId(), e.occurredAt(), e.place(), e.why(), e.toUserId(), itemSha256));
    }

    /**
     * Recomputes one item's chain: sequence numbers 1, 2, … without gaps, each previous hash the hash before it,
     * each hash its content's, and the last one the head recorded with the item ({@code headSeq}, {@code headHash}:
     * a deleted last event shows there).
     */
    public static Break check(String itemSha256, List<CustodyEvent> events, int headSeq, String headHash) {
        String previous = GENESIS;
        int expected = 1;
        for (CustodyEvent e : events) {
            if (e.seq() != expected) {
                return new Break(expected, "event " + expected + " is missing");
            }
            if (!previous.equals(e.prevHash())) {
                return new Break(e.seq(), "event " + e.seq() + " does not follow the event before it");
            }
            if (!hash(e, itemSha256).equals(e.hash())) {
                return new Break(e.seq(), "event " + e.seq() + " (" + e.kind() + ") was altered after it was recorded");
            }
            previous = e.hash();
            expected++;
        }
        if (events.size() != headSeq || !previous.equals(headHash)) {
            int at = events.size() < headSeq ? events.size() + 1 : events.size() > headSeq ? headSeq + 1 : headSeq;
            return new Break(at, "the chain ends at event " + events.size() + " but the item records " + headSeq
                            + " events: events were removed or added outside the custody log");
        }
        return null;
    }

    /**
     * The intake hash of a physical item: SHA-256 of its description as recorded (a sorted-key JSON object of the
     * description, the seal number and the location), so that a changed description shows.
     */
    public static String describedHash(String description, String sealNumber, String location) {
        Map<String, Object> m = new TreeMap<>();
        m.put("description", description);
        m.put("sealNumber", sealNumber);
        m.put("location", location == null ? "" : location);
        return sha256(JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
