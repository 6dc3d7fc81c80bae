package org.fusioncell.screening.lists;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Countries;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.WatchlistEntry.IdentityDocument;
import org.fusioncell.screening.WatchlistEntry.NameQuality;

/**
 * What OFAC's free-text Remarks say about identity, e.g. {@code DOB 01 Jan 1960; alt. DOB 1962;
 * POB Baghdad, Iraq; nationality Iraq; Passport A123 (Iraq) expires 2020; Gender Male; a.k.a. 'X'.}
 * Remarks are semicolon-separated statements; those not about identity (Linked To, addresses,
 * registration numbers) are not read. A statement that cannot be read is left out rather than
 * failing the list: the remarks are prose, not a schema.
 *
 * @param weakAliases the "a.k.a. 'X'" names, which OFAC puts in Remarks only for weak aliases
 */
record OfacRemarks(List<BirthDate> birthDates, List<String> nationalities, Subject.Gender gender,
                   List<IdentityDocument> documents, List<WeakAlias> weakAliases) {

    record WeakAlias(String name, NameQuality quality) {
    }

    static final OfacRemarks NONE = new OfacRemarks(List.of(), List.of(), Subject.Gender.UNKNOWN, List.of(), List.of());

    // cheap prefix checks first: most statements (Linked To, addresses, registrations) are none of these
    private static final String[] NATIONALITY_STARTS = {"nationality", "citizen", "Nationality of Registration"};
    private static final String[] ALIAS_STARTS = {"a.k.a. ", "f.k.a. ", "n.k.a. "};
    private static final String[] DOCUMENT_STARTS = {"Passport ", "Diplomatic Passport ", "National ID No. ",
        "Identification Number ", "Cedula No. ", "D.N.I. ", "C.U.R.P. ", "SSN ", "Driver's License No. "};
    private static final Pattern STATEMENT_SEPARATOR = Pattern.compile(";");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2}) ([A-Za-z]{3,9})\\.? (\\d{4})");
    private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]{3,9})\\.? (\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4}) ?[-–] ?(\\d{4})");
    private static final Pattern NATIONALITY = Pattern.compile("(?:nationality:?|citizen|Nationality of Registration) (.+)");
    private static final Pattern ALIAS = Pattern.compile("(a\\.k\\.a\\.|f\\.k\\.a\\.|n\\.k\\.a\\.) '(.+)'");
    private static final Pattern DOCUMENT = Pattern.compile("(Passport|Diplomatic Passport|National ID No\\.|"
            + "Identification Number|Cedula No\\.|D\\.N\\.I\\.|C\\.U\\.R\\.P\\.|SSN|Driver's License No\\.) "
            + "(.+?)(?: \\(([^)]+)\\))?(?: (?:issued|expires|valid|alt\\.|Issue Date|Expiration Date)\\b.*)?");

    static OfacRemarks parse(String remarks) {
        if (remarks == null || remarks.isBlank()) {
            return NONE;
        }
        List<BirthDate> birthDates = new ArrayList<>();
        Set<String> nationalities = new LinkedHashSet<>();
        Subject.Gender gender = Subject.Gender.UNKNOWN;
        List<IdentityDocument> documents = new ArrayList<>();
        List<WeakAlias> aliases = new ArrayList<>();
        for (String raw : STATEMENT_SEPARATOR.split(remarks)) {
            String statement = EntryNames.collapse(raw);
            if (statement.endsWith(".") && !statement.endsWith("No.")) {
                statement = statement.substring(0, statement.length() - 1).strip();
            }
            if (statement.startsWith("alt. ")) {
                statement = statement.substring(5);
            }
            if (statement.startsWith("DOB ")) {
                birthDate(statement.substring(4)).ifPresent(birthDates::add);
            } else if (statement.equals("Gender Male")) {
                gender = Subject.Gender.MALE;
            } else if (statement.equals("Gender Female")) {
                gender = Subject.Gender.FEMALE;
            } else if (startsWithAny(statement, NATIONALITY_STARTS)) {
                Matcher nationality = NATIONALITY.matcher(statement);
                if (nationality.matches()) {
                    Countries.code(nationality.group(1)).ifPresent(nationalities::add);
                }
            } else if (startsWithAny(statement, ALIAS_STARTS)) {
                Matcher alias = ALIAS.matcher(statement);
                if (alias.matches()) {
                    aliases.add(new WeakAlias(alias.group(2),
                            alias.group(1).startsWith("f") ? NameQuality.FKA : NameQuality.LOW));
                }
            } else if (startsWithAny(statement, DOCUMENT_STARTS)) {
                Matcher document = DOCUMENT.matcher(statement);
                if (document.matches()) {
                    String country = document.group(3);
                    documents.add(new IdentityDocument(document.group(1), document.group(2),
                            country == null ? null : Countries.code(country).orElse(country), null));
                }
            }
        }
        return new OfacRemarks(birthDates.stream().distinct().toList(), List.copyOf(nationalities), gender,
                documents, aliases);
    }

    private static boolean startsWithAny(String text, String[] prefixes) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code 01 Jan 1960}, {@code Jan 1960}, {@code 1960}, {@code circa 1955} (1954–1956, as the
     * UN's "approximately"), {@code 1955 to 1957}, {@code 01 Jan 1955 to 31 Dec 1957},
     * {@code circa 1955-1957}; empty for anything else.
     */
    static Optional<BirthDate> birthDate(String text) {
        String t = text.strip();
        boolean circa = t.startsWith("circa ");
        if (circa) {
            t = t.substring(6).strip();
        }
        Optional<BirthDate> date;
        int to = t.indexOf(" to ");
        Matcher range = YEAR_RANGE.matcher(t);
        if (to > 0) {
            Optional<BirthDate> from = single(t.substring(0, to));
            Optional<BirthDate> until = single(t.substring(to + 4));
            date = from.isPresent() && until.isPresent() && !until.get().latest().isBefore(from.get().earliest())
                    ? Optional.of(BirthDate.between(from.get(), until.get())) : Optional.empty();
        } else if (range.matches()) {
            int first = Integer.parseInt(range.group(1));
            int last = Integer.parseInt(range.group(2));
            date = last >= first ? Optional.of(BirthDate.between(BirthDate.year(first), BirthDate.year(last)))
                    : Optional.empty();
        } else {
            date = single(t);
        }
        if (circa) {
            return date.map(d -> BirthDate.between(BirthDate.year(d.earliest().getYear() - 1),
                    BirthDate.year(d.latest().getYear() + 1)));
        }
        return date;
    }

    private static Optional<BirthDate> single(String text) {
        String t = text.strip();
        try {
            Matcher day = DAY_MONTH_YEAR.matcher(t);
            if (day.matches()) {
                return UnBirthDates.month(day.group(2)).map(m -> BirthDate.exact(
                        LocalDate.of(Integer.parseInt(day.group(3)), m, Integer.parseInt(day.group(1)))));
            }
            Matcher month = MONTH_YEAR.matcher(t);
            if (month.matches()) {
                return UnBirthDates.month(month.group(1)).map(m -> YearMonth.of(Integer.parseInt(month.group(2)), m))
                        .map(m -> new BirthDate(m.atDay(1), m.atEndOfMonth()));
            }
            if (YEAR.matcher(t).matches()) {
                return Optional.of(BirthDate.year(Integer.parseInt(t)));
            }
        } catch (java.time.DateTimeException e) {
            // "31 Feb 1970": not a day; the statement is left out like any other unreadable remark
        }
        return Optional.empty();
    }
}
