package org.fusioncell.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void fullBatchesGoAsTheyFillAndTheRestOnClose() {
        List<List<Integer>> seen = new ArrayList<>();
        try (Batches<Integer> batches = new Batches<>(3, seen::add)) {
            for (int i = 1; i <= 7; i++) {
                batches.accept(i);
            }
            assertThat(seen).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6));
        }
        assertThat(seen).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
    }

    @Test
    void nothingStreamedMeansNoBatch() {
        List<List<String>> seen = new ArrayList<>();
        new Batches<String>(5, seen::add).close();
        assertThat(seen).isEmpty();
    }
}
