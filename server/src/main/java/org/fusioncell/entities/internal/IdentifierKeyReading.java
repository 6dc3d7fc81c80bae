package org.fusioncell.entities.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.IdentifierKeys;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** Identifier keys with the same extraction and normalisation as proposals and recorded entities. */
@Component
class IdentifierKeyReading implements IdentifierKeys {

    private final IdentifierExtractor extractor;
    private final EntityAttributes attributes;

    IdentifierKeyReading(EntitiesProperties properties) {
        this.extractor = new IdentifierExtractor(properties.defaultRegion());
        this.attributes = new EntityAttributes(properties.defaultRegion());
    }

    @Override
    public Set<String> in(String text) {
        Set<String> keys = new LinkedHashSet<>();
        if (text != null) {
            extractor.extract(text).forEach(found -> {
                if (found.key() != null) {
                    keys.add(found.key());
                }
            });
        }
        return keys;
    }

    @Override
    public String keyOf(EntityType type, Map<String, Object> raw, String field) {
        String key = attributes.normalise(type, raw, field).key();
        if (key == null) {
            throw new InvalidInputException(field, "an entity of type " + type + " has no identifier key");
        }
        return key;
    }
}
