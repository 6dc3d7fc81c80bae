package org.fusioncell.entities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.entities.EntityType;
import org.junit.jupiter.api.Test;

class MergedAttributesTest {

    private static Map<String, Object> name(String value) {
        return Map.of("value", value, "script", EntityAttributes.script(value));
    }

    private static Map<String, Object> person(Map<String, Object> more, String... names) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("names", List.of(java.util.Arrays.stream(names).map(MergedAttributesTest::name).toArray()));
        p.putAll(more);
        return p;
    }

    @Test
    void namesAreUnitedTaggedWithTheirEntityAndTheSurvivorsOwnParticularsStand() {
        Map<String, Object> survivor = person(Map.of("dateOfBirth", "1972-06-01"), "Mokhtar Belmokhtar");
        Map<String, Object> member = person(Map.of("dateOfBirth", "1972", "nationality", "DZ",
                "aliases", List.of(name("Laaouar"))), "مختار بلمختار", "Mokhtar Belmokhtar");
        var union = MergedAttributes.union(EntityType.PERSON, survivor,
                List.of(new MergedAttributes.Member("m1", member)));
        assertThat(union.attributes().get("names")).asList().containsExactly(name("Mokhtar Belmokhtar"),
                Map.of("value", "مختار بلمختار", "script", "Arabic", "mergedFrom", "m1"));
        assertThat(union.attributes()).containsEntry("dateOfBirth", "1972-06-01").containsEntry("nationality", "DZ");
        assertThat(union.attributes().get("aliases")).asList().containsExactly(
                Map.of("value", "Laaouar", "script", "Latin", "mergedFrom", "m1"));
        assertThat(union.filled()).containsOnlyKeys("nationality", "aliases");
    }

    @Test
    void takingBackOneMergeLeavesAnotherMergesAdditionsAndRestoresTheRest() {
        Map<String, Object> survivor = person(Map.of(), "Amadou Koufa");
        var first = MergedAttributes.union(EntityType.PERSON, survivor,
                List.of(new MergedAttributes.Member("a", person(Map.of("gender", "MALE"), "أمادو كوفا"))));
        var second = MergedAttributes.union(EntityType.PERSON, first.attributes(),
                List.of(new MergedAttributes.Member("b", person(Map.of("gender", "FEMALE"), "Amadou Kouffa"))));
        Map<String, Object> withoutFirst = MergedAttributes.without(second.attributes(), List.of("a"), first.filled());
        assertThat(((List<?>) withoutFirst.get("names")).stream().map(n -> (Object) ((Map<?, ?>) n).get("value")).toList())
                .containsExactly("Amadou Koufa", "Amadou Kouffa");
        assertThat(withoutFirst).doesNotContainKey("gender");
        assertThat(MergedAttributes.without(withoutFirst, List.of("b"), second.filled())).isEqualTo(survivor);
    }

    @Test
    void aGroupsOtherNameBecomesAnAlias() {
        var union = MergedAttributes.union(EntityType.GROUP, Map.of("name", "Al-Mourabitoune"),
                List.of(new MergedAttributes.Member("g", Map.of("name", "المرابطون"))));
        assertThat(union.attributes()).containsEntry("name", "Al-Mourabitoune");
        assertThat(union.attributes().get("aliases")).asList().containsExactly(
                Map.of("value", "المرابطون", "script", "Arabic", "mergedFrom", "g"));
        assertThat(MergedAttributes.without(union.attributes(), List.of("g"), union.filled()))
                .isEqualTo(Map.of("name", "Al-Mourabitoune"));
    }
}
