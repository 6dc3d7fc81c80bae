package org.fusioncell.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What beside the name makes two subjects more or less likely the same: a shared document number
 * is strong evidence, the same date of birth good evidence, a date of birth years apart is strong
 * evidence against (lists record approximate dates, so one year apart counts for nothing), and so on.
 * Nothing here can make an unlike name match on its own: the effects are bounded.
 */
final class SubjectComparison {

    static final double SAME_DOCUMENT = 0.25;
    static final double SAME_DAY = 0.10;
    static final double SAME_YEAR = 0.06;
    static final double NEAR_DATE = -0.04;
    static final double YEARS_APART = -0.12;
    static final double DECADE_APART = -0.22;
    static final double SAME_NATIONALITY = 0.03;
    static final double OTHER_NATIONALITY = -0.06;
    static final double OTHER_GENDER = -0.15;
    static final double OTHER_KIND = -0.30;

    private SubjectComparison() {
    }

    static List<Candidate.Factor> factors(Subject query, Subject listed) {
        List<Candidate.Factor> out = new ArrayList<>(4);
        if (sharesDocument(query.documents(), listed.documents())) {
            out.add(new Candidate.Factor("same document number", SAME_DOCUMENT));
        }
        birthDates(query, listed, out);
        if (!query.nationalities().isEmpty() && !listed.nationalities().isEmpty()) {
            boolean shared = query.nationalities().stream().anyMatch(listed.nationalities()::contains);
            out.add(shared ? new Candidate.Factor("same nationality", SAME_NATIONALITY)
                    : new Candidate.Factor("other nationality", OTHER_NATIONALITY));
        }
        if (query.gender() != Subject.Gender.UNKNOWN && listed.gender() != Subject.Gender.UNKNOWN
                && query.gender() != listed.gender()) {
            out.add(new Candidate.Factor("other gender", OTHER_GENDER));
        }
        if (query.kind() != Subject.Kind.UNKNOWN && listed.kind() != Subject.Kind.UNKNOWN
                && query.kind() != listed.kind()) {
            out.add(new Candidate.Factor("a " + query.kind().name().toLowerCase(Locale.ROOT) + " against a "
                    + listed.kind().name().toLowerCase(Locale.ROOT), OTHER_KIND));
        }
        return out;
    }

    private static void birthDates(Subject query, Subject listed, List<Candidate.Factor> out) {
        if (query.birthDates().isEmpty() || listed.birthDates().isEmpty()) {
            return;
        }
        int closest = Integer.MAX_VALUE;
        boolean sameDay = false;
        boolean overlap = false;
        for (BirthDate q : query.birthDates()) {
            for (BirthDate l : listed.birthDates()) {
                if (q.overlaps(l)) {
                    overlap = true;
                    sameDay |= q.isExactDay() && l.isExactDay();
                }
                closest = Math.min(closest, q.yearsApart(l));
            }
        }
        if (sameDay) {
            out.add(new Candidate.Factor("same date of birth", SAME_DAY));
        } else if (overlap) {
            out.add(new Candidate.Factor("date of birth agrees", SAME_YEAR));
        } else if (closest <= 1) {
            out.add(new Candidate.Factor("date of birth differs", NEAR_DATE));
        } else if (closest >= 10) {
            out.add(new Candidate.Factor("born " + closest + " years apart", DECADE_APART));
        } else if (closest >= 2) {
            out.add(new Candidate.Factor("born " + closest + " years apart", YEARS_APART));
        }
    }

    private static boolean sharesDocument(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        for (String x : a) {
            String nx = documentKey(x);
            if (nx.length() < 5) {
                continue;
            }
            for (String y : b) {
                if (nx.equals(documentKey(y))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Document numbers compared without spaces, dashes or case. */
    static String documentKey(String number) {
        StringBuilder s = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                s.append(Character.toUpperCase(c));
            }
        }
        return s.toString();
    }
}
