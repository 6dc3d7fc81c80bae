package org.fusioncell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/** How module fragments are merged into the served description. */
class ApiDescriptionTest {

    private static Resource fragment(String name, String yaml) {
        return new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static ApiDescription assemble(Resource... fragments) throws Exception {
        Resource[] all = new Resource[fragments.length + 1];
        all[0] = new ClassPathResource("openapi/shared.yaml");
        System.arraycopy(fragments, 0, all, 1, fragments.length);
        return new ApiDescription(all, JsonMapper.builder().build());
    }

    @Test
    @SuppressWarnings("unchecked")
    void fragmentPathsAreServedUnderApiV1AndSchemasJoinTheSharedOnes() throws Exception {
        ApiDescription d = assemble(fragment("intake.yaml", """
                paths:
                  /reports/{id}:
                    get:
                      responses:
                        200: {description: the report}
                components:
                  schemas:
                    Report: {type: object}
                """));
        Map<String, Object> paths = (Map<String, Object>) d.document().get("paths");
        assertThat(paths).containsKeys("/api/v1/reports/{id}", "/api/v1/openapi.yaml");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) d.document().get("components")).get("schemas");
        assertThat(schemas).containsKeys("Report", "Problem", "Page");
        assertThat(d.yaml()).contains("'200':");
        assertThat(d.json()).contains("\"openapi\" : \"3.1.0\"");
    }

    @Test
    void twoFragmentsDescribingTheSameOperationStopTheStartUp() {
        String op = "paths:\n  /api/v1/users:\n    get: {responses: {'200': {description: ok}}}\n";
        assertThatThrownBy(() -> assemble(fragment("a.yaml", op), fragment("b.yaml", op)))
                .hasMessageContaining("openapi/b.yaml: GET /api/v1/users is already described");
    }

    @Test
    void sameSchemaNameDefinedDifferentlyStopsTheStartUp() {
        assertThatThrownBy(() -> assemble(
                fragment("a.yaml", "components: {schemas: {Note: {type: object}}}"),
                fragment("b.yaml", "components: {schemas: {Note: {type: string}}}")))
                .hasMessageContaining("components.schemas.Note is already defined differently");
    }
}
