package org.fusioncell.plans.internal;

import java.util.List;
import org.fusioncell.plans.Coordination.Consultation;
import org.fusioncell.plans.Coordination.Participant;
import org.fusioncell.plans.Coordination.Participation;
import org.fusioncell.plans.Coordination.SectorCount;

/** Totals over a plan's consultations with the share of women and of youth, and organisations per sector. */
final class ParticipationSummary {

    private ParticipationSummary() {
    }

    static Participation of(List<Participant> participants, List<Consultation> consultations, List<String> sectors) {
        int total = 0;
        int women = 0;
        int men = 0;
        int youth = 0;
        for (Consultation c : consultations) {
            total += c.participants();
            women += c.women();
            men += c.men();
            youth += c.youth();
        }
        List<SectorCount> perSector = sectors.stream()
                .map(s -> new SectorCount(s, (int) participants.stream().filter(p -> p.sector().equals(s)).count()))
                .filter(s -> s.organisations() > 0).toList();
        return new Participation(consultations.size(), total, women, men, youth, total - youth,
                total == 0 ? null : (double) women / total, total == 0 ? null : (double) youth / total, perSector);
    }
}
