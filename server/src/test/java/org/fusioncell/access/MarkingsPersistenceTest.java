package org.fusioncell.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** {@link Markings} keeps every field of a marking, on H2 and on PostgreSQL. */
@Tag("persistence")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, classes = AccessDatabaseSlice.class,
        properties = "spring.flyway.locations=classpath:db/migration/access")
@ContextConfiguration(initializers = TestDatabase.class)
@ActiveProfiles({"test", AccessDatabaseSlice.PROFILE})
class MarkingsPersistenceTest {

    @Autowired
    Markings markings;

    @Test
    void everyFieldSurvivesARoundTrip() {
        Marking full = new Marking(PolicyWorld.SECRET, Tlp.AMBER_STRICT,
                new Releasability(Set.of(PolicyWorld.PLATFORM, PolicyWorld.REGIONAL_BODY),
                        Set.of(OrganisationType.values()),
                        Set.of(PolicyWorld.NATIONAL.agreementId(), PolicyWorld.REGIONAL.agreementId()),
                        Set.of(PolicyWorld.firstUserOf(PolicyWorld.POLICE))),
                true, Set.of("NOFORN", "CT", "HUMINT"), PolicyWorld.POLICE);
        String id = markings.save(full);
        assertThat(Ids.isWellFormed(id)).isTrue();
        assertThat(markings.find(id)).contains(full);
    }

    @Test
    void anEmptyMarkingSurvivesARoundTripForEveryLabel() {
        for (Tlp tlp : Tlp.values()) {
            Marking bare = new Marking(PolicyWorld.UNCLASSIFIED, tlp, Releasability.NONE, false, Set.of(), PolicyWorld.INTELLIGENCE);
            assertThat(markings.find(markings.save(bare))).as(tlp.name()).contains(bare);
        }
    }

    @Test
    void generatedMarkingsAreFoundTogetherUnchanged() {
        Map<String, Marking> saved = new LinkedHashMap<>();
        for (Marking m : PolicyWorld.markings(5L, 60)) {
            saved.put(markings.save(m), m);
        }
        List<String> ids = new ArrayList<>(saved.keySet());
        ids.add(ids.getFirst()); // a repeated id is answered once
        assertThat(markings.findAll(ids)).isEqualTo(saved);
    }

    @Test
    void equalMarkingsShareOneStoredRowAndDifferentOnesDoNot() {
        Marking m = new Marking(1, Tlp.GREEN, new Releasability(Set.of(PolicyWorld.PLATFORM, PolicyWorld.POLICE), Set.of(),
                Set.of(), Set.of()), false, Set.of("EYES", "NATIONAL-ONLY"), PolicyWorld.POLICE);
        Marking same = new Marking(1, Tlp.GREEN, new Releasability(new java.util.LinkedHashSet<>(List.of(PolicyWorld.POLICE,
                PolicyWorld.PLATFORM)), Set.of(), Set.of(), Set.of()), false, Set.of("NATIONAL-ONLY", "EYES"), PolicyWorld.POLICE);
        Marking other = new Marking(1, Tlp.AMBER, m.releasability(), false, m.caveats(), PolicyWorld.POLICE);
        String id = markings.save(m);
        assertThat(markings.save(same)).isEqualTo(id);
        assertThat(markings.save(other)).isNotEqualTo(id);
        assertThat(markings.find(id)).contains(m);
    }

    @Test
    void unknownOrEmptyIdsFindNothing() {
        assertThat(markings.find(Ids.newId())).isEmpty();
        assertThat(markings.findAll(List.of())).isEmpty();
    }
}
