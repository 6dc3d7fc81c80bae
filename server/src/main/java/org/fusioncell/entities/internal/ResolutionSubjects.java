package org.fusioncell.entities.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityType;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;

/** A person or group as the names engine compares it: names and aliases, date of birth, nationality, gender, documents. Plain Java. */
final class ResolutionSubjects {

    private ResolutionSubjects() {
    }

    static Subject of(Entity e) {
        Map<String, Object> a = e.attributes();
        List<BirthDate> born = List.of();
        if (a.get("dateOfBirth") instanceof String dob) {
            try {
                born = List.of(BirthDate.parse(dob));
            } catch (IllegalArgumentException stored) {
                // stored dates were checked on the way in; one the engine reads differently is simply not compared
                born = List.of();
            }
        }
        Set<String> nationalities = a.get("nationality") instanceof String n ? Set.of(n.toLowerCase(Locale.ROOT)) : Set.of();
        Subject.Gender gender = switch (a.get("gender") instanceof String g ? g : "") {
            case "MALE" -> Subject.Gender.MALE;
            case "FEMALE" -> Subject.Gender.FEMALE;
            default -> Subject.Gender.UNKNOWN;
        };
        Set<String> documents = new LinkedHashSet<>();
        if (a.get("documents") instanceof List<?> docs) {
            for (Object d : docs) {
                if (d instanceof Map<?, ?> m && m.get("number") instanceof String number) {
                    documents.add(number);
                }
            }
        }
        Subject.Kind kind = e.type() == EntityType.GROUP ? Subject.Kind.ORGANISATION : Subject.Kind.PERSON;
        return new Subject(e.id(), kind, NameKeys.names(e.type(), a), born, nationalities, gender, documents);
    }
}
