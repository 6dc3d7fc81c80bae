package org.fusioncell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.fusioncell.testing.WithFusionCellUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The served description tells the truth: every {@code /api/v1} operation the application maps is
 * described with the same method, and every described operation is mapped. When a module adds an
 * endpoint without describing it in {@code openapi/<module>.yaml}, this fails and names it.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Import(WebTestEndpoints.class)
@WithFusionCellUser(scopes = {"read", "write"})
class ApiDescriptionCompletenessTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApiDescription description;

    @Autowired
    MockMvc mvc;

    private Set<String> mappedOperations() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith(ApiDescription.PREFIX + "/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s must declare its HTTP method(s)", pattern).isNotEmpty();
                methods.forEach(m -> mapped.add(m.name() + " " + path));
            }
        }
        return mapped;
    }

    private Set<String> describedOperations() {
        Set<String> described = new TreeSet<>();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) description.document().get("paths");
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(k -> Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(k))
                .forEach(m -> described.add(m.toUpperCase() + " " + path)));
        return described;
    }

    @Test
    void everyMappedApiOperationIsDescribed() {
        List<String> missing = new ArrayList<>(mappedOperations());
        missing.removeAll(describedOperations());
        assertThat(missing).as("operations mapped under /api/v1 but missing from openapi/*.yaml").isEmpty();
    }

    @Test
    void everyDescribedOperationIsMapped() {
        List<String> phantom = new ArrayList<>(describedOperations());
        phantom.removeAll(mappedOperations());
        assertThat(phantom).as("operations in openapi/*.yaml that the application does not map").isEmpty();
    }

    @Test
    void descriptionIsServedAsOpenApi31YamlAndJson() throws Exception {
        String yaml = mvc.perform(get("/api/v1/openapi.yaml"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/yaml"))
                .andReturn().getResponse().getContentAsString();
        Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        assertThat(parsed.get("openapi")).isEqualTo("3.1.0");
        assertThat(parsed).containsKeys("info", "servers", "security", "paths", "components");
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value("3.1.0"))
                .andExpect(jsonPath("$.components.schemas.Problem.properties.field.type").value("string"))
                .andExpect(jsonPath("$.components.securitySchemes.bearerToken.scheme").value("bearer"));
    }
}
