package org.fusioncell.media.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusioncell.media.pdq.PdqHash;
import org.fusioncell.media.pdq.PdqVectors;
import org.junit.jupiter.api.Test;

/** The index must return exactly what a brute-force scan returns: no misses, no extras. */
class PdqIndexTest {

    private static List<PdqMatch> bruteForce(List<PdqHash> hashes, List<Integer> qualities, List<Boolean> deleted,
            PdqHash query, int radius, int minQuality) {
        List<PdqMatch> out = new ArrayList<>();
        for (int id = 0; id < hashes.size(); id++) {
            int d = hashes.get(id).distance(query);
            if (d <= radius && qualities.get(id) >= minQuality && !deleted.get(id)) {
                out.add(new PdqMatch(id, d));
            }
        }
        out.sort(null);
        return out;
    }

    /** Both word layouts: the narrow one (16 × 16 bits) and, forced from the first hash, the wide one (12 × 21–22). */
    private static final int[] LAYOUTS = {PdqIndex.WIDE_FROM, 0};

    @Test
    void theUpstreamHaystackAndNeedlesGiveTheBruteForceAnswerAtEveryRadius() throws IOException {
        for (int wideFrom : LAYOUTS) {
            haystackAndNeedles(wideFrom);
        }
    }

    private void haystackAndNeedles(int wideFrom) throws IOException {
        List<PdqHash> haystack = Files.readAllLines(PdqVectors.dir().resolve("reg-test-input/haystack.txt")).stream()
                .filter(l -> !l.isBlank()).map(l -> PdqHash.fromHex(l.strip().split("[\\s,]")[0])).toList();
        List<PdqHash> needles = Files.readAllLines(PdqVectors.dir().resolve("reg-test-input/needles.txt")).stream()
                .filter(l -> !l.isBlank()).map(l -> PdqHash.fromHex(l.strip().split("[\\s,]")[0])).toList();
        assertThat(haystack).hasSize(1350);
        assertThat(needles).hasSize(100);
        PdqIndex index = new PdqIndex(1024, wideFrom);
        haystack.forEach(h -> index.add(h, 100));
        index.compact();
        List<Integer> q = haystack.stream().map(h -> 100).toList();
        List<Boolean> none = haystack.stream().map(h -> false).toList();
        int found = 0;
        for (int radius : new int[] {0, 10, 11, 12, 15, 16, 23, 24, 31, 32, 35, 36, 47, 48, 63, 64, 80}) {
            for (PdqHash needle : needles) {
                List<PdqMatch> expected = bruteForce(haystack, q, none, needle, radius, 0);
                assertThat(index.search(needle, radius, 0)).as("radius " + radius + ", wide from " + wideFrom)
                        .isEqualTo(expected);
                found += expected.size();
            }
        }
        assertThat(found).as("the needles do have neighbours").isGreaterThan(100);
    }

    @Test
    void randomHashesWithPlantedNeighboursDeletionsAndQualityMatchBruteForce() {
        for (int wideFrom : LAYOUTS) {
            plantedNeighbours(wideFrom);
        }
    }

