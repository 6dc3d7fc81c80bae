package org.fusioncell.monitoring.incidents.internal;

import java.util.HashSet;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.shared.InvalidInputException;

/**
 * An incident recorded from a report must reach no one the report does not: its marking is at least the
 * report's — level, TLP, caveats and originator control no lower, releasability no wider (the report's owner
 * may be named, since the incident belongs to the author's organisation). The author's organisation itself
 * needs no check: the author has just opened the report, so it is in the report's audience. A TLP:GREEN incident owned by
 * another organisation than the report's would reach that organisation's community: refused unless the
 * report is TLP:CLEAR.
 */
final class MarkingFloor {

    private MarkingFloor() {
    }

    static void check(Marking report, Marking incident) {
        if (report.tlp() == Tlp.CLEAR && !report.originatorControl() && report.caveats().isEmpty()
                && incident.classificationRank() >= report.classificationRank()) {
            return; // the report reaches everyone its level allows: any marking at that level or above is narrower
        }
        if (incident.classificationRank() < report.classificationRank()) {
            throw refusal("marking.classification", "below the report's classification");
        }
        if (incident.tlp().ordinal() < report.tlp().ordinal()) {
            throw refusal("marking.tlp", "less strict than the report's TLP");
        }
        if (!incident.caveats().containsAll(report.caveats())) {
            throw refusal("marking.caveats", "must keep every caveat of the report");
        }
        if (report.originatorControl() && !incident.originatorControl()) {
            throw refusal("marking.originatorControl", "the report is under originator control");
        }
        Releasability r = report.releasability();
        Releasability i = incident.releasability();
        Set<String> orgs = new HashSet<>(r.organisations());
        orgs.add(report.ownerOrganisation());
        if (!orgs.containsAll(i.organisations())) {
            throw refusal("marking.releasability.organisations", "names an organisation the report is not releasable to");
        }
        if (!r.organisationTypes().containsAll(i.organisationTypes())) {
            throw refusal("marking.releasability.organisationTypes", "names a type the report is not releasable to");
        }
        if (!r.agreements().containsAll(i.agreements())) {
            throw refusal("marking.releasability.agreements", "names an agreement the report does not");
        }
        if (report.tlp() == Tlp.RED && !r.users().containsAll(i.users())) {
            throw refusal("marking.releasability.users", "names a user the report does not");
        }
        if (incident.tlp() == Tlp.GREEN && !incident.ownerOrganisation().equals(report.ownerOrganisation())) {
            throw refusal("marking.tlp", "TLP:GREEN would reach your organisation's community; choose TLP:AMBER");
        }
    }

    private static InvalidInputException refusal(String field, String problem) {
        return new InvalidInputException(field, problem + " (an incident from a report is marked at least as the report)");
    }
}
