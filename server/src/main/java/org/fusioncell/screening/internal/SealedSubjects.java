package org.fusioncell.screening.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fusioncell.names.BirthDate;
import org.fusioncell.screening.ScreenedSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Opens sealed particulars for the callers that may: an open re-personalisation, redress matching. */
@Component
class SealedSubjects {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final SubjectSeal seal;

    SealedSubjects(JdbcClient jdbc, SubjectSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    /** The subject as screened: its sealed particulars put back over the masked row, when it is sealed. */
    Optional<JdbcDepersonalisation.Sealed> sealed(String subjectId) {
        return jdbc.sql("SELECT key_id, sealed FROM screening_sealed_subject WHERE subject_id = :s").param("s", subjectId)
                .query((rs, n) -> JSON.readValue(seal.open(subjectId, rs.getString(1), rs.getString(2)),
                        JdbcDepersonalisation.Sealed.class)).optional();
    }

    ScreenedSubject original(ScreenedSubject masked) {
        return sealed(masked.id()).map(s -> new ScreenedSubject(masked.id(), masked.runId(), masked.ordinal(), s.names(),
                s.birthFrom() == null ? null : new BirthDate(LocalDate.parse(s.birthFrom()), LocalDate.parse(s.birthTo())),
                masked.nationalities(), masked.gender(), s.documents(), masked.screenedAt(), masked.hits())).orElse(masked);
    }

    List<ScreenedSubject> originals(List<ScreenedSubject> masked) {
        return masked.stream().map(this::original).toList();
    }

    boolean isSealed(String subjectId) {
        return jdbc.sql("SELECT COUNT(*) FROM screening_sealed_subject WHERE subject_id = :s").param("s", subjectId)
                .query(Long.class).single() > 0;
    }
}