    private void plantedNeighbours(int wideFrom) {
        SplittableRandom random = new SplittableRandom(8);
        List<PdqHash> hashes = new ArrayList<>();
        List<Integer> qualities = new ArrayList<>();
        List<Boolean> deleted = new ArrayList<>();
        PdqIndex index = new PdqIndex(10, wideFrom);
        List<PdqHash> queries = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            PdqHash h = i % 100 == 0 && i > 0
                    ? flip(queries.get(random.nextInt(queries.size())), random.nextInt(40), random)
                    : random(random);
            if (i % 500 == 0) {
                queries.add(random(random));
            }
            int quality = random.nextInt(101);
            hashes.add(h);
            qualities.add(quality);
            deleted.add(false);
            assertThat(index.add(h, quality)).isEqualTo(i);
        }
        // beyond the lists' tail limit (16384): the first search lists them; later adds stay in the tail
        assertThat(index.search(queries.get(0))).isNotNull();
        for (int i = 0; i < 2000; i++) {
            PdqHash h = flip(queries.get(random.nextInt(queries.size())), random.nextInt(40), random);
            hashes.add(h);
            qualities.add(80);
            deleted.add(false);
            index.add(h, 80);
        }
        for (int i = 0; i < hashes.size(); i += 7) {
            assertThat(index.delete(i)).isTrue();
            deleted.set(i, true);
        }
        assertThat(index.delete(0)).isFalse();
        assertThat(index.size()).isEqualTo((int) deleted.stream().filter(d -> !d).count());
        int found = 0;
        for (PdqHash query : queries) {
            for (int radius : new int[] {0, 15, 24, 31, 36, 40, 47, 70}) {
                for (int minQuality : new int[] {0, 50}) {
                    List<PdqMatch> expected = bruteForce(hashes, qualities, deleted, query, radius, minQuality);
                    assertThat(index.search(query, radius, minQuality)).as("radius %d, wide from %d", radius,
                            wideFrom).isEqualTo(expected);
                    found += expected.size();
                }
            }
            assertThat(index.search(query)).isEqualTo(bruteForce(hashes, qualities, deleted, query, 31, 50));
        }
        assertThat(found).as("planted neighbours are found").isGreaterThan(400);
    }

    @Test
    void bothLayoutsCutTheHashIntoWordsCoveringEveryBitOnceAndProbeEveryCloseValue() {
        SplittableRandom random = new SplittableRandom(3);
        for (PdqIndex.Layout layout : new PdqIndex.Layout[] {PdqIndex.Layout.NARROW, PdqIndex.Layout.WIDE}) {
            for (int i = 0; i < 200; i++) {
                PdqHash h = random(random);
                int bit = 0;
                for (int s = 0; s < layout.words(); s++) {
                    int word = layout.word(h.w0(), h.w1(), h.w2(), h.w3(), s);
                    for (int j = 0; j < layout.widths()[s]; j++, bit++) {
                        // the index numbers bits from w0's lowest (its own order; any cover of the 256 bits will do)
                        assertThat(word >>> j & 1).as("word %d bit %d", s, j)
                                .isEqualTo((int) (h.word(bit >> 6) >>> (bit & 63) & 1));
                    }
                }
                assertThat(bit).isEqualTo(256);
            }
            for (int s = 0; s < layout.words(); s++) {
                int w = layout.widths()[s];
                for (int threshold = 0; threshold <= 3; threshold++) {
                    int t = threshold;
                    long expected = 0;
                    for (int k = 0; k <= t; k++) {
                        expected += binomial(w, k);
                    }
                    int[] masks = layout.probes()[s][t];
                    assertThat(masks).hasSize((int) expected).doesNotHaveDuplicates();
                    assertThat(java.util.Arrays.stream(masks).boxed().toList())
                            .allMatch(m -> Integer.bitCount(m) <= t && m >>> w == 0);
                }
            }
        }
    }

    private static long binomial(int n, int k) {
        long r = 1;
        for (int i = 0; i < k; i++) {
            r = r * (n - i) / (i + 1);
        }
        return r;
    }

    @Test
    void storedHashesReadBackAndBadArgumentsAreRefused() {
        PdqIndex index = new PdqIndex();
        PdqHash h = PdqHash.fromHex("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
        int id = index.add(h, 100);
        assertThat(index.hash(id)).isEqualTo(h);
        assertThat(index.search(h)).containsExactly(new PdqMatch(id, 0));
        assertThat(index.search(h, 0, 101)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.add(h, 101))
                .hasMessageContaining("quality is 0..100");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.search(h, 257, 0))
                .hasMessageContaining("radius");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.delete(5)).hasMessageContaining("no hash");
    }

    static PdqHash random(SplittableRandom random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** Flips exactly {@code bits} distinct bits. */
    static PdqHash flip(PdqHash h, int bits, SplittableRandom random) {
        long[] w = {h.w0(), h.w1(), h.w2(), h.w3()};
        int flipped = 0;
        while (flipped < bits) {
            int k = random.nextInt(256);
            long mask = 1L << (k & 63);
            if ((w[k >> 6] & mask) == (h.word(k >> 6) & mask)) {
                w[k >> 6] ^= mask;
                flipped++;
            }
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }
}
