package org.fusioncell.cases.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.CaseDraft;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.Cases;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The custody store on both databases: events recorded at once by the custodian on two threads are chained one
 * after the other (the item's row is locked), and a changed `place` of a stored event is named by verification.
 */
@FusionCellTest
@Tag("persistence")
class EvidenceStoreTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Cases cases;
    @Autowired
    Evidence evidence;

    @Test
    void concurrentEventsStayChainedAndAChangedRowIsNamed() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule de fusion", OrganisationType.STATE_AGENCY, "MR");
        Reader analyst = readers.forUser(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "test");
        CaseFile c = cases.open(analyst, new CaseDraft("Réseau de Kaédi", "Facilitation présumée.", "OPERATION",
                "fr", new MarkingForm("RESTRICTED", "AMBER", null, false, List.of())));
        EvidenceItem item = ((CaseStep.Done<EvidenceItem>) evidence.receive(analyst, c.id(), new Evidence.Intake(
                "DIGITAL_EXTRACTION", "Image disque", null, null, null, "FTK Imager 4.7", "Ordinateur portable HP",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", null, null,
                "2026-11-10T08:00:00Z", "Laboratoire", "Saisie"), null)).value();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<CaseStep<CustodyEvent>>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String why = "Copie de travail " + i;
            Callable<CaseStep<CustodyEvent>> step = () -> evidence.record(analyst, c.id(), item.id(),
                    new Evidence.EventDraft("COPIED", "2026-11-11T08:00:00Z", "Laboratoire", why, null));
            results.add(pool.submit(step));
        }
        int done = 0;
        for (Future<CaseStep<CustodyEvent>> f : results) {
            try {
                if (f.get() instanceof CaseStep.Done<CustodyEvent>) {
                    done++;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // a lock timeout under load is a refusal, never a broken chain
            }
        }
        pool.shutdown();
        assertThat(done).isPositive();
        List<CustodyEvent> log = ((CaseStep.Done<List<CustodyEvent>>) evidence.custody(analyst, c.id(), item.id()))
                .value();
        assertThat(log).hasSize(1 + done);
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).prevHash()).isEqualTo(log.get(i - 1).hash());
            assertThat(log.get(i).seq()).isEqualTo(i + 1);
        }
        assertThat(((CaseStep.Done<ChainCheck>) evidence.verify(analyst, c.id())).value().intact()).isTrue();

        jdbc.sql("UPDATE cases_evidence_event SET place = 'Ailleurs' WHERE item_id = :id AND seq = 1")
                .param("id", item.id()).update();
        ChainCheck broken = ((CaseStep.Done<ChainCheck>) evidence.verify(analyst, c.id())).value();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.itemId()).isEqualTo(item.id());
        assertThat(broken.seq()).isEqualTo(1);
        assertThat(broken.reason()).contains("RECEIVED", "altered");

        // a package is not signed over a broken chain
        Reader supervisor = readers.forUser(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "test");
        assertThat(evidence.exportPackage(supervisor, c.id())).isInstanceOfSatisfying(CaseStep.Refused.class,
                r -> assertThat(r.code()).isEqualTo("chain-broken"));
    }
}
