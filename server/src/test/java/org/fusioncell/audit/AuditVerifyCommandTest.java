package org.fusioncell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The command's whole logic, in-process, against the database of a running test application. */
@FusionCellTest
@Tag("persistence")
class AuditVerifyCommandTest {

    @Autowired
    AuditLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    private String[] database() {
        return new String[] {
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", "")};
    }

    @Test
    void intactLogPrintsTheCountAndHeadAndExitsZero() {
        for (int i = 0; i < 20; i++) {
            log.record(AuditRecord.of(AuditAction.COLLECTION, Ids.newId(), Ids.newId(), "report", List.of(Ids.newId())));
        }
        long last = jdbc.sql("SELECT last_seq FROM audit_chain_head").query(Long.class).single();
        String hash = jdbc.sql("SELECT last_hash FROM audit_chain_head").query(String.class).single();

        AuditVerifyCommand.Outcome outcome = AuditVerifyCommand.run(database());

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.text()).isEqualTo("audit log intact: " + last + " records, last #" + last + " hash " + hash);
    }

    @Test
    void changedRecordIsNamedAndExitsTwo() {
        for (int i = 0; i < 5; i++) {
            log.record(AuditRecord.of(AuditAction.CONSULTATION, Ids.newId(), null, "report", List.of(Ids.newId())));
        }
        long seq = jdbc.sql("SELECT last_seq FROM audit_chain_head").query(Long.class).single() - 2;
        String id = jdbc.sql("SELECT id FROM audit_record WHERE seq = :s").param("s", seq).query(String.class).single();
        String justification = jdbc.sql("SELECT justification FROM audit_record WHERE seq = :s").param("s", seq)
                .query(String.class).optional().orElse(null);
        jdbc.sql("UPDATE audit_record SET justification = 'after the fact' WHERE seq = :s").param("s", seq).update();
        try {
            AuditVerifyCommand.Outcome outcome = AuditVerifyCommand.run(database());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.text()).isEqualTo("audit log BROKEN at record #" + seq + " (id " + id + "): content changed");
        } finally {
            jdbc.sql("UPDATE audit_record SET justification = :j WHERE seq = :s").param("j", justification)
                    .param("s", seq).update();
        }
    }

    @Test
    void unreachableDatabaseIsOneLineAndExitsOne() {
        AuditVerifyCommand.Outcome outcome = AuditVerifyCommand.run(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none", "--spring.datasource.username=x",
                "--spring.datasource.hikari.initialization-fail-timeout=-1",
                "--spring.datasource.hikari.connection-timeout=1000");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.text()).startsWith("audit verify failed: ").doesNotContain("\n");
    }

    @Test
    void helpIsAvailable() {
        assertThat(AuditVerifyCommand.run("--help").exitCode()).isZero();
    }
}
