package org.fusioncell.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NameSpotterTest {

    /** Real Arabic prose: UN OCT press release of 2 April 2021 (/work/shared/context/003_…), as published. */
    static final String UN_PRESS_RELEASE = "تم توقيع مذكرة التفاهم من قِبل السيد فلاديمير فورونكوف، وكيل الأمين العام "
            + "للأمم المتحدة لمكافحة الإرهاب، والمدير التنفيذي لمركز الأمم المتحدة لمكافحة الإرهاب، وبين سعادة أمين "
            + "عام مركز اعتدال، د. منصور الشمري. وقد شهد معالي السفير عبدالله بن يحيى المعلمي، مندوب المملكة العربية "
            + "السعودية الدائم لدى الأمم المتحدة توقيع المذكرة أيضًا بصفته رئيس المجلس الاستشاري لمركز الأمم المتحدة "
            + "لمكافحة الإرهاب.";
    /** UN News, first virtual Counter-Terrorism Week (/work/shared/context/004_…): two sentences, a name slot between. */
    static final String UN_NEWS_BEFORE = "وفي بيان تلا الجلسة الختامية رفيعة المستوى اليوم الجمعة، أشار التقرير إلى أن ";
    static final String UN_NEWS_AFTER = " يواجه \"تهديدا يأتي من الشبكات العابرة للحدود مثل داعش والقاعدة وفروعهما "
            + "الإقليمية.\" ولكن أيضا من الأفراد والجماعات الذين يعملون بمفردهم.";

    private static String at(String text, NameSpotter.Spot s) {
        return text.substring(s.start(), s.end());
    }

    @Test
    void findsRealNamesInRealArabicProseWhateverTheRomanisation() {
        NameSpotter spotter = new NameSpotter();
        spotter.put("voronkov", "Vladimir Voronkov");
        spotter.put("shammari", "Mansour Al-Shammari");
        spotter.put("mouallimi", "Abdallah Yahya al-Mouallimi");
        spotter.put("other", "Mokhtar Belmokhtar");
        List<NameSpotter.Spot> spots = spotter.findIn(UN_PRESS_RELEASE);
        assertThat(spots).extracting(NameSpotter.Spot::watchId)
                .containsExactlyInAnyOrder("voronkov", "shammari", "mouallimi");
        for (NameSpotter.Spot s : spots) {
            assertThat(at(UN_PRESS_RELEASE, s)).isEqualTo(s.found());
            assertThat(s.score()).isGreaterThanOrEqualTo(NameSpotter.DEFAULT_THRESHOLD);
        }
        NameSpotter.Spot mouallimi = spots.stream().filter(s -> s.watchId().equals("mouallimi")).findFirst().orElseThrow();
        assertThat(mouallimi.found()).isEqualTo("عبدالله بن يحيى المعلمي");
        assertThat(spots.stream().filter(s -> s.watchId().equals("voronkov")).findFirst().orElseThrow().found())
                .isEqualTo("فلاديمير فورونكوف");
        assertThat(mouallimi.explanation()).contains("يحيى~yahya");
    }

    @Test
    void aLatinWatchIsFoundInArabicScriptAndAnArabicWatchInFrench() {
        NameSpotter spotter = new NameSpotter();
        spotter.put("latin", "Mohammed Abdullah Al-Qahtani");
        spotter.put("arabic", "محمد عبد الله القحطاني");
        String arabicText = UN_NEWS_BEFORE + "محمد عبد الله القحطاني" + UN_NEWS_AFTER;
        NameSpotter.Spot inArabic = only(spotter.findIn(arabicText), "latin");
        assertThat(inArabic.found()).isEqualTo("محمد عبد الله القحطاني");
        assertThat(inArabic.start()).isEqualTo(UN_NEWS_BEFORE.length());
        assertThat(inArabic.end()).isEqualTo(UN_NEWS_BEFORE.length() + "محمد عبد الله القحطاني".length());

        String french = "Selon une source sécuritaire, Mohamed Abdallah el Qahtani aurait quitté la région en mars.";
        NameSpotter.Spot inFrench = only(spotter.findIn(french), "arabic");
        assertThat(inFrench.found()).isEqualTo("Mohamed Abdallah el Qahtani");
        assertThat(at(french, inFrench)).isEqualTo(inFrench.found());
        assertThat(inFrench.explanation()).contains("qahtani~قحطاني");
    }

    private static NameSpotter.Spot only(List<NameSpotter.Spot> spots, String watchId) {
        assertThat(spots).extracting(NameSpotter.Spot::watchId).contains(watchId);
        return spots.stream().filter(s -> s.watchId().equals(watchId)).findFirst().orElseThrow();
    }

    @Test
    void attachedArabicConjunctionsAndPrepositionsAndFrenchElisionsAreReadOff() {
        NameSpotter spotter = new NameSpotter();
        spotter.put("baghdadi", "Abu Bakr al-Baghdadi");
        spotter.put("azzam", "Abdallah Azzam");
        String arabic = UN_NEWS_BEFORE + "وأبو بكر البغدادي" + UN_NEWS_AFTER;
        NameSpotter.Spot s = only(spotter.findIn(arabic), "baghdadi");
        assertThat(s.found()).isEqualTo("أبو بكر البغدادي");
        assertThat(s.start()).isEqualTo(UN_NEWS_BEFORE.length() + 1);
        String french = "Les écrits d'Abdallah Azzam circulent encore.";
        NameSpotter.Spot f = only(spotter.findIn(french), "azzam");
        assertThat(f.found()).isEqualTo("Abdallah Azzam");
        assertThat(f.start()).isEqualTo(french.indexOf("Abdallah"));
    }

    @Test
    void theBestSpotPerWatchIsReturnedAndPunctuationEndsAName() {
        NameSpotter spotter = new NameSpotter();
        spotter.put("w", "Abu Bakr al-Baghdadi");
        String text = "Abu Bakr al-Baghdadi's deputy spoke; later Baghdadi, Abu Bakr and others left.";
        List<NameSpotter.Spot> spots = spotter.findIn(text);
        assertThat(spots).hasSize(1);
        assertThat(spots.getFirst().found()).isEqualTo("Abu Bakr al-Baghdadi");
        assertThat(spots.getFirst().start()).isZero();
        // the parts are all there, but a comma and a line break stand between them
        assertThat(spotter.findIn("He met Baghdadi, Abu Bakr's brother.")).isEmpty();
        assertThat(spotter.findIn("Abu Bakr\nal-Baghdadi")).isEmpty();
        // an apostrophe for the ayn, or quotes around the name, do not cut it
        assertThat(spotter.findIn("the man known as 'Abu Bakr al-Baghdadi' died")).extracting(NameSpotter.Spot::found)
                .containsExactly("Abu Bakr al-Baghdadi");
    }

    @Test
    void aTextWithoutTheNameGivesNothingAndCommonWordsDoNotMatch() {
        NameSpotter spotter = new NameSpotter();
        spotter.put("q", "Mohammed Abdullah Al-Qahtani");
        spotter.put("b", "Abu Bakr al-Baghdadi");
        spotter.put("v", "Vladimir Voronkov");
        assertThat(spotter.findIn(UN_NEWS_BEFORE + "العالم" + UN_NEWS_AFTER)).isEmpty();
        assertThat(spotter.findIn("The report notes that the group continues to recruit young people online, "
                + "selon les autorités qui ont mené une longue enquête à la frontière.")).isEmpty();
        assertThat(spotter.findIn("")).isEmpty();
        assertThat(spotter.findIn("12345 — ; ,")).isEmpty();
    }

    @Test
    void anotherPersonSharingAGivenNameIsNotSpotted() {
        NameSpotter spotter = new NameSpotter();
        spotter.put("b", "Abu Bakr al-Baghdadi");
        spotter.put("q", "Mohammed Abdullah Al-Qahtani");
        assertThat(spotter.findIn("L'émir Abou Bakr Mohammed a parlé hier soir.")).isEmpty();
        assertThat(spotter.findIn(UN_NEWS_BEFORE + "أبو بكر محمد" + UN_NEWS_AFTER)).isEmpty();
        assertThat(spotter.findIn("Mohammed Abdullah Al-Harbi was arrested in Riyadh.")).isEmpty();
        // a surname alone is not the watched person either
        assertThat(spotter.findIn("Al-Qahtani was arrested in Riyadh.")).isEmpty();
        assertThat(spotter.compare("Abu Bakr")).isEmpty();
        assertThat(spotter.compare("Abu Bakr Mohammed")).isEmpty();
    }

    @Test
    void compareScoresOneNameAsTheEngineDoes() {
        NameSpotter spotter = new NameSpotter();
        spotter.put("b", "Abu Bakr al-Baghdadi");
        spotter.put("m", "Mokhtar Belmokhtar");
        List<NameSpotter.Spot> spots = spotter.compare("أبو بكر البغدادي");
        assertThat(spots).extracting(NameSpotter.Spot::watchId).containsExactly("b");
        NameSpotter.Spot s = spots.getFirst();
        assertThat(s.start()).isEqualTo(-1);
        assertThat(s.end()).isEqualTo(-1);
        NameScore engine = new NameMatcher().compare("أبو بكر البغدادي", "Abu Bakr al-Baghdadi");
        assertThat(s.score()).isEqualTo(engine.score());
        assertThat(s.explanation()).isEqualTo(engine.explain());
        assertThat(spotter.compare("Mukhtar Bilmukhtar")).extracting(NameSpotter.Spot::watchId).containsExactly("m");
        assertThat(spotter.compare("12345")).isEmpty();
    }

    @Test
    void putReplacesRemoveForgetsAndBadNamesAreRefused() {
        NameSpotter spotter = new NameSpotter();
        spotter.put("w", "Abu Bakr al-Baghdadi");
        spotter.put("x", "Vladimir Voronkov");
        assertThat(spotter.size()).isEqualTo(2);
        spotter.put("w", "Mokhtar Belmokhtar");
        assertThat(spotter.size()).isEqualTo(2);
        assertThat(spotter.findIn("Abu Bakr al-Baghdadi")).isEmpty();
        assertThat(spotter.findIn("Mokhtar Belmokhtar")).extracting(NameSpotter.Spot::watchId).containsExactly("w");
        spotter.remove("w");
        spotter.remove("unknown");
        assertThat(spotter.size()).isEqualTo(1);
        assertThat(spotter.findIn("Mokhtar Belmokhtar")).isEmpty();
        assertThat(spotter.compare("Mokhtar Belmokhtar")).isEmpty();
        assertThat(spotter.findIn(UN_PRESS_RELEASE)).extracting(NameSpotter.Spot::watchId).containsExactly("x");
        assertThatThrownBy(() -> spotter.put("y", "12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spotter.put("y", "Abu")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NameSpotter(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(spotter.size()).isEqualTo(1);
    }

    @Test
    void readersRunWhileNamesArePutAndRemoved() throws Exception {
        NameSpotter spotter = new NameSpotter();
        spotter.put("fixed", "Vladimir Voronkov");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int seen = 0;
                    for (int i = 0; i < 300; i++) {
                        List<NameSpotter.Spot> spots = spotter.findIn(UN_PRESS_RELEASE);
                        assertThat(spots).extracting(NameSpotter.Spot::watchId).contains("fixed");
                        seen += spots.size();
                    }
                    return seen;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 2000; i++) {
                    spotter.put("w" + i, i % 2 == 0 ? "Mansour Al-Shammari" : "Karim Benali " + (char) ('a' + i % 26));
                    if (i % 3 == 0) {
                        spotter.remove("w" + (i / 2));
                    }
                }
            });
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> r : readers) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(spotter.findIn(UN_PRESS_RELEASE)).extracting(NameSpotter.Spot::watchId).contains("fixed", "w1998");
    }

    @Test
    void tenThousandWatchedNamesGoInQuickly() {
        NameSpotter spotter = new NameSpotter();
        String[] given = {"Mohammed", "Ahmad", "Abdallah", "Youssef", "Karim", "Omar", "Khaled", "Hassan", "Ali", "Said"};
        String[] family = {"Qahtani", "Belmokhtar", "Shammari", "Baghdadi", "Harbi", "Masri", "Tounsi", "Zarqawi"};
        long t0 = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            spotter.put("w" + i, given[i % given.length] + " " + given[(i / 10) % given.length] + " "
                    + family[(i / 100) % family.length] + " " + Integer.toString(i, 36).replaceAll("[0-9]", "x") + "i");
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(spotter.size()).isEqualTo(10_000);
        assertThat(millis).as("10,000 puts took %d ms", millis).isLessThan(5_000);
    }
}
