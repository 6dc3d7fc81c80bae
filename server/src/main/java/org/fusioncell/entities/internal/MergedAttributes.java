package org.fusioncell.entities.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fusioncell.entities.EntityType;

/**
 * The survivor's attributes after a merge, and again after its split. Lists of names, aliases and
 * documents are united: what a merged entity adds is tagged {@code mergedFrom} with its id, so a split
 * removes exactly that. A value the survivor lacks (a date of birth, a nationality) is taken from the
 * first merged entity that has it and noted as filled; where both have one, the survivor's stands (the
 * merged entity keeps its own, so nothing is lost). A group's other name becomes an alias. Plain Java.
 */
public final class MergedAttributes {

    public static final String MERGED_FROM = "mergedFrom";

    /** The united attributes, and the keys the merge filled in with the entity each came from. */
    public record Union(Map<String, Object> attributes, Map<String, String> filled) {
    }

    /** A merged entity: its id and its attributes. */
    public record Member(String id, Map<String, Object> attributes) {
    }

    private MergedAttributes() {
    }

    public static Union union(EntityType type, Map<String, Object> survivor, List<Member> members) {
        Map<String, Object> out = copy(survivor);
        Map<String, String> filled = new LinkedHashMap<>();
        for (Member m : members) {
            for (Map.Entry<String, Object> e : m.attributes().entrySet()) {
                String key = e.getKey();
                Object value = e.getValue();
                if (type == EntityType.GROUP && key.equals("name") && value instanceof String name) {
                    if (!name.equals(out.get("name"))) {
                        addItem(out, filled, "aliases", Map.of("value", name, "script", EntityAttributes.script(name)),
                                m.id());
                    }
                } else if (value instanceof List<?> items && items.stream().allMatch(i -> i instanceof Map<?, ?>)
                        && (out.get(key) == null || out.get(key) instanceof List<?>)) {
                    for (Object item : items) {
                        addItem(out, filled, key, (Map<?, ?>) item, m.id());
                    }
                } else if (!out.containsKey(key)) {
                    out.put(key, value);
                    filled.put(key, m.id());
                }
            }
        }
        return new Union(out, filled);
    }

    /** The survivor's attributes without what the merge of {@code memberIds} added ({@code filled} as recorded). */
    public static Map<String, Object> without(Map<String, Object> survivor, Collection<String> memberIds,
                                              Map<String, String> filled) {
        Map<String, Object> out = copy(survivor);
        for (String key : List.copyOf(out.keySet())) {
            if (out.get(key) instanceof List<?> items) {
                List<Object> kept = new ArrayList<>();
                for (Object item : items) {
                    if (!(item instanceof Map<?, ?> m && m.get(MERGED_FROM) instanceof String from
                            && memberIds.contains(from))) {
                        kept.add(item);
                    }
                }
                if (kept.isEmpty() && filled.containsKey(key)) {
                    out.remove(key);
                } else {
                    out.put(key, kept);
                }
            } else if (filled.containsKey(key) && memberIds.contains(filled.get(key))) {
                out.remove(key);
            }
        }
        return out;
    }

    private static void addItem(Map<String, Object> out, Map<String, String> filled, String key, Map<?, ?> item,
                                String memberId) {
        Map<String, Object> plain = new LinkedHashMap<>();
        item.forEach((k, v) -> {
            if (!MERGED_FROM.equals(k)) {
                plain.put(String.valueOf(k), v);
            }
        });
        @SuppressWarnings("unchecked")
        List<Object> list = out.get(key) instanceof List<?> l ? (List<Object>) l : null;
        if (list == null) {
            list = new ArrayList<>();
            out.put(key, list);
            filled.putIfAbsent(key, memberId);
        }
        for (Object held : list) {
            if (held instanceof Map<?, ?> h && sameItem(h, plain)) {
                return;
            }
        }
        Map<String, Object> tagged = new LinkedHashMap<>(plain);
        tagged.put(MERGED_FROM, memberId);
        list.add(tagged);
    }

    private static boolean sameItem(Map<?, ?> held, Map<String, Object> item) {
        int compared = 0;
        for (Map.Entry<?, ?> e : held.entrySet()) {
            if (MERGED_FROM.equals(e.getKey())) {
                continue;
            }
            if (!Objects.equals(e.getValue(), item.get(String.valueOf(e.getKey())))) {
                return false;
            }
            compared++;
        }
        return compared == item.size();
    }

    /** A deep enough copy: lists are copied so that adding to them leaves the stored map alone. */
    private static Map<String, Object> copy(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v instanceof List<?> l ? new ArrayList<>(l) : v));
        return out;
    }
}
