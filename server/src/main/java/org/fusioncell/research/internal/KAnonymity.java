package org.fusioncell.research.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full-domain generalisation to k-anonymity (after Sweeney's Datafly): every requested field is treated as a
 * quasi-identifier; while more than k records sit in equivalence classes smaller than k, the field with the most
 * distinct values is generalised one level (the first-level area before its country, since an area names its
 * country); the records still in classes smaller than k are then suppressed. By construction every combination of
 * values that leaves is shared by at least k records. Plain Java, no framework.
 */
public final class KAnonymity {

    /** A record to anonymise: its id (for the pseudonym) and its raw values by field. */
    public record Input(String id, Map<ExportableField, Object> values) {
    }

    /** A released record: the input's id (never written out) and its generalised values, in field order. */
    public record Released(String id, List<String> values) {
    }

    /** What leaves, how many records were suppressed, and the level each field was generalised to. */
    public record Result(List<ExportableField> fields, List<Released> records, int suppressed,
                         Map<ExportableField, Integer> levels) {
    }

    private KAnonymity() {
    }

    public static Result anonymise(List<Input> inputs, List<ExportableField> fields, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2");
        }
        Map<ExportableField, Integer> levels = new LinkedHashMap<>();
        fields.forEach(f -> levels.put(f, 0));
        while (true) {
            Map<List<String>, Integer> classes = classes(inputs, fields, levels);
            int inSmall = 0;
            for (int size : classes.values()) {
                if (size < k) {
                    inSmall += size;
                }
            }
            if (inSmall <= k) {
                break;
            }
            ExportableField next = widest(inputs, fields, levels);
            if (next == null) {
                break; // every field at its top: one class, suppressed below if smaller than k
            }
            levels.merge(next, 1, Integer::sum);
        }
        Map<List<String>, Integer> classes = classes(inputs, fields, levels);
        List<Released> out = new ArrayList<>();
        int suppressed = 0;
        for (Input in : inputs) {
            List<String> key = key(in, fields, levels);
            if (classes.get(key) >= k) {
                out.add(new Released(in.id(), key));
            } else {
                suppressed++;
            }
        }
        return new Result(List.copyOf(fields), out, suppressed, Map.copyOf(levels));
    }

    private static ExportableField widest(List<Input> inputs, List<ExportableField> fields,
                                          Map<ExportableField, Integer> levels) {
        ExportableField best = null;
        int bestDistinct = -1;
        for (ExportableField f : fields) {
            if (levels.get(f) >= f.topLevel()) {
                continue;
            }
            Set<String> distinct = new HashSet<>();
            for (Input in : inputs) {
                distinct.add(f.generalise(in.values().get(f), levels.get(f)));
            }
            if (distinct.size() > bestDistinct) {
                best = f;
                bestDistinct = distinct.size();
            }
        }
        if (best == ExportableField.COUNTRY && levels.containsKey(ExportableField.ADMIN1)
                && levels.get(ExportableField.ADMIN1) < ExportableField.ADMIN1.topLevel()) {
            return ExportableField.ADMIN1; // an area with its country hidden would still name the country
        }
        return best;
    }

    private static Map<List<String>, Integer> classes(List<Input> inputs, List<ExportableField> fields,
                                                      Map<ExportableField, Integer> levels) {
        Map<List<String>, Integer> classes = new HashMap<>();
        for (Input in : inputs) {
            classes.merge(key(in, fields, levels), 1, Integer::sum);
        }
        return classes;
    }

    private static List<String> key(Input in, List<ExportableField> fields, Map<ExportableField, Integer> levels) {
        List<String> key = new ArrayList<>(fields.size());
        for (ExportableField f : fields) {
            key.add(f.generalise(in.values().get(f), levels.get(f)));
        }
        return List.copyOf(key);
    }
}
