package org.fusioncell.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusioncell.shared.InvalidInputException;

/**
 * A marking as a client writes it (JSON in the API, fields in the UI). {@link #toMarking} checks
 * every value and names the field that is wrong: {@code marking.classification},
 * {@code marking.releasability.organisations[2]}…
 */
public record MarkingForm(String classification, String tlp, ReleasabilityForm releasability,
                          Boolean originatorControl, List<String> caveats) {

    private static final Pattern CAVEAT = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

    public record ReleasabilityForm(List<String> organisations, List<String> organisationTypes,
                                    List<String> agreements, List<String> users) {
    }

    public Marking toMarking(ClassificationScheme scheme, MarkingVocabulary vocabulary, String ownerOrganisation,
                             String authorUserId, String field) {
        if (classification == null) {
            throw new InvalidInputException(field + ".classification", "is required; one of " + scheme.levels());
        }
        int rank = scheme.rank(classification).orElseThrow(() -> new InvalidInputException(
                field + ".classification", "unknown level; one of " + scheme.levels()));
        if (tlp == null) {
            throw new InvalidInputException(field + ".tlp", "is required; one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED");
        }
        Tlp t = Tlp.parse(tlp).orElseThrow(() -> new InvalidInputException(
                field + ".tlp", "unknown TLP label; one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED"));
        ReleasabilityForm r = releasability == null
                ? new ReleasabilityForm(List.of(), List.of(), List.of(), List.of()) : releasability;
        String rf = field + ".releasability";
        Set<String> orgs = ids(r.organisations(), rf + ".organisations", vocabulary::isOrganisation, "organisation");
        Set<String> agreements = ids(r.agreements(), rf + ".agreements", vocabulary::isAgreement, "agreement");
        Set<String> users = ids(r.users(), rf + ".users", vocabulary::isUser, "user");
        Set<OrganisationType> types = new LinkedHashSet<>();
        List<String> typeNames = r.organisationTypes() == null ? List.of() : r.organisationTypes();
        for (int i = 0; i < typeNames.size(); i++) {
            String name = typeNames.get(i);
            try {
                types.add(OrganisationType.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(rf + ".organisationTypes[" + i + "]",
                        "unknown organisation type; one of " + List.of(OrganisationType.values()));
            }
        }
        if (t == Tlp.RED && authorUserId != null) {
            users.add(authorUserId); // the author is always among the named recipients of what they write
        }
        if (t == Tlp.RED && users.isEmpty()) {
            throw new InvalidInputException(rf + ".users", "TLP:RED needs at least one named recipient");
        }
        Set<String> cav = new LinkedHashSet<>();
        List<String> caveatList = caveats == null ? List.of() : caveats;
        for (int i = 0; i < caveatList.size(); i++) {
            String c = caveatList.get(i) == null ? "" : caveatList.get(i).trim().toUpperCase(Locale.ROOT);
            if (!CAVEAT.matcher(c).matches()) {
                throw new InvalidInputException(field + ".caveats[" + i + "]",
                        "a caveat is 1-32 letters, digits, '-' or '_'");
            }
            cav.add(c);
        }
        return new Marking(rank, t, new Releasability(orgs, types, agreements, users),
                Boolean.TRUE.equals(originatorControl), cav, ownerOrganisation);
    }

    private static Set<String> ids(List<String> values, String field, java.util.function.Predicate<String> known,
                                   String kind) {
        Set<String> out = new LinkedHashSet<>();
        if (values == null) {
            return out;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || !org.fusioncell.shared.Ids.isWellFormed(v) || !known.test(v)) {
                throw new InvalidInputException(field + "[" + i + "]", "no such " + kind);
            }
            out.add(v);
        }
        return out;
    }
}
