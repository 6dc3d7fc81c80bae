package org.fusioncell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.fusioncell.testing.WithFusionCellUser;
import org.springframework.test.web.servlet.MockMvc;

/** Health probes for an orchestrator and metrics for Prometheus (docs/operations.md). */
@FusionCellTest
@AutoConfigureMockMvc
@Import(WebTestEndpoints.class)
@WithFusionCellUser(scopes = {"read", "write"})
@Tag("persistence")
class OperationsEndpointsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    HealthEndpointGroups groups;

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Test
    void readinessIsUpAndIncludesTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        assertThat(groups.get("readiness").isMember("db")).isTrue();
    }

    @Test
    void livenessIsUpWithoutTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        assertThat(groups.get("liveness").isMember("db")).isFalse();
    }

    @Test
    void healthRevealsNoComponentDetails() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void prometheusRegistryExportsJvmAndHttpMetrics() {
        assertThat(prometheus.scrape()).contains("jvm_memory_used_bytes");
    }
}
