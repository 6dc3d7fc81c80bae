package org.fusioncell.safeguards.redress;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.fusioncell.safeguards.OversightCell;
import org.fusioncell.safeguards.OversightSection;
import org.fusioncell.safeguards.OversightTable;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The redress section's figures against counts the test computes itself from what it recorded, in a period of
 * its own (March 2001) so that nothing else in the database counts.
 */
@FusionCellTest
@Tag("persistence")
class RedressOversightTest {

    static final Instant FROM = Instant.parse("2001-03-01T00:00:00Z");
    static final Instant TO = Instant.parse("2001-04-01T00:00:00Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<OversightSection> sections;

    record Filed(Instant filedAt, Instant decidedAt, String outcome) {
    }

    @Test
    void figuresOfThePeriodMatchWhatWasRecorded() {
        List<Filed> requests = List.of(
                new Filed(Instant.parse("2001-03-01T10:00:00Z"), Instant.parse("2001-03-01T12:00:00Z"), "UPHELD"),
                new Filed(Instant.parse("2001-03-02T10:00:00Z"), Instant.parse("2001-03-02T14:00:00Z"), "NOT_UPHELD"),
                new Filed(Instant.parse("2001-03-03T10:00:00Z"), null, null),
                new Filed(Instant.parse("2001-02-20T10:00:00Z"), Instant.parse("2001-03-02T10:00:00Z"), "UPHELD"),
                new Filed(Instant.parse("2001-03-30T10:00:00Z"), Instant.parse("2001-04-02T10:00:00Z"), "NOT_UPHELD"));
        requests.forEach(this::insert);
        String run = Ids.newId();
        jdbc.sql("""
                INSERT INTO screening_run (id, kind, threshold, subject_count, marking_id, organisation_id, created_by,
                    created_at, depersonalised_at)
                VALUES (:id, 'BATCH', 0.8, 3, :m, :o, :u, :c, :d)""").param("id", run).param("m", Ids.newId())
                .param("o", Ids.newId()).param("u", Ids.newId()).param("c", Timestamp.from(Instant.parse("2000-08-01T00:00:00Z")))
                .param("d", Timestamp.from(Instant.parse("2001-03-05T00:00:00Z"))).update();
        for (int i = 0; i < 3; i++) {
            String subject = Ids.newId();
            jdbc.sql("""
                    INSERT INTO screening_subject (id, run_id, ordinal, names, gender, documents, marking_id, organisation_id,
                        screened_by, created_at)
                    VALUES (:id, :run, :n, '["***"]', 'UNKNOWN', '[]', :m, :o, :u, :c)""").param("id", subject)
                    .param("run", run).param("n", i).param("m", Ids.newId()).param("o", Ids.newId()).param("u", Ids.newId())
                    .param("c", Timestamp.from(Instant.parse("2000-08-01T00:00:00Z"))).update();
            jdbc.sql("""
                    INSERT INTO screening_sealed_subject (subject_id, run_id, key_id, sealed, sealed_at)
                    VALUES (:s, :r, 'test', 'AAAA', :at)""").param("s", subject).param("r", run)
                    .param("at", Timestamp.from(Instant.parse("2001-03-05T00:00:00Z"))).update();
        }
        List<String> repersonalisations = List.of("APPROVED", "REFUSED", "REFUSED", "PENDING");
        repersonalisations.forEach(state -> repersonalisation(state, Instant.parse("2001-03-10T00:00:00Z")));
        repersonalisation("APPROVED", Instant.parse("2001-05-10T00:00:00Z"));

        OversightSection section = sections.stream().filter(s -> s.id().equals("redress")).findFirst().orElseThrow();
        List<OversightTable> tables = section.tables(FROM, TO);

        long received = requests.stream().filter(r -> in(r.filedAt())).count();
        List<Filed> decided = requests.stream().filter(r -> r.decidedAt() != null && in(r.decidedAt())).toList();
        List<Duration> times = decided.stream().map(r -> Duration.between(r.filedAt(), r.decidedAt())).sorted().toList();
        assertThat(times).hasSize(3);
        OversightTable redress = table(tables, "redress-requests");
        assertThat(redress.rows().getFirst()).containsExactly(new OversightCell.Count(received),
                new OversightCell.Count(decided.size()),
                new OversightCell.Count(decided.stream().filter(r -> r.outcome().equals("UPHELD")).count()),
                new OversightCell.Count(decided.stream().filter(r -> r.outcome().equals("NOT_UPHELD")).count()),
                new OversightCell.Time(times.get(1)));
        assertThat(table(tables, "depersonalisation").rows().getFirst())
                .containsExactly(new OversightCell.Count(1), new OversightCell.Count(3));
        assertThat(table(tables, "repersonalisation").rows().getFirst()).containsExactly(
                new OversightCell.Count(repersonalisations.size()), count(repersonalisations, "APPROVED"),
                count(repersonalisations, "REFUSED"), count(repersonalisations, "PENDING"));
    }

    private static OversightCell.Count count(List<String> states, String state) {
        return new OversightCell.Count(states.stream().filter(state::equals).count());
    }

    private static boolean in(Instant at) {
        return !at.isBefore(FROM) && at.isBefore(TO);
    }

    private static OversightTable table(List<OversightTable> tables, String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private void insert(Filed f) {
        jdbc.sql("""
                INSERT INTO redress_request (id, organisation_id, filed_by, filed_at, person, language, contact, state,
                    outcome, outcome_reason, decided_by, decided_at)
                VALUES (:id, :o, :u, :f, '{"names":["Test Person"]}', 'en', 'by post', :state, :outcome, :reason, :by, :d)""")
                .param("id", Ids.newId()).param("o", Ids.newId()).param("u", Ids.newId())
                .param("f", Timestamp.from(f.filedAt())).param("state", f.outcome() == null ? "FILED" : "DECIDED")
                .param("outcome", f.outcome()).param("reason", f.outcome() == null ? null : "reviewed")
                .param("by", f.outcome() == null ? null : Ids.newId())
                .param("d", f.decidedAt() == null ? null : Timestamp.from(Objects.requireNonNull(f.decidedAt()))).update();
    }

    private void repersonalisation(String state, Instant at) {
        jdbc.sql("""
                INSERT INTO screening_repersonalisation (id, run_id, requested_by, organisation_id, reason, requested_at, state)
                VALUES (:id, :run, :u, :o, 'a reason', :at, :state)""").param("id", Ids.newId()).param("run", Ids.newId())
                .param("u", Ids.newId()).param("o", Ids.newId()).param("at", Timestamp.from(at)).param("state", state)
                .update();
    }
}
