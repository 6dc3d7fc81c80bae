package org.fusioncell.monitoring.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fusioncell.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Mapping files: a preset amended, and every wrong entry named. */
class ImportMappingTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPresetIsAmendedByTheRestOfTheMapping() {
        ImportMapping m = ImportMapping.parse(json, """
                {"preset": "ucdp-ged", "columns": {"admin1": null, "description": ["dyad_name", "side_b"]},
                 "values": {"country": {"652": "SYR"}}, "defaults": {"targetType": "unknown"}}""");
        assertThat(m.source()).isEqualTo("ucdp-ged");
        assertThat(m.columns()).doesNotContainKey("admin1").containsEntry("description", List.of("dyad_name", "side_b"))
                .containsEntry("fatalities", List.of("best"));
        assertThat(m.values().get("attackType")).containsEntry("3", "one-sided");
        assertThat(m.values().get("country")).containsEntry("652", "SYR");
        assertThat(m.defaults()).containsEntry("targetType", "unknown");
    }

    @Test
    void wrongEntriesAreNamed() {
        for (var bad : List.of(
                List.of("{\"colour\": 1}", "mapping.colour"),
                List.of("{\"columns\": {\"date\": \"d\", \"colour\": \"c\"}}", "mapping.columns.colour"),
                List.of("{\"preset\": \"acled\"}", "mapping.preset"),
                List.of("{\"columns\": {\"fatalities\": \"f\"}}", "mapping.columns.date"),
                List.of("{\"columns\": {\"date\": \"d\"}, \"values\": {\"weapon\": [1]}}", "mapping.values.weapon"),
                List.of("{\"columns\": {\"date\": \"d\"}, \"delimiter\": \"ab\"}", "mapping.delimiter"),
                List.of("[1]", "mapping"))) {
            assertThatThrownBy(() -> ImportMapping.parse(json, bad.get(0))).as(bad.get(0))
                    .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(bad.get(1));
        }
    }
}
