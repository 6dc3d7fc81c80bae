package org.fusioncell.entities;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.entities.internal.NameKeys;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rough timing of merge suggestions for a person among 100,000 people with Mauritanian and Sahelian
 * names (a few hundred given and family names, so that common parts are very common, a fifth of the names
 * in Arabic script), under four markings of which one is hidden from the reader. Not a test of behaviour:
 * run on demand with {@code -Dfusioncell.resolution.timing=true} (and {@code -Dfusioncell.resolution.people=N});
 * it prints p50/p95 and the mean number of suggestions.
 */
@FusionCellTest
@EnabledIfSystemProperty(named = "fusioncell.resolution.timing", matches = "true")
class ResolutionTimingTest {

    private static final String[] GIVEN = {"Mohamed", "Ahmed", "Sidi", "Cheikh", "Mokhtar", "Brahim", "Abdallahi",
            "Moussa", "Oumar", "Amadou", "Hamadi", "Lemine", "Ely", "Yahya", "Salem", "Khalil", "Mahfoud", "Mahmoud",
            "Isselmou", "Ethmane", "Bouna", "Djibril", "Samba", "Hamady", "Demba", "Ousmane", "Abderrahmane", "Taleb",
            "Beyrouk", "Mohameden", "Baba", "Ghali", "Iyad", "Abdelkader", "Hacen", "Yacoub", "Idriss", "Aboubakrine",
            "Mouhamadou", "Saleck", "Mounir", "Nouh", "Jedou", "Ismail", "Tijani", "Cherif", "Bilal", "Hamza"};
    private static final String[] FAMILY = {"Belmokhtar", "Droukdel", "Koufa", "Okacha", "Ould Mohamed", "Ould Ahmed",
            "Ould Sidi", "Ould Cheikh", "Diallo", "Sy", "Ba", "Kane", "Ndiaye", "Camara", "Traore", "Ag Ghali",
            "Ould Hamada", "El Moctar", "Ould Bouna", "Ould Taleb", "Ould Khairou", "Ould Dah", "Ould Beyrouk",
            "Ould Ghazouani", "El Ghassem", "Ould Vall", "Ould Ebnou", "Ould Jiddou", "Hamdi", "Abdelaziz", "Boubacar"};
    private static final String[] ARABIC = {"محمد ولد أحمد", "مختار بلمختار", "سيدي ولد الشيخ", "إبراهيم ولد سالم",
            "عبد الله ولد محمود", "يحيى ولد باب", "أحمد ولد حماده", "الشيخ ولد بونا", "إياد أغ غالي", "حمزة ولد الطالب"};

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate template;
    @Autowired
    Markings markings;
    @Autowired
    Readers readers;
    @Autowired
    Entities entities;
    @Autowired
    Resolution resolution;
    @Autowired
    ClassificationScheme scheme;

    @Test
    void mergeSuggestionsTiming() {
        int n = Integer.getInteger("fusioncell.resolution.people", 100_000);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation("Cellule", OrganisationType.STATE_AGENCY, "MR");
        String other = fx.organisation("Autre", OrganisationType.STATE_AGENCY, "MR");
        Reader reader = readers.forUser(fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of()), "timing");
        List<String> marks = List.of(
                markings.save(new Marking(0, Tlp.CLEAR, Releasability.NONE, false, Set.of(), org)),
                markings.save(new Marking(1, Tlp.AMBER, Releasability.NONE, false, Set.of(), org)),
                markings.save(new Marking(2, Tlp.GREEN, Releasability.NONE, false, Set.of(), org)),
                markings.save(new Marking(1, Tlp.AMBER, Releasability.NONE, false, Set.of(), other)));
        JsonMapper json = JsonMapper.builder().build();
        Random rnd = new Random(11);
        Timestamp now = Timestamp.from(Instant.now());
        List<String> ids = new ArrayList<>();
        long started = System.nanoTime();
        for (int from = 0; from < n; from += 5000) {
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> keys = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 5000); i++) {
                String id = Ids.newId();
                ids.add(id);
                String name = rnd.nextInt(5) == 0 ? ARABIC[rnd.nextInt(ARABIC.length)]
                        : GIVEN[rnd.nextInt(GIVEN.length)] + " " + GIVEN[rnd.nextInt(GIVEN.length)] + " "
                        + FAMILY[rnd.nextInt(FAMILY.length)];
                Map<String, Object> attributes = Map.of("names", List.of(Map.of("value", name)),
                        "dateOfBirth", String.valueOf(1950 + rnd.nextInt(50)));
                String marking = marks.get(rnd.nextInt(4));
                rows.add(new Object[] {id, "PERSON", name, name.toLowerCase(), json.writeValueAsString(attributes),
                        marking, org, "u", now});
                NameKeys.stored(List.of(name)).forEach(k -> keys.add(new Object[] {k, id, "PERSON", marking}));
            }
            template.batchUpdate("INSERT INTO entity (id, entity_type, label, label_lower, attributes, marking_id,"
                    + " owner_organisation_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            template.batchUpdate("INSERT INTO entity_name_key (name_key, entity_id, entity_type, marking_id) VALUES (?, ?, ?, ?)", keys);
        }
        long keyRows = jdbc.sql("SELECT COUNT(*) FROM entity_name_key").query(Long.class).single();
        System.out.printf("RESOLUTION TIMING loaded %d people, %d name keys in %.1f s%n", n, keyRows,
                (System.nanoTime() - started) / 1e9);
        List<Entity> subjects = new ArrayList<>();
        for (int i = 0; subjects.size() < 200 && i < ids.size(); i += 97) {
            if (entities.open(reader, ids.get(i)) instanceof EntityAccess.Opened o) {
                subjects.add(o.entity());
            }
        }
        for (int i = 0; i < 30; i++) {
            resolution.suggestions(reader, subjects.get(i)); // warm-up
        }
        long[] nanos = new long[subjects.size()];
        long found = 0;
        for (int i = 0; i < subjects.size(); i++) {
            long t = System.nanoTime();
            found += resolution.suggestions(reader, subjects.get(i)).size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("RESOLUTION TIMING suggestions among %d people: p50 %.1f ms, p95 %.1f ms, max %.1f ms,"
                        + " mean suggestions %.1f%n", n, nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.95)] / 1e6, nanos[nanos.length - 1] / 1e6, found / (double) subjects.size());
    }
}
