package org.fusioncell.media.index;

/** An indexed hash within the query radius: its id (as {@link PdqIndex#add} returned it) and Hamming distance. */
public record PdqMatch(int id, int distance) implements Comparable<PdqMatch> {

    @Override
    public int compareTo(PdqMatch other) {
        int byDistance = Integer.compare(distance, other.distance);
        return byDistance != 0 ? byDistance : Integer.compare(id, other.id);
    }
}
