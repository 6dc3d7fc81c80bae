package org.fusioncell.hashbanks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.leak.LeakHarness;
import org.fusioncell.testing.leak.LeakWorld;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The leak harness over hash banks: every reader sees exactly the banks whose marking the policy lets them see — in
 * the list and the count (narrowed to this test's banks by name, so the shared context's other banks stay out), the
 * bank, its entries, one entry, both exports — and the match API finds exactly those banks: a PDQ hash near one
 * planted in every bank, a SHA-256 in every bank, and per bank a PDQ hash only that bank holds. A bank a reader may
 * not see is never matched, whatever the query.
 */
@FusionCellTest
@Tag("persistence")
class HashBanksLeakTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    ClassificationScheme scheme;
    @Autowired
    MarkingVocabulary vocabulary;

    @Test
    void everyReaderSeesAndMatchesExactlyTheBanksThePolicyAllows() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, HashBanks.INFORMATION_TYPE,
                Set.of(Role.ANALYST));
        BearerApi api = new BearerApi(port);
        Random rnd = new Random(20261123L);
        String run = LeakWorld.CONTENT_MARKER + Long.toHexString(rnd.nextLong() & 0xffffffffL);
        byte[] base = bytes(rnd, 32);
        String sharedSha = HexFormat.of().formatHex(bytes(rnd, 32));
        Map<String, String> ownHash = new HashMap<>();
        Map<String, String> anEntry = new HashMap<>();
        LeakHarness harness = new LeakHarness("http://localhost:" + port, HashBanks.INFORMATION_TYPE, world)
                .list("/api/v1/hash-banks?name=" + run)
                .count("/api/v1/hash-banks/count?name=" + run.toLowerCase(), "count")
                .detail("/api/v1/hash-banks/{id}", Map.of())
                .detail("/api/v1/hash-banks/{id}/entries?deleted=true", Map.of())
                .nestedDetail("/api/v1/hash-banks/{id}/entries/{sub}", Map.of(), anEntry::get, true)
                .nestedDetail("/api/v1/hash-banks/{id}/export.csv", Map.of(), id -> "csv", false)
                .detail("/api/v1/hash-banks/{id}/export.json", Map.of())
                .query("/api/v1/hash-banks/matches", Map.of("algorithm", "pdq", "hash", hex(flipped(base, rnd, 4))),
                        HashBanksLeakTest::banksFound)
                .query("/api/v1/hash-banks/matches", Map.of("algorithm", "sha256", "hash", sharedSha),
                        HashBanksLeakTest::banksFound)
                .queryEach("/api/v1/hash-banks/matches", item -> Map.of("algorithm", "pdq", "hash",
                        hex(flipped(HexFormat.of().parseHex(ownHash.get(item.id())), new Random(item.id().hashCode()),
                                5))), HashBanksLeakTest::banksFound);
        List<LeakWorld.Member> members = world.members();
        int made = 0;
        int tries = 0;
        while (made < 14 && tries++ < 2000) {
            LeakWorld.Member author = members.get(rnd.nextInt(members.size()));
            MarkingForm form = world.randomMarking(rnd, author);
            Marking m = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            if (!AccessPolicy.decide(author.reader(), HashBanks.INFORMATION_TYPE, m).visible()) {
                continue;
            }
            Map<String, Object> body = new HashMap<>();
            body.put("name", "Banque " + made + " " + run);
            body.put("description", "بنك " + LeakWorld.CONTENT_MARKER);
            body.put("marking", form);
            String id = BearerApi.created(api.send(author.token(), "/api/v1/hash-banks", body));
            String own = hex(bytes(rnd, 32));
            ownHash.put(id, own);
            String base64 = "/api/v1/hash-banks/" + id + "/entries";
            anEntry.put(id, BearerApi.JSON.readTree(api.send(author.token(), base64, Map.of("algorithm", "pdq",
                    "hash", own, "label", "propre " + LeakWorld.CONTENT_MARKER, "quality", 90)).body())
                    .at("/entry/id").asString());
            assertThat(api.send(author.token(), base64, Map.of("algorithm", "pdq", "hash",
                    hex(flipped(base, rnd, 3)), "label", LeakWorld.CONTENT_MARKER)).statusCode()).isEqualTo(201);
            assertThat(api.send(author.token(), base64, Map.of("algorithm", "sha256", "hash", sharedSha,
                    "label", LeakWorld.CONTENT_MARKER)).statusCode()).isEqualTo(201);
            harness.add(new LeakHarness.Item(id, m));
            made++;
        }
        assertThat(made).isEqualTo(14);
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(500);
    }

    private static Set<String> banksFound(JsonNode answer) {
        Set<String> banks = new HashSet<>();
        answer.get("matches").forEach(m -> banks.add(m.get("bankId").asString()));
        return banks;
    }

    private static byte[] bytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    /** {@code bits} distinct bits of {@code hash} flipped. */
    private static byte[] flipped(byte[] hash, Random rnd, int bits) {
        byte[] out = hash.clone();
        Set<Integer> done = new HashSet<>();
        while (done.size() < bits) {
            int k = rnd.nextInt(256);
            if (done.add(k)) {
                out[k >> 3] ^= (byte) (1 << (k & 7));
            }
        }
        return out;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
