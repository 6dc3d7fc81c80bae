package org.fusioncell.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.WatchlistEntry.IdentityDocument;
import org.fusioncell.screening.WatchlistEntry.NameQuality;
import org.junit.jupiter.api.Test;

/** OFAC's Remarks as they are written in the real files. */
class OfacRemarksTest {

    @Test
    void everyDateOfBirthFormIsRead() {
        assertThat(OfacRemarks.birthDate("01 Jan 1960")).contains(BirthDate.exact(LocalDate.of(1960, 1, 1)));
        assertThat(OfacRemarks.birthDate("1960")).contains(BirthDate.year(1960));
        assertThat(OfacRemarks.birthDate("Sep 1971")).contains(new BirthDate(LocalDate.of(1971, 9, 1), LocalDate.of(1971, 9, 30)));
        assertThat(OfacRemarks.birthDate("circa 1955")).contains(BirthDate.between(BirthDate.year(1954), BirthDate.year(1956)));
        assertThat(OfacRemarks.birthDate("1955 to 1957")).contains(BirthDate.between(BirthDate.year(1955), BirthDate.year(1957)));
        assertThat(OfacRemarks.birthDate("01 Jan 1958 to 31 Dec 1960"))
                .contains(new BirthDate(LocalDate.of(1958, 1, 1), LocalDate.of(1960, 12, 31)));
        assertThat(OfacRemarks.birthDate("circa 01 Jan 1960")).contains(BirthDate.between(BirthDate.year(1959), BirthDate.year(1961)));
        assertThat(OfacRemarks.birthDate("circa 1979-1982")).contains(BirthDate.between(BirthDate.year(1978), BirthDate.year(1983)));
        assertThat(OfacRemarks.birthDate("Aug 1962 to Sep 1962"))
                .contains(new BirthDate(LocalDate.of(1962, 8, 1), LocalDate.of(1962, 9, 30)));
    }

    @Test
    void unreadableDatesAreLeftOutRatherThanGuessed() {
        assertThat(OfacRemarks.birthDate("31 Feb 1970")).isEmpty();
        assertThat(OfacRemarks.birthDate("1970 to 1960")).isEmpty();
        assertThat(OfacRemarks.birthDate("early seventies")).isEmpty();
    }

    @Test
    void aFullRemarkGivesDatesNationalitiesDocumentsGenderAndWeakAliases() {
        OfacRemarks r = OfacRemarks.parse("DOB 01 Jan 1960; alt. DOB 1962; POB Baghdad, Iraq; nationality Iraq; "
                + "alt. nationality Korea, North; citizen Syria; Passport 123 (Iraq); alt. Passport A 456 789 (Jordan) "
                + "issued 01 Jan 2000 expires 01 Jan 2010; National ID No. 660000 73767 (Belgium); Passport 19820215; "
                + "Cedula No. 16247821 (Colombia); Gender Male; Linked To: SOME GROUP; a.k.a. 'ABU-'UMAR'; "
                + "f.k.a. 'OLD NAME'.");

        assertThat(r.birthDates()).containsExactly(BirthDate.exact(LocalDate.of(1960, 1, 1)), BirthDate.year(1962));
        assertThat(r.nationalities()).containsExactly("iq", "kp", "sy");
        assertThat(r.gender()).isEqualTo(Subject.Gender.MALE);
        assertThat(r.documents()).containsExactly(
                new IdentityDocument("Passport", "123", "iq", null),
                new IdentityDocument("Passport", "A 456 789", "jo", null),
                new IdentityDocument("National ID No.", "660000 73767", "be", null),
                new IdentityDocument("Passport", "19820215", null, null),
                new IdentityDocument("Cedula No.", "16247821", "co", null));
        assertThat(r.weakAliases()).containsExactly(new OfacRemarks.WeakAlias("ABU-'UMAR", NameQuality.LOW),
                new OfacRemarks.WeakAlias("OLD NAME", NameQuality.FKA));
    }

    @Test
    void vesselFlagAndFemaleGenderAreRead() {
        OfacRemarks r = OfacRemarks.parse("Vessel Registration Identification IMO 8405311; "
                + "Nationality of Registration Virgin Islands, British; Gender Female");
        assertThat(r.nationalities()).containsExactly("vg");
        assertThat(r.gender()).isEqualTo(Subject.Gender.FEMALE);
        assertThat(r.documents()).isEmpty();
    }

    @Test
    void noRemarksGiveNothing() {
        assertThat(OfacRemarks.parse(null)).isEqualTo(OfacRemarks.NONE);
        assertThat(OfacRemarks.parse("Linked To: BANCO NACIONAL DE CUBA.")).isEqualTo(OfacRemarks.NONE);
    }

    @Test
    void individualsNamesAreTurnedIntoNaturalOrder() {
        assertThat(OfacListReader.naturalOrder("HANIYA, Ismail Abdul Salah")).isEqualTo("Ismail Abdul Salah HANIYA");
        assertThat(OfacListReader.naturalOrder("DELOS REYES, Feliciano Semborio, Jr."))
                .isEqualTo("Feliciano Semborio DELOS REYES Jr.");
        assertThat(OfacListReader.naturalOrder("KNOWLES, JR., Samuel")).isEqualTo("Samuel KNOWLES JR.");
        assertThat(OfacListReader.naturalOrder("MARUF, Taha, Muhyi al-Din")).isEqualTo("Taha Muhyi al-Din MARUF");
        assertThat(OfacListReader.naturalOrder("ABU ZUBAYDAH")).isEqualTo("ABU ZUBAYDAH");
        assertThat(OfacListReader.naturalOrder("ZULKARNAEN,")).isEqualTo("ZULKARNAEN,");
    }

    @Test
    void programmesAreSplitOutOfOfacsBrackets() {
        assertThat(OfacListReader.programmes("IRAN] [NPWMD] [IFSR")).containsExactly("IRAN", "NPWMD", "IFSR");
        assertThat(OfacListReader.programmes("SDGT")).containsExactly("SDGT");
        assertThat(OfacListReader.programmes("")).isEmpty();
    }
}
