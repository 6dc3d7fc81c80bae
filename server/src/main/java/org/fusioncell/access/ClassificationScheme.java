package org.fusioncell.access;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ordered classification levels of this installation (schemes differ by state). Rank 0 is the
 * lowest. A reader's clearance must reach an item's level.
 */
public final class ClassificationScheme {

    public static final ClassificationScheme DEFAULT =
            new ClassificationScheme(List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"));

    private final List<String> levels;

    public ClassificationScheme(List<String> levels) {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("a classification scheme needs at least one level");
        }
        this.levels = levels.stream().map(l -> l.trim().toUpperCase(Locale.ROOT)).toList();
        if (this.levels.stream().distinct().count() != this.levels.size()) {
            throw new IllegalArgumentException("classification levels must be distinct: " + levels);
        }
    }

    public List<String> levels() {
        return levels;
    }

    public Optional<Integer> rank(String level) {
        if (level == null) {
            return Optional.empty();
        }
        int i = levels.indexOf(level.trim().toUpperCase(Locale.ROOT));
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    public int rankOf(String level) {
        return rank(level).orElseThrow(() -> new IllegalArgumentException("unknown classification level"));
    }

    public String level(int rank) {
        return levels.get(rank);
    }

    public String lowest() {
        return levels.getFirst();
    }

    public String highest() {
        return levels.getLast();
    }
}
