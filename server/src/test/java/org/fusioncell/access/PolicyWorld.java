package org.fusioncell.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small fixed world for access tests: six organisations of five types, four agreements (one of them
 * suspended, so no reader ever carries its grant), two users per organisation, three caveats and
 * three information types. Markings and readers are generated from it with a fixed seed, so a
 * failure names a case that can be replayed.
 */
final class PolicyWorld {

    static final String POLICE = "00000000-0000-7000-8000-00000000000a";
    static final String INTELLIGENCE = "00000000-0000-7000-8000-00000000000b";
    static final String PARTNER_CELL = "00000000-0000-7000-8000-00000000000c";
    static final String REGIONAL_BODY = "00000000-0000-7000-8000-00000000000d";
    static final String PLATFORM = "00000000-0000-7000-8000-00000000000e";
    static final String CIVIL_SOCIETY = "00000000-0000-7000-8000-00000000000f";

    static final Map<String, OrganisationType> ORGANISATIONS = new LinkedHashMap<>();

    static {
        ORGANISATIONS.put(POLICE, OrganisationType.STATE_AGENCY);
        ORGANISATIONS.put(INTELLIGENCE, OrganisationType.STATE_AGENCY);
        ORGANISATIONS.put(PARTNER_CELL, OrganisationType.PARTNER_FUSION_CELL);
        ORGANISATIONS.put(REGIONAL_BODY, OrganisationType.INTERNATIONAL_ORGANISATION);
        ORGANISATIONS.put(PLATFORM, OrganisationType.TECHNOLOGY_PLATFORM);
        ORGANISATIONS.put(CIVIL_SOCIETY, OrganisationType.CIVIL_SOCIETY_ORGANISATION);
    }

    static final int UNCLASSIFIED = 0;
    static final int RESTRICTED = 1;
    static final int CONFIDENTIAL = 2;
    static final int SECRET = 3;

    static final String REPORT = "report";
    static final String ENTITY = "entity";
    static final String WATCHLIST = "watchlist";
    static final List<String> INFORMATION_TYPES = List.of(REPORT, ENTITY, WATCHLIST);

    static final List<String> CAVEATS = List.of("NOFORN", "CT", "HUMINT");

    /** National sharing agreement: the state agencies and the partner cell, up to SECRET, everything. */
    static final AgreementGrant NATIONAL = new AgreementGrant("00000000-0000-7000-8000-0000000000a1",
            Set.of(POLICE, INTELLIGENCE, PARTNER_CELL), SECRET, Set.of(AgreementGrant.ALL_TYPES));
    /** Regional exchange: police and the regional body, reports only, up to RESTRICTED. */
    static final AgreementGrant REGIONAL = new AgreementGrant("00000000-0000-7000-8000-0000000000a2",
            Set.of(POLICE, REGIONAL_BODY), RESTRICTED, Set.of(REPORT));
    /** Prevention partnership: partner cell, platform and civil society, reports and entities, UNCLASSIFIED. */
    static final AgreementGrant PREVENTION = new AgreementGrant("00000000-0000-7000-8000-0000000000a3",
            Set.of(PARTNER_CELL, PLATFORM, CIVIL_SOCIETY), UNCLASSIFIED, Set.of(REPORT, ENTITY));
    /** Suspended: intelligence and civil society. Markings may still name it; no reader carries it. */
    static final AgreementGrant SUSPENDED = new AgreementGrant("00000000-0000-7000-8000-0000000000a4",
            Set.of(INTELLIGENCE, CIVIL_SOCIETY), SECRET, Set.of(AgreementGrant.ALL_TYPES));

    static final List<AgreementGrant> AGREEMENTS = List.of(NATIONAL, REGIONAL, PREVENTION, SUSPENDED);
    static final List<AgreementGrant> IN_FORCE = List.of(NATIONAL, REGIONAL, PREVENTION);

    /** Two users per organisation: user ids are the organisation id with its last digit replaced. */
    static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        int n = 0;
        for (String org : ORGANISATIONS.keySet()) {
            for (int i = 0; i < 2; i++) {
                USERS.put(String.format("00000000-0000-7000-8000-%012x", 0x100 + n++), org);
            }
        }
    }

    private PolicyWorld() {
    }

    static List<String> users() {
        return List.copyOf(USERS.keySet());
    }

    static List<String> organisations() {
        return List.copyOf(ORGANISATIONS.keySet());
    }

    static String firstUserOf(String org) {
        return USERS.entrySet().stream().filter(e -> e.getValue().equals(org)).findFirst().orElseThrow().getKey();
    }

    /** The grants of the agreements in force to which the organisation is a party. */
    static List<AgreementGrant> grantsOf(String org) {
        return IN_FORCE.stream().filter(a -> a.parties().contains(org)).toList();
    }

    static Reader reader(String userId, int clearance, Set<String> caveats, List<AgreementGrant> grants) {
        String org = USERS.get(userId);
        return new Reader(userId, org, ORGANISATIONS.get(org), clearance, caveats, grants, "test");
    }

    static Reader reader(String userId, int clearance, Set<String> caveats) {
        return reader(userId, clearance, caveats, grantsOf(USERS.get(userId)));
    }

    /**
     * Every user at every clearance with no, one or two caveats, carrying either all the agreements in
     * force for their organisation or none of them (as when every agreement has been suspended).
     */
    static List<Reader> allReaders() {
        List<Set<String>> caveatSets = List.of(Set.of(), Set.of("NOFORN"), Set.of("NOFORN", "CT"), Set.copyOf(CAVEATS));
        List<Reader> readers = new ArrayList<>();
        for (String user : users()) {
            List<AgreementGrant> grants = grantsOf(USERS.get(user));
            for (int clearance = UNCLASSIFIED; clearance <= SECRET; clearance++) {
                for (Set<String> caveats : caveatSets) {
                    readers.add(reader(user, clearance, caveats, grants));
                    if (!grants.isEmpty()) {
                        readers.add(reader(user, clearance, caveats, List.of()));
                    }
                }
            }
        }
        return readers;
    }

    /** Pseudo-random markings over the world; the same seed gives the same list. */
    static List<Marking> markings(long seed, int count) {
        Random random = new Random(seed);
        List<String> orgs = organisations();
        List<String> users = users();
        List<String> agreementIds = AGREEMENTS.stream().map(AgreementGrant::agreementId).toList();
        List<OrganisationType> types = List.of(OrganisationType.values());
        Tlp[] labels = Tlp.values();
        List<Marking> markings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Releasability releasability = new Releasability(
                    pick(random, orgs, 2), pick(random, types, 2), pick(random, agreementIds, 2), pick(random, users, 3));
            markings.add(new Marking(random.nextInt(SECRET + 1), labels[i % labels.length], releasability,
                    random.nextInt(4) == 0, pick(random, CAVEATS, 2), orgs.get(random.nextInt(orgs.size()))));
        }
        return markings;
    }

    /** Up to {@code max} distinct elements, fewer (often none) more likely. */
    private static <T> Set<T> pick(Random random, List<T> from, int max) {
        Set<T> out = new LinkedHashSet<>();
        int n = random.nextInt(max + 2) - 1;
        for (int i = 0; i < n; i++) {
            out.add(from.get(random.nextInt(from.size())));
        }
        return out;
    }
}
