package org.fusioncell.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.audit.JustificationPolicy;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.WithFusionCellUser;
import org.springframework.test.web.servlet.MockMvc;

@FusionCellTest
@AutoConfigureMockMvc
class AuditorSearchTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JustificationPolicy justification;

    @Test
    @WithFusionCellUser(userId = "auditor-1", roles = Role.AUDITOR, scopes = {"audit", "read"})
    void auditorFindsWhoConsultedAnItemAndThatSearchIsItselfRecorded() throws Exception {
        String item = Ids.newId();
        String reader = Ids.newId();
        log.record(AuditRecord.of(AuditAction.CONSULTATION, reader, Ids.newId(), "report", List.of(Ids.newId(), item))
                .withJustification("case 2026-17"));
        log.record(AuditRecord.of(AuditAction.CONSULTATION, Ids.newId(), null, "report", List.of(Ids.newId())));

        mvc.perform(get("/api/v1/audit/records").param("objectId", item).param("action", "consultation")
                        .param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.items[0].actorUserId").value(reader))
                .andExpect(jsonPath("$.items[0].justification").value("case 2026-17"))
                .andExpect(jsonPath("$.items[0].objectIds[1]").value(item));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE actor_user_id = 'auditor-1' "
                + "AND action = 'CONSULTATION' AND object_type = 'audit-log' AND details LIKE :d")
                .param("d", "%" + item + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @WithFusionCellUser(userId = "auditor-2", roles = Role.AUDITOR, scopes = {"audit", "read"})
    void timeFiltersAndPagingAreAppliedByTheDatabase() throws Exception {
        String actor = Ids.newId();
        for (int i = 0; i < 7; i++) {
            log.record(AuditRecord.of(AuditAction.SEARCH, actor, null, "report", List.of()));
        }
        mvc.perform(get("/api/v1/audit/records").param("actor", actor).param("from", "2000-01-01")
                        .param("to", "2999-12-31").param("page", "1").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(get("/api/v1/audit/records").param("actor", actor).param("to", "2000-01-01"))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    @WithFusionCellUser(roles = Role.AUDITOR, scopes = {"audit", "read"})
    void badFilterIsAProblemNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/audit/records").param("action", "peek"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("action"));
        mvc.perform(get("/api/v1/audit/records").param("from", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
    }

    @Test
    @WithFusionCellUser(roles = Role.AUDITOR, scopes = {"audit", "read"})
    void verifyEndpointReportsTheIntactChain() throws Exception {
        log.record(AuditRecord.of(AuditAction.LOGIN, Ids.newId(), null, null, List.of()));
        mvc.perform(get("/api/v1/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("intact"))
                .andExpect(jsonPath("$.line").value(containsString("audit log intact")));
    }

    @Test
    @WithFusionCellUser(roles = Role.ANALYST, scopes = {"read"})
    void whoIsNotAnAuditorIsRefusedTheApiAndThePage() throws Exception {
        mvc.perform(get("/api/v1/audit/records")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isForbidden());
        mvc.perform(get("/audit")).andExpect(status().isForbidden());
    }

    @Test
    @WithFusionCellUser(roles = Role.AUDITOR, scopes = {"audit", "read"})
    void pageIsRightToLeftInArabicWithLabelledFiltersAndAVerdict() throws Exception {
        log.record(AuditRecord.of(AuditAction.ERASURE, Ids.newId(), null, "report", List.of(Ids.newId())));
        mvc.perform(get("/audit/verify").param("lang", "ar"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("dir=\"rtl\"")))
                .andExpect(content().string(containsString("<label for=\"f-actor\">معرّف المستخدم</label>")))
                .andExpect(content().string(containsString("سجل التدقيق سليم")))
                .andExpect(content().string(containsString("محو")));
    }

    @Test
    @WithFusionCellUser(roles = Role.AUDITOR, scopes = {"audit", "read"})
    void pageInFrenchShowsLocalisedTimesAndPages() throws Exception {
        log.record(AuditRecord.of(AuditAction.EXPORT, Ids.newId(), null, "report", List.of()));
        mvc.perform(get("/audit").param("lang", "fr").param("action", "EXPORT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Journal d’audit")))
                .andExpect(content().string(containsString("<time datetime=")))
                .andExpect(content().string(containsString("Exportation")));
        mvc.perform(get("/audit").param("lang", "en").param("from", "31/01/2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This filter is not valid: From (date, UTC).")));
    }

    @Test
    void justificationRuleDefaultsToConfidential() {
        assertThat(justification.fromRank()).isEqualTo(2);
    }
}
