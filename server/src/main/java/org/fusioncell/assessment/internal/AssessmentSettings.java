package org.fusioncell.assessment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusioncell.assessment.AssessmentVocabulary;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code fusioncell.assessment.*}: the probability yardstick ({@code term: low-high} in percent) and the
 * risk matrix (rows follow {@code likelihoods}, columns {@code impacts}, every cell one of {@code levels}).
 * A configuration that does not make a complete matrix stops the start-up with the reason.
 */
@ConfigurationProperties("fusioncell.assessment")
record AssessmentSettings(Map<String, String> yardstick, List<String> likelihoods, List<String> impacts,
                          List<String> levels, List<List<String>> matrix) {

    private static final Pattern BAND = Pattern.compile("\\s*(\\d{1,3})\\s*-\\s*(\\d{1,3})\\s*");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    AssessmentVocabulary vocabulary() {
        List<AssessmentVocabulary.Term> terms = new ArrayList<>();
        for (Map.Entry<String, String> e : required("yardstick", yardstick).entrySet()) {
            Matcher m = BAND.matcher(e.getValue());
            if (!KEY.matcher(e.getKey()).matches() || !m.matches()) {
                throw new IllegalStateException("fusioncell.assessment.yardstick." + e.getKey()
                        + ": a key of lower-case letters, digits and dashes with a band such as 55-75");
            }
            int low = Integer.parseInt(m.group(1));
            int high = Integer.parseInt(m.group(2));
            if (low > high || high > 100) {
                throw new IllegalStateException("fusioncell.assessment.yardstick." + e.getKey()
                        + ": the band must run from low to high within 0-100");
            }
            terms.add(new AssessmentVocabulary.Term(e.getKey(), low, high));
        }
        List<String> rows = keys("likelihoods", likelihoods);
        List<String> columns = keys("impacts", impacts);
        List<String> grades = keys("levels", levels);
        if (matrix == null || matrix.size() != rows.size()) {
            throw new IllegalStateException("fusioncell.assessment.matrix: one row per likelihood (" + rows.size() + ")");
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = matrix.get(r);
            if (row == null || row.size() != columns.size()) {
                throw new IllegalStateException("fusioncell.assessment.matrix[" + r + "]: one cell per impact ("
                        + columns.size() + ")");
            }
            for (int c = 0; c < columns.size(); c++) {
                String cell = row.get(c) == null ? "" : row.get(c).strip();
                if (!grades.contains(cell)) {
                    throw new IllegalStateException("fusioncell.assessment.matrix[" + r + "][" + c + "]: '" + cell
                            + "' is not one of the levels " + grades);
                }
                cells.put(rows.get(r) + "\u0000" + columns.get(c), cell);
            }
        }
        return new Matrix(List.copyOf(terms), rows, columns, grades, Map.copyOf(cells));
    }

    private static Map<String, String> required(String name, Map<String, String> value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("fusioncell.assessment." + name + " is required");
        }
        return value;
    }

    private static List<String> keys(String name, List<String> value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("fusioncell.assessment." + name + " is required");
        }
        List<String> keys = value.stream().map(String::strip).toList();
        for (String k : keys) {
            if (!KEY.matcher(k).matches()) {
                throw new IllegalStateException("fusioncell.assessment." + name + ": '" + k
                        + "' is not a key of lower-case letters, digits and dashes");
            }
        }
        if (keys.stream().distinct().count() != keys.size()) {
            throw new IllegalStateException("fusioncell.assessment." + name + " repeats a key");
        }
        return keys;
    }

    private record Matrix(List<Term> yardstick, List<String> likelihoods, List<String> impacts, List<String> levels,
                          Map<String, String> cells) implements AssessmentVocabulary {
        @Override
        public Optional<String> level(String likelihood, String impact) {
            if (likelihood == null || impact == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(cells.get(likelihood + "\u0000" + impact));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AssessmentSettings.class)
    static class Wiring {
        @Bean
        AssessmentVocabulary assessmentVocabulary(AssessmentSettings settings) {
            return settings.vocabulary();
        }
    }
}
