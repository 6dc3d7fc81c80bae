package org.fusioncell.hashbanks.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.hashbanks.MatchRequest;
import org.fusioncell.hashbanks.MatchResult;
import org.fusioncell.hashbanks.MatchResult.Match;
import org.fusioncell.hashbanks.MatchResult.Query;
import org.fusioncell.hashbanks.UploadedFile;
import org.fusioncell.media.index.PdqIndex;
import org.fusioncell.media.lists.HashAlgorithm;
import org.fusioncell.media.pdq.PdqHash;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Match queries over every bank the reader may see. MD5 and SHA-256 match exactly, in SQL under the banks'
 * visibility predicate. PDQ goes through the shared {@link PdqBankIndex}: its hits are kept only in the banks the
 * same predicate lets the reader see (before any limit is applied, so another bank's entries can neither show nor
 * crowd out the reader's), then read back from the table under the predicate again, which also drops anything
 * deleted since. Audited as a search: who, how many banks were searched, which banks matched and how many entries —
 * the queried value only as a SHA-256 digest, so the log does not hold the hashes of the content looked for.
 */
@Component
class Matching {

    static final int MAX_RADIUS = 64;

    private final BankGate gate;
    private final PdqBankIndex index;
    private final FileHashing hashing;
    private final int maxMatches;

    Matching(BankGate gate, PdqBankIndex index, FileHashing hashing,
             @Value("${fusioncell.hashbanks.max-matches:500}") int maxMatches) {
        this.gate = gate;
        this.index = index;
        this.hashing = hashing;
        this.maxMatches = maxMatches;
    }

    MatchResult match(Reader reader, MatchRequest request) {
        if (request == null) {
            throw new org.fusioncell.shared.InvalidInputException("body", "required");
        }
        HashAlgorithm algorithm = Inputs.algorithm("algorithm", request.algorithm());
        String hash = Inputs.hash("hash", request.hash(), algorithm);
        int radius = Inputs.bounded("radius", request.radius(), 0, MAX_RADIUS, PdqIndex.DEFAULT_RADIUS);
        int minQuality = Inputs.bounded("minQuality", request.minQuality(), 0, 100, PdqIndex.DEFAULT_MIN_QUALITY);
        Integer quality = Inputs.bounded("quality", request.quality(), 0, 100, null);
        String skipped = algorithm == HashAlgorithm.PDQ && quality != null && quality < minQuality
                ? "quality-below-threshold" : null;
        List<Query> queries = List.of(new Query(algorithm.listName(), hash, quality));
        return run(reader, queries, radius, minQuality, skipped, "value");
    }

    MatchResult matchFile(Reader reader, UploadedFile file, Integer radiusParam, Integer minQualityParam) {
        int radius = Inputs.bounded("radius", radiusParam, 0, MAX_RADIUS, PdqIndex.DEFAULT_RADIUS);
        int minQuality = Inputs.bounded("minQuality", minQualityParam, 0, 100, PdqIndex.DEFAULT_MIN_QUALITY);
        FileHashing.FileHashes h = hashing.hash(file, false);
        List<Query> queries = new ArrayList<>();
        queries.add(new Query(HashAlgorithm.MD5.listName(), h.digests().md5(), null));
        queries.add(new Query(HashAlgorithm.SHA256.listName(), h.digests().sha256(), null));
        String skipped = "not-an-image";
        if (h.pdq() != null) {
            queries.add(new Query(HashAlgorithm.PDQ.listName(), h.pdq().hash().toHex(), h.pdq().quality()));
            skipped = h.pdq().quality() < minQuality ? "quality-below-threshold" : null;
        }
        return run(reader, queries, radius, minQuality, skipped, "file");
    }

    private MatchResult run(Reader reader, List<Query> queries, int radius, int minQuality, String pdqSkipped,
                            String source) {
        SqlPredicate visible = VisibilityFilter.visible(reader, BankGate.TYPE, "b.marking_id");
        Set<String> banks = new LinkedHashSet<>(gate.jdbc.sql("SELECT b.id FROM hashbanks_bank b WHERE "
                + visible.sql()).params(visible.params()).query(String.class).list());
        List<Match> matches = new ArrayList<>();
        for (Query q : queries) {
            if (banks.isEmpty()) {
                break;
            }
            if (!q.algorithm().equals(HashAlgorithm.PDQ.listName())) {
                matches.addAll(read(visible, "e.algorithm = :a AND e.hash_value = :h", Map.of("a",
                        HashAlgorithm.parse(q.algorithm()).name(), "h", q.hash()), Map.of()));
            } else if (pdqSkipped == null) {
                List<PdqBankIndex.Hit> hits = index.search(PdqHash.fromHex(q.hash()), radius, minQuality, banks,
                        maxMatches + 1);
                if (!hits.isEmpty()) {
                    Map<Long, Integer> distances = new HashMap<>();
                    hits.forEach(hit -> distances.put(hit.seq(), hit.distance()));
                    matches.addAll(read(visible, "e.seq IN (:seqs)", Map.of("seqs", distances.keySet()), distances));
                }
            }
        }
        matches.sort(Comparator.comparingInt(Match::distance).thenComparing(m -> m.entry().id()));
        boolean truncated = matches.size() > maxMatches;
        List<Match> kept = truncated ? List.copyOf(matches.subList(0, maxMatches)) : List.copyOf(matches);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("source", source);
        details.put("algorithms", queries.stream().map(Query::algorithm).collect(Collectors.joining(",")));
        details.put("queryDigests", queries.stream().map(q -> digest(q.algorithm() + ":" + q.hash()))
                .collect(Collectors.joining(",")));
        details.put("radius", String.valueOf(radius));
        details.put("minQuality", String.valueOf(minQuality));
        details.put("banksSearched", String.valueOf(banks.size()));
        details.put("banksMatched", kept.stream().map(Match::bankId).distinct().sorted()
                .collect(Collectors.joining(",")));
        details.put("matches", String.valueOf(kept.size()));
        if (pdqSkipped != null) {
            details.put("pdqSkipped", pdqSkipped);
        }
        gate.audit(reader, AuditAction.SEARCH, BankGate.ENTRY, kept.stream().map(m -> m.entry().id()).toList(),
                details);
        return new MatchResult(queries, kept, truncated, radius, minQuality, pdqSkipped);
    }

    /** Live entries of visible banks matching {@code condition}; PDQ distances from {@code distances} (else 0). */
    private List<Match> read(SqlPredicate visible, String condition, Map<String, Object> params,
                             Map<Long, Integer> distances) {
        return gate.jdbc.sql("SELECT e.*, b.name AS bank_name FROM hashbanks_entry e JOIN hashbanks_bank b ON "
                        + "b.id = e.bank_id WHERE " + condition + " AND NOT e.deleted AND " + visible.sql()
                        + " ORDER BY e.seq LIMIT :limit")
                .params(visible.params()).params(params).param("limit", maxMatches + 1)
                .query((rs, n) -> new Match(rs.getString("bank_id"), rs.getString("bank_name"), BankGate.entry(rs),
                        distances.getOrDefault(rs.getLong("seq"), 0))).list();
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
