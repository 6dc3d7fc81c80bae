package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The demo cell's national list: seeded with the demo, shared under the national agreement, screened across scripts. */
@FusionCellTest
@TestPropertySource(properties = {"fusioncell.identity.demo-data=true", "fusioncell.test.context=DemoWatchlistTest"})
@DirtiesContext
class DemoWatchlistTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Watchlists watchlists;
    @Autowired
    Screening screening;

    private Reader demo(String username) {
        return readers.forUser(jdbc.sql("SELECT id FROM identity_user WHERE username = :u").param("u", username)
                .query(String.class).single(), "test");
    }

    @Test
    void theDemoListIsSharedUnderTheNationalAgreementAndFoundAcrossScripts() throws Exception {
        var lists = watchlists.lists(demo("liaison.police"), PageRequest.of(0, 50)).items();
        assertThat(lists).extracting(WatchlistSummary::name).containsExactly("FC-NATIONAL-DEMO");
        assertThat(lists.getFirst().current().entryCount()).isEqualTo(6);
        assertThat(watchlists.lists(demo("partner.analyst"), PageRequest.of(0, 50)).items()).isEmpty();

        Reader analyst = demo("analyst");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        ScreeningResult result;
        do {
            Thread.sleep(100);
            result = screening.query(analyst, ScreeningQuery.named("Youcef Ben Abdelkarim Trabelsi"), null);
        } while (result.lists().isEmpty() && Instant.now().isBefore(deadline));
        assertThat(result.candidates()).extracting(CandidateMatch::entryReference).first().isEqualTo("FC-0003");
        ScreeningResult arabic = screening.query(analyst, ScreeningQuery.named("عبد الله ولد الشيخ سيدي"), null);
        assertThat(arabic.candidates()).extracting(CandidateMatch::entryReference).first().isEqualTo("FC-0001");
        ScreeningResult latin = screening.query(analyst, ScreeningQuery.named("Abderrahmane Belkacem Zerouki"), null);
        assertThat(latin.candidates()).extracting(CandidateMatch::entryReference).first().isEqualTo("FC-0006");
    }
}
