package org.fusioncell.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMatcherTest {

    private final NameMatcher matcher = new NameMatcher();
    private final double t = NameMatcher.DEFAULT_THRESHOLD;

    private double score(String a, String b) {
        return matcher.compare(a, b).score();
    }

    @Test
    void arabicScriptMatchesItsRomanisations() {
        assertThat(score("محمد", "Muhammad")).isGreaterThanOrEqualTo(t);
        assertThat(score("محمد", "Mohamed")).isGreaterThanOrEqualTo(t);
        assertThat(score("يوسف", "Youssef")).isGreaterThanOrEqualTo(t);
        assertThat(score("سعيد", "Sa'id")).isGreaterThanOrEqualTo(t);
        assertThat(score("خالد", "Khaled")).isGreaterThanOrEqualTo(t);
        assertThat(score("قاسم", "Kassem")).isGreaterThanOrEqualTo(t);
        assertThat(score("فاطمة", "Fatimah")).isGreaterThanOrEqualTo(t);
        assertThat(score("عبد القادر", "Abdelkader")).isGreaterThanOrEqualTo(t);
        assertThat(score("مختار بلمختار", "Mokhtar Belmokhtar")).isGreaterThanOrEqualTo(t);
    }

    @Test
    void differentNamesStayApartAcrossScripts() {
        // محمد and محمود differ only by a long vowel: Mahmoud is near, but Muhammad is nearer
        assertThat(score("محمد", "Muhammad")).isGreaterThan(score("محمد", "Mahmoud"));
        assertThat(score("محمود", "Mahmoud")).isGreaterThan(score("محمود", "Muhammad"));
        assertThat(score("رامي", "Ramzi")).isLessThan(t);
        assertThat(score("خالد", "Khalil")).isLessThan(t);
    }

    @Test
    void closeArabicNamesRankTheirOwnRomanisationFirst() {
        assertThat(score("حسين", "Hussein")).isGreaterThan(score("حسين", "Hassan"));
        assertThat(score("حسن", "Hassan")).isGreaterThan(score("حسن", "Hussein"));
    }

    @Test
    void orderParticlesAndJoinedSpellingsDoNotMatter() {
        assertThat(score("SALEK, ABDULHAI", "ABDULHAI SALEK")).isGreaterThan(0.95);
        assertThat(score("Abu Bakr al-Baghdadi", "Aboubakr Baghdadi")).isGreaterThanOrEqualTo(t);
        assertThat(score("Abd al-Rahman Ben Ali", "Abderrahmane Benali")).isGreaterThanOrEqualTo(t);
        assertThat(score("Laurent Nkunda", "Lauren Tnkunda")).isGreaterThanOrEqualTo(t);
    }

    @Test
    void aMissingMiddleNameCostsLittleAnOtherSurnameMuch() {
        double missingMiddle = score("Abdul Salam Bhuttavi", "Hafiz Abdul Salam Bhuttavi");
        double otherSurname = score("Qasim Mohamed Mahdi al-Rimi", "Qasim Mohamed Mahdi al-Houthi");
        assertThat(missingMiddle).isGreaterThan(0.9);
        assertThat(otherSurname).isLessThan(missingMiddle);
    }

    @Test
    void commonNamesProveLessThanRareOnes() {
        double common = score("Muhammad Ali Hassan", "Muhammad Ali Khalil");
        double rare = score("Mokhtar Belmokhtar Zaidi", "Mokhtar Belmokhtar Khalil");
        assertThat(common).isLessThan(rare);
    }

    @Test
    void theExplanationNamesThePairsAndWhatIsMissing() {
        NameScore s = matcher.compare("Ahmad Shah Massoud", "أحمد شاه");
        assertThat(s.explain()).contains("ahmad~أحمد").contains("only in first: massoud");
    }

    @Test
    void nothingComparableScoresZero() {
        assertThat(score("12345", "Muhammad")).isZero();
    }
}
