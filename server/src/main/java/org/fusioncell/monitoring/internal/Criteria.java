package org.fusioncell.monitoring.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.IdentifierKeys;
import org.fusioncell.intake.Taxonomies;
import org.fusioncell.shared.Area;
import org.fusioncell.shared.AreaReading;
import org.fusioncell.monitoring.WatchCriterion;
import org.fusioncell.monitoring.incidents.IncidentVocabularies;
import org.fusioncell.monitoring.WatchCriterion.OnArea;
import org.fusioncell.monitoring.WatchCriterion.OnEntity;
import org.fusioncell.monitoring.WatchCriterion.OnGroup;
import org.fusioncell.monitoring.WatchCriterion.OnIdentifier;
import org.fusioncell.monitoring.WatchCriterion.OnIncidentType;
import org.fusioncell.monitoring.WatchCriterion.OnName;
import org.fusioncell.monitoring.WatchCriterion.OnTag;
import org.fusioncell.monitoring.WatchCriterion.OnText;
import org.fusioncell.names.NameParser;
import org.fusioncell.names.NameSpotter;
import org.fusioncell.search.TextWatching;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * A watch's criterion from what the user wrote, validated with the owning modules' own rules (the
 * search syntax, identifier normalisation, the tag vocabularies, the names engine's refusals), and
 * back to the map it is stored and shown as.
 */
@Component
class Criteria {

    static final String FIELD = "criterion";
    static final List<String> KINDS = List.of("entity", "name", "identifier", "text", "tag", "area", "incident-type",
            "group");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,59}");

    private final Entities entities;
    private final IdentifierKeys identifiers;
    private final TextWatching text;
    private final Taxonomies taxonomies;
    private final IncidentVocabularies vocabularies;

    Criteria(Entities entities, IdentifierKeys identifiers, TextWatching text, Taxonomies taxonomies,
             IncidentVocabularies vocabularies) {
        this.vocabularies = vocabularies;
        this.entities = entities;
        this.identifiers = identifiers;
        this.text = text;
        this.taxonomies = taxonomies;
    }

    WatchCriterion read(Reader author, Map<String, Object> raw) {
        if (raw == null || !(raw.get("kind") instanceof String kind) || !KINDS.contains(kind)) {
            throw new InvalidInputException(FIELD + ".kind", "must be one of " + String.join(", ", KINDS));
        }
        return switch (kind) {
            case "entity" -> entity(author, string(raw, "entityId", 36));
            case "name" -> name(string(raw, "name", 200));
            case "identifier" -> identifier(raw);
            case "text" -> {
                String query = string(raw, "query", 500);
                try {
                    text.validate(query);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(FIELD + ".query", e.getMessage().replaceFirst("^[^:]*: ", ""));
                }
                yield new OnText(query);
            }
            case "tag" -> {
                String tag = string(raw, "tag", 120);
                if (!taxonomies.knows(tag)) {
                    throw new InvalidInputException(FIELD + ".tag", "is not a tag of the configured taxonomies (taxonomy:value)");
                }
                yield new OnTag(tag);
            }
            case "area" -> new OnArea(AreaReading.read(raw, FIELD));
            case "incident-type" -> {
                String type = code(raw, "attackType");
                if (!vocabularies.knows(IncidentVocabularies.ATTACK_TYPE, type)) {
                    throw new InvalidInputException(FIELD + ".attackType", "is not an attack type of the incident vocabulary");
                }
                yield new OnIncidentType(type);
            }
            default -> {
                String group = string(raw, "group", 200);
                try {
                    text.validate(WatchSet.phrase(group));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(FIELD + ".group", "has no word to look for");
                }
                yield new OnGroup(group);
            }
        };
    }

    private OnEntity entity(Reader author, String entityId) {
        // a watch may name only an entity its owner may see: nothing is learnt about others by watching
        if (!(entities.open(author, entityId) instanceof EntityAccess.Opened)) {
            throw new InvalidInputException(FIELD + ".entityId", "no entity with this id is visible to you");
        }
        return new OnEntity(entities.survivorOf(entityId));
    }

    private static OnName name(String name) {
        NameParser.refusal(name).ifPresent(refusal -> {
            throw new InvalidInputException(FIELD + ".name", refusal);
        });
        try {
            new NameSpotter().put("probe", name); // particles or titles alone leave nothing to look for
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FIELD + ".name", "has no name part to look for (only particles or titles)");
        }
        return new OnName(name);
    }

    private OnIdentifier identifier(Map<String, Object> raw) {
        String typeName = string(raw, "type", 40);
        EntityType type;
        try {
            type = EntityType.valueOf(typeName.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FIELD + ".type", "is not an entity type with an identifier");
        }
        Object attributes = raw.get("attributes");
        if (!(attributes instanceof Map<?, ?> map)) {
            throw new InvalidInputException(FIELD + ".attributes", "must be an object, e.g. {\"number\": \"+222…\"}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> attrs = (Map<String, Object>) map;
        String key = identifiers.keyOf(type, attrs, FIELD + ".attributes");
        return new OnIdentifier(key, attrs.values().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse(key));
    }

    private static String code(Map<String, Object> raw, String name) {
        String value = string(raw, name, 60);
        if (!CODE.matcher(value).matches()) {
            throw new InvalidInputException(FIELD + "." + name, "must be a code of the incident vocabulary (a-z, 0-9, - or _)");
        }
        return value;
    }

    private static String string(Map<String, Object> raw, String name, int max) {
        Object v = raw.get(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new InvalidInputException(FIELD + "." + name, "is required");
        }
        if (s.strip().length() > max) {
            throw new InvalidInputException(FIELD + "." + name, "must be at most " + max + " characters");
        }
        return s.strip();
    }

    static Map<String, Object> toMap(WatchCriterion c) {
        return c.asMap();
    }

    /** The stored map back to a criterion, without re-validating (it was validated when saved). */
    static WatchCriterion fromStored(Map<String, Object> m) {
        return switch ((String) m.get("kind")) {
            case "entity" -> new OnEntity((String) m.get("entityId"));
            case "name" -> new OnName((String) m.get("name"));
            case "identifier" -> new OnIdentifier((String) m.get("key"), (String) m.get("written"));
            case "text" -> new OnText((String) m.get("query"));
            case "tag" -> new OnTag((String) m.get("tag"));
            case "area" -> new OnArea(AreaReading.read(m, FIELD));
            case "incident-type" -> new OnIncidentType((String) m.get("attackType"));
            case "group" -> new OnGroup((String) m.get("group"));
            default -> throw new IllegalStateException("unknown stored watch kind " + m.get("kind"));
        };
    }
}
