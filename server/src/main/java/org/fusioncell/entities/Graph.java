package org.fusioncell.entities;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;

/**
 * Link analysis over the entity graph. Each traversal step is one query over the links touching the
 * frontier, with the reader's access predicate on the link and on both of its ends in the SQL: a path
 * never runs through a link or an entity the reader may not see, and nothing hidden is counted.
 * Every method takes an entity the reader has {@link Entities#open opened}; every call is audited.
 */
public interface Graph {

    int MAX_HOPS = 3;
    int MAX_PATH_DEPTH = 4;
    int NODE_CAP = 500;

    /** Entities within {@code hops} (1…{@link #MAX_HOPS}) links of {@code start}, at most {@link #NODE_CAP}. */
    Chart neighbourhood(Reader reader, Entity start, int hops);

    /** A shortest chain of visible links from {@code from} to {@code to}, at most {@link #MAX_PATH_DEPTH} long. */
    Optional<Chart> path(Reader reader, Entity from, Entity to);

    /** The entities linked to both {@code a} and {@code b}, with those links. */
    Chart commonNeighbours(Reader reader, Entity a, Entity b);

    /** The reports mentioning the entity and its links, in time order (oldest first). */
    List<Moment> timeline(Reader reader, Entity entity);

    /** What a chart shows; {@code truncated} when the node cap (or a per-hop link cap) cut it short. */
    record Chart(List<Entity> nodes, List<EntityLink> edges, boolean truncated) {

        public Chart {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }
    }

    /**
     * One dated thing about the entity. {@code basis} says which date {@code at} is: OCCURRED or REPORTED
     * (a mentioning report's dates), MENTIONED (the report could not be opened without a justification:
     * the mention's own date), VALID_FROM or RECORDED (a link's start of validity, or its recording).
     */
    record Moment(Instant at, Kind kind, Basis basis, String reportId, String linkId, LinkType linkType,
                  String otherEntityId, String otherLabel, Marking marking) {

        public enum Kind { MENTION, LINK }

        public enum Basis { OCCURRED, REPORTED, MENTIONED, VALID_FROM, RECORDED }
    }
}
