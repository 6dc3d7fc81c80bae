package org.fusioncell.monitoring.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Grouping;
import org.fusioncell.monitoring.incidents.IncidentStatistics.IncidentFilter;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Period;
import org.fusioncell.monitoring.incidents.internal.ImportMapping;
import org.fusioncell.monitoring.incidents.internal.IncidentImport;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.json.JsonMapper;

/** Recording, need-to-know on list, count and statistics, audit and events, and CSV imports with mappings. */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=IncidentsTest")
@DirtiesContext
@RecordApplicationEvents
@Tag("persistence")
class IncidentsTest {

    static final String HEADER = "id,date_start,country,adm_1,latitude,longitude,type_of_violence,side_a,best\n";

    @Autowired
    Incidents incidents;
    @Autowired
    IncidentStatistics statistics;
    @Autowired
    IncidentImport imports;
    @Autowired
    Readers readers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    private final JsonMapper json = JsonMapper.builder().build();

    private Reader reader(String organisationId) {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        return readers.forUser(fx.user(organisationId, "SECRET", Set.of(Role.ANALYST), Set.of()), "test");
    }

    private static Marking amber(String owner) {
        return new Marking(0, Tlp.AMBER, new Releasability(Set.of(), Set.of(), Set.of(), Set.of()), false, Set.of(), owner);
    }

    static IncidentDraft draft(Marking marking, String attackType, Integer fatalities, Double latitude) {
        return new IncidentDraft(LocalDate.of(2026, 3, 4), null, null, "Gao", "MLI", "Gao", null, latitude,
                latitude == null ? null : 0.04, attackType, "civilians", "explosives", "Group X", null, fatalities, 2,
                List.of("press, 2026-03-05"), marking, null, "A market attack.", null, null);
    }

    @Test
    void readerOutsideReleasabilitySeesNoIncidentInListCountOrStatistics() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String agency = fx.organisation(OrganisationType.STATE_AGENCY);
        String other = fx.organisation(OrganisationType.STATE_AGENCY);
        Reader author = reader(agency);
        Reader outsider = reader(other);
        Incident recorded = incidents.record(author, draft(amber(agency), "bombing", 3, 16.27));

        assertThat(events.stream(IncidentRecorded.class)).contains(new IncidentRecorded(recorded.id()));
        assertThat(incidents.list(author, IncidentQuery.any(), PageRequest.of(0, 50)).items())
                .extracting(Incident::id).contains(recorded.id());
        assertThat(incidents.count(author, new IncidentQuery("MLI", null, "bombing", "group", null, null))).isEqualTo(1);
        assertThat(statistics.counts(author, IncidentFilter.any(), Grouping.COUNTRY, Period.WEEK))
                .containsExactly(new IncidentStatistics.IncidentCount("MLI", LocalDate.of(2026, 3, 2), 1, 3));

        assertThat(incidents.list(outsider, IncidentQuery.any(), PageRequest.of(0, 50)).total()).isZero();
        assertThat(incidents.count(outsider, IncidentQuery.any())).isZero();
        assertThat(statistics.counts(outsider, IncidentFilter.any(), Grouping.NONE, Period.MONTH)).isEmpty();
        assertThat(statistics.places(outsider, IncidentFilter.any())).isEmpty();
        assertThat(incidents.open(outsider, recorded.id())).isInstanceOf(IncidentAccess.Unknown.class);

