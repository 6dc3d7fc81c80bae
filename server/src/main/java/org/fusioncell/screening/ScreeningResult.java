package org.fusioncell.screening;

import java.util.List;

/** The answer to one query: the lists searched (those the reader may see) and the candidates, best first. */
public record ScreeningResult(double threshold, List<ListScreened> lists, List<CandidateMatch> candidates) {

    public ScreeningResult {
        lists = List.copyOf(lists);
        candidates = List.copyOf(candidates);
    }

    public record ListScreened(String id, String name, int version, int entries) {
    }
}
