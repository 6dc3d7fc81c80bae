package org.fusioncell.entities;

import java.util.Map;

/** An identifier found in a report's text, proposed as an entity until an analyst confirms or rejects it. */
public record Proposal(String id, String reportId, EntityType type, String value, String identifierKey,
                       Map<String, Object> attributes, int offset, State state, String entityId) {

    public enum State { PROPOSED, CONFIRMED, REJECTED }
}
