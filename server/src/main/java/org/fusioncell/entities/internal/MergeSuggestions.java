package org.fusioncell.entities.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.MergeSuggestion;
import org.fusioncell.entities.Resolution;
import org.fusioncell.names.Candidate;
import org.fusioncell.names.NameMatcher;
import org.fusioncell.names.ScreeningIndex;
import org.fusioncell.names.Subject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds possible duplicates of an entity among those the reader may see. Every query carries the reader's
 * access predicate on each entity and link it touches, before any limit: a hidden entity is never a
 * candidate, never takes a candidate's place, and never weighs in a score (names are scored by an index
 * built from the visible candidates only, so even how common a name part is comes from what the reader
 * may see).
 */
@Component
class MergeSuggestions {

    /** Name candidates looked up per entity before they are scored in full. */
    static final int NAME_CANDIDATES = 200;
    private static final int KEY_CANDIDATES = 200;

    private final JdbcClient jdbc;
    private final JdbcEntities entities;

    MergeSuggestions(JdbcClient jdbc, JdbcEntities entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    List<MergeSuggestion> find(Reader reader, Entity entity) {
        Map<String, Set<String>> shared = sharedKeys(reader, entity);
        Map<String, Candidate> named = NameKeyStore.named(entity.type()) ? byName(reader, entity) : Map.of();
        Set<String> ids = new LinkedHashSet<>(shared.keySet());
        ids.addAll(named.keySet());
        Map<String, Entity> found = new HashMap<>();
        for (Entity e : load(reader, ids)) {
            found.put(e.id(), e);
        }
        List<MergeSuggestion> out = new ArrayList<>();
        for (String id : ids) {
            Entity candidate = found.get(id);
            if (candidate == null) {
                continue;
            }
            List<MergeSuggestion.Reason> reasons = new ArrayList<>();
            shared.getOrDefault(id, Set.of()).forEach(key -> reasons.add(
                    new MergeSuggestion.Reason(MergeSuggestion.Kind.SHARED_IDENTIFIER, key, 0)));
            Candidate c = named.get(id);
            if (c != null) {
                reasons.add(new MergeSuggestion.Reason(MergeSuggestion.Kind.NAME,
                        c.queryName() + " ~ " + c.matchedName() + ": " + c.name().explain(), c.name().score()));
                c.factors().forEach(f -> reasons.add(new MergeSuggestion.Reason(kind(f.what()), f.what(), f.effect())));
            }
            out.add(new MergeSuggestion(candidate, c == null ? null : c.score(),
                    candidate.marking().equals(entity.marking()), reasons));
        }
        // a shared identifier is the stronger evidence; then the name score
        out.sort(Comparator.comparingDouble((MergeSuggestion s) -> rank(s)).reversed()
                .thenComparing(s -> s.candidate().id()));
        return out.size() > Resolution.MAX_SUGGESTIONS ? out.subList(0, Resolution.MAX_SUGGESTIONS) : out;
    }

    private static double rank(MergeSuggestion s) {
        boolean shares = s.reasons().stream().anyMatch(r -> r.kind() == MergeSuggestion.Kind.SHARED_IDENTIFIER);
        return (shares ? 1 : 0) + (s.score() == null ? 0 : s.score());
    }

    /**
     * Candidates sharing an identifier key, with the keys shared. For an identifier entity, its own keys
     * (those merged into it included); for a person or group, the keys of the identifiers linked to it,
     * through links and identifiers the reader may see, reaching candidates the same way.
     */
    private Map<String, Set<String>> sharedKeys(Reader reader, Entity entity) {
        SqlPredicate e = visible(reader, "e");
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (!NameKeyStore.named(entity.type())) {
            jdbc.sql("SELECT e.id, c2.identifier_key FROM entity_correlation c1"
                            + " JOIN entity_correlation c2 ON c2.identifier_key = c1.identifier_key"
                            + " JOIN entity e ON e.id = c2.entity_id WHERE c1.entity_id = :id AND e.id <> :id"
                            + " AND e.entity_type = :type AND e.merged_into IS NULL AND " + e.sql()
                            + " ORDER BY e.id LIMIT " + KEY_CANDIDATES)
                    .params(e.params()).param("id", entity.id()).param("type", entity.type().name())
                    .query(rs -> {
                        out.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                    });
            return out;
        }
        SqlPredicate i = visible(reader, "i");
        SqlPredicate l = visible(reader, "l");
        Map<String, Object> params = new HashMap<>(e.params());
        params.putAll(i.params());
        params.putAll(l.params());
        String linked = " AND " + i.sql() + " AND " + l.sql();
        List<String> keys = jdbc.sql("SELECT DISTINCT c.identifier_key FROM entity_link l"
                        + " JOIN entity i ON i.id = (CASE WHEN l.from_entity_id = :id THEN l.to_entity_id ELSE l.from_entity_id END)"
                        + " JOIN entity_correlation c ON c.entity_id = i.id"
                        + " WHERE (l.from_entity_id = :id OR l.to_entity_id = :id)" + linked
                        + " ORDER BY c.identifier_key LIMIT 100")
                .params(params).param("id", entity.id()).query(String.class).list();
        if (keys.isEmpty()) {
            return out;
        }
        String candidate = " AND e.entity_type = :type AND e.id <> :id AND e.merged_into IS NULL AND " + e.sql() + linked;
        jdbc.sql("SELECT e.id, c.identifier_key FROM entity_correlation c JOIN entity i ON i.id = c.entity_id"
                        + " JOIN entity_link l ON l.from_entity_id = i.id JOIN entity e ON e.id = l.to_entity_id"
                        + " WHERE c.identifier_key IN (:keys)" + candidate
                        + " UNION SELECT e.id, c.identifier_key FROM entity_correlation c JOIN entity i ON i.id = c.entity_id"
                        + " JOIN entity_link l ON l.to_entity_id = i.id JOIN entity e ON e.id = l.from_entity_id"
                        + " WHERE c.identifier_key IN (:keys)" + candidate
                        + " ORDER BY 1, 2 LIMIT " + KEY_CANDIDATES)
                .params(params).param("keys", keys).param("id", entity.id()).param("type", entity.type().name())
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                });
        return out;
    }

    /**
     * Candidates by name: the visible people (or groups) sharing the most name keys with the entity, then
     * scored in full by the names engine with dates of birth, nationality, gender and documents.
     */
    private Map<String, Candidate> byName(Reader reader, Entity entity) {
        List<String> names = NameKeys.names(entity.type(), entity.attributes());
        Set<String> keys = NameKeys.query(names);
        if (keys.isEmpty()) {
            return Map.of();
        }
        // the key index alone, its marking under the reader's predicate: no row of entity is read to rank
        SqlPredicate k = visible(reader, "k");
        List<String> ids = jdbc.sql("SELECT k.entity_id FROM entity_name_key k"
                        + " WHERE k.name_key IN (:keys) AND k.entity_type = :type AND k.entity_id <> :id AND " + k.sql()
                        + " GROUP BY k.entity_id ORDER BY COUNT(*) DESC, k.entity_id LIMIT " + NAME_CANDIDATES)
                .params(k.params()).param("keys", List.copyOf(keys)).param("id", entity.id())
                .param("type", entity.type().name()).query(String.class).list();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Subject> subjects = load(reader, ids).stream().map(ResolutionSubjects::of).toList();
        Map<String, Candidate> out = new LinkedHashMap<>();
        ScreeningIndex.of(subjects).screen(ResolutionSubjects.of(entity), NameMatcher.DEFAULT_THRESHOLD,
                Resolution.MAX_SUGGESTIONS).forEach(c -> out.put(c.listed().id(), c));
        return out;
    }

    /** The entities, read again under the reader's predicate. */
    private List<Entity> load(Reader reader, Set<String> ids) {
        return load(reader, List.copyOf(ids));
    }

    private List<Entity> load(Reader reader, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        SqlPredicate e = visible(reader, "e");
        return entities.withMarkings(jdbc.sql("SELECT " + JdbcEntities.COLUMNS + " FROM entity e WHERE e.id IN (:ids)"
                        + " AND e.merged_into IS NULL AND " + e.sql() + " ORDER BY e.id")
                .params(e.params()).param("ids", ids).query(entities::row).list());
    }

    private static SqlPredicate visible(Reader reader, String alias) {
        return VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, alias + ".marking_id");
    }

    /** The names engine explains a factor in words; the kind lets the page say it in the reader's language. */
    static MergeSuggestion.Kind kind(String what) {
        String w = what.toLowerCase(Locale.ROOT);
        if (w.contains("document")) {
            return MergeSuggestion.Kind.DOCUMENT;
        }
        if (w.contains("birth") || w.contains("born")) {
            return MergeSuggestion.Kind.BIRTH_DATE;
        }
        if (w.contains("nationality")) {
            return MergeSuggestion.Kind.NATIONALITY;
        }
        if (w.contains("gender")) {
            return MergeSuggestion.Kind.GENDER;
        }
        return MergeSuggestion.Kind.OTHER;
    }
}