        Incident processed = incidents.forProcessing(recorded.id()).orElseThrow();
        assertThat(processed.marking()).isEqualTo(amber(agency));
        // the processing read shows nothing to anyone: it is not logged by itself (what evaluation
        // combines or discloses is, as COMBINATION and DISCLOSURE)
        Long audited = jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = :a AND object_ids = :id AND actor_user_id LIKE 'processing:%'")
                .param("a", AuditAction.CONSULTATION.name()).param("id", recorded.id()).query(Long.class).single();
        assertThat(audited).isZero();
        Long collected = jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'COLLECTION' AND object_ids = :id")
                .param("id", recorded.id()).query(Long.class).single();
        assertThat(collected).isEqualTo(1);
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        String agency = new IdentityFixtures(jdbc).organisation(OrganisationType.STATE_AGENCY);
        Reader author = reader(agency);
        long before = jdbc.sql("SELECT COUNT(*) FROM monitoring_incident").query(Long.class).single();
        assertThatThrownBy(() -> incidents.record(author, draft(amber(agency), "colour", 1, null)))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("attackType");
        assertThatThrownBy(() -> incidents.record(author, draft(amber(agency), "bombing", -1, null)))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("fatalities");
        assertThatThrownBy(() -> incidents.record(author, draft(amber(agency), "bombing", 1, 91.0)))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("latitude");
        IncidentDraft d = draft(amber(agency), "bombing", 1, null);
        IncidentDraft badCountry = new IncidentDraft(d.date(), null, null, null, "XYZ", null, null, null, null,
                "bombing", null, null, null, null, 0, 0, List.of(), d.marking(), null, null, null, null);
        assertThatThrownBy(() -> incidents.record(author, badCountry))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("country");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_incident").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aBadCsvListsRowColumnAndProblemAndStoresNothing() throws Exception {
        String agency = new IdentityFixtures(jdbc).organisation(OrganisationType.STATE_AGENCY);
        Reader author = reader(agency);
        String csv = HEADER
                + "1,2017-01-02,Syria,Aleppo governorate,36.2,37.1,1,Government of Syria,4\n"
                + "2,2017-01-03,Syria,Idlib governorate,35.9,36.6,7,IS,2\n"
                + "3,not-a-date,Syria,Idlib governorate,35.9,36.6,2,IS,1\n"
                + "4,2017-01-05,Atlantis,Idlib governorate,95.0,36.6,3,IS,-3\n";
        var outcome = imports.run(author, stream(csv), subset(), amber(agency));
        assertThat(outcome).isInstanceOf(IncidentImport.Invalid.class);
        var invalid = (IncidentImport.Invalid) outcome;
        assertThat(invalid.total()).isEqualTo(3);
        assertThat(invalid.problems()).extracting(IncidentImport.Problem::row, IncidentImport.Problem::column,
                        IncidentImport.Problem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "type_of_violence", "attackType"),
                        org.assertj.core.groups.Tuple.tuple(3L, "date_start", "date"),
                        org.assertj.core.groups.Tuple.tuple(4L, "country", "country"));
        assertThat(incidents.count(author, IncidentQuery.any())).isZero();

        assertThatThrownBy(() -> ImportMapping.parse(json, "{\"columns\": {\"colour\": \"red\", \"date\": \"d\"}}"))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("mapping.columns.colour");
        ImportMapping missing = ImportMapping.parse(json, "{\"columns\": {\"date\": \"date_begin\", \"attackType\": \"type_of_violence\"}}");
        assertThatThrownBy(() -> imports.run(author, stream(csv), missing, amber(agency)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("date_begin")
                .extracting("field").isEqualTo("mapping.columns.date");
    }

    @Test
    void aReimportSkipsTheRowsAlreadyHeld() throws Exception {
        String agency = new IdentityFixtures(jdbc).organisation(OrganisationType.STATE_AGENCY);
        Reader author = reader(agency);
        String csv = HEADER + "1,2017-01-02,Syria,Aleppo governorate,36.2,37.1,1,Government of Syria,4\n"
                + "2,2017-01-03,SYR,,,,3,IS,2\n";
        var first = (IncidentImport.Imported) imports.run(author, stream(csv), subset(), amber(agency));
        assertThat(first.imported()).isEqualTo(2);
        String more = csv + "5,2017-02-01,Syria,Aleppo governorate,36.2,37.1,2,SDF,0\n";
        var second = (IncidentImport.Imported) imports.run(author, stream(more), subset(), amber(agency));
        assertThat(second.imported()).isEqualTo(1);
        assertThat(second.duplicates()).isEqualTo(2);
        assertThat(incidents.count(author, new IncidentQuery("SYR", null, "one-sided", null, null, null))).isEqualTo(1);
    }

    /** The UCDP preset's reading of the columns the small files here have. */
    private ImportMapping subset() {
        return ImportMapping.parse(json, """
                {"source": "ucdp-ged", "columns": {"externalId": "id", "date": "date_start", "country": "country",
                  "admin1": "adm_1", "latitude": "latitude", "longitude": "longitude", "attackType": "type_of_violence",
                  "perpetratorGroup": "side_a", "fatalities": "best"},
                 "values": {"attackType": {"1": "state-based", "2": "non-state", "3": "one-sided"}}}""");
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
