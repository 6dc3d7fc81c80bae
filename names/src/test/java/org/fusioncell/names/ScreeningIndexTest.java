package org.fusioncell.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScreeningIndexTest {

    private static Subject person(String id, List<String> names, String dob, String nationality, String document) {
        return new Subject(id, Subject.Kind.PERSON, names, dob == null ? List.of() : List.of(BirthDate.parse(dob)),
                nationality == null ? Set.of() : Set.of(nationality), Subject.Gender.UNKNOWN,
                document == null ? Set.of() : Set.of(document));
    }

    private final ScreeningIndex index = ScreeningIndex.of(List.of(
            person("QDi.1", List.of("Mokhtar Belmokhtar", "مختار بلمختار", "Khaled Abou El Abass"), "1972-06-01", "dz",
                    "A1234567"),
            person("QDi.2", List.of("Mohamed Ali Hassan"), "1980", "ly", null),
            person("QDi.3", List.of("Abd al-Rahman Mustafa al-Qaduli", "عبد الرحمن مصطفى القادولي"), "1957", "iq", null)));

    @Test
    void findsAListedPersonFromAnotherScriptAtRankOne() {
        List<Candidate> found = index.screen(Subject.named("q", "Mukhtar Bilmukhtar"), 0.5, 5);
        assertThat(found).first().extracting(c -> c.listed().id()).isEqualTo("QDi.1");
        List<Candidate> arabic = index.screen(Subject.named("q", "عبدالرحمن القادولي"), 0.5, 5);
        assertThat(arabic).first().extracting(c -> c.listed().id()).isEqualTo("QDi.3");
    }

    @Test
    void aDateOfBirthDecadesApartLowersTheScoreAndTheSameDocumentRaisesIt() {
        Subject same = person("q", List.of("Mokhtar Belmokhtar"), "1972-06-01", "dz", null);
        Subject older = person("q", List.of("Mokhtar Belmokhtar"), "1940", "dz", null);
        Subject withDocument = person("q", List.of("Mukhtar Belmokhtar"), null, null, "a-123 4567");
        double sameScore = index.screen(same, 0, 1).getFirst().score();
        double olderScore = index.screen(older, 0, 1).getFirst().score();
        Candidate byDocument = index.screen(withDocument, 0, 1).getFirst();
        assertThat(olderScore).isLessThan(sameScore - 0.15);
        assertThat(byDocument.factors()).extracting(Candidate.Factor::what).contains("same document number");
        assertThat(byDocument.explain()).contains("same document number");
    }

    @Test
    void thresholdAndLimitBoundTheAnswer() {
        assertThat(index.screen(Subject.named("q", "John Smith"), NameMatcher.DEFAULT_THRESHOLD, 5)).isEmpty();
        assertThat(index.screen(Subject.named("q", "Mohamed"), 0.0, 1)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void countsEveryNameOfEverySubject() {
        assertThat(index.subjectCount()).isEqualTo(3);
        assertThat(index.nameCount()).isEqualTo(6);
    }
}
