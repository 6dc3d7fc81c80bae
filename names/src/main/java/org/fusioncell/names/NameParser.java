package org.fusioncell.names;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a name into {@link NameToken}s and recognises how Arabic names are built: the article
 * (al-, el-, ul-, and its assimilated forms ad-Din, as-Sayyid, ar-Rahman), the nasab connectors
 * (bin, ibn, bint, ben, ould), the kunya (Abu, Umm), "abd" compounds written joined or apart
 * (Abdullah, Abd al-Rahman, Abdurrahman, Abdelkader, عبدالله, عبد الله) and titles. Names in scripts
 * other than Arabic and Latin are transliterated to Latin with ICU first.
 */
public final class NameParser {

    /** Longest name accepted (characters); longer text is not a name. */
    public static final int MAX_LENGTH = 1_000;

    private static final Set<String> LATIN_ARTICLES = Set.of("al", "el", "ul", "il", "ol", "l'", "al'", "el'");
    private static final Set<String> LATIN_ASSIMILATED = Set.of("ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az",
            "ed", "en", "er", "es", "esh", "et", "ez", "ud", "un", "ur", "us", "ut", "uz");
    private static final Set<String> LATIN_CONNECTORS = Set.of("bin", "ibn", "ben", "bint", "bent", "ould", "ouled",
            "wuld", "walad", "ag", "b");
    private static final Set<String> LATIN_KUNYA = Set.of("abu", "abou", "abo", "umm", "um", "oum", "om", "bou");
    private static final Set<String> LATIN_ABD = Set.of("abd", "abdul", "abdel", "abdal", "abdoul", "abdou", "abdu",
            "abdur", "abdol", "abdil", "abdel'", "abdur'");
    private static final Set<String> LATIN_TITLES = Set.of("haji", "hajji", "hadji", "hadj", "hajj", "al-haj", "sheikh",
            "shaikh", "shaykh", "cheikh", "sheik", "mullah", "mulla", "mollah", "maulavi", "maulvi", "mawlawi", "moulavi",
            "qari", "hafiz", "hafez", "imam", "sayyid", "sayed", "syed", "dr", "mr", "mrs", "ms", "mme", "m", "sidi", "general", "gen", "colonel", "col", "engineer", "eng", "professor", "prof");
    private static final Set<String> ARABIC_CONNECTORS = Set.of("بن", "ابن", "بنت", "ولد");
    private static final Set<String> ARABIC_KUNYA = Set.of("ابو", "ابا", "ابي", "ام");
    private static final Set<String> ARABIC_TITLES = Set.of("الحاج", "حاج", "الشيخ", "شيخ", "ملا", "مولوي", "قاري",
            "حافظ", "الامام", "امام", "السيد", "سيد", "الدكتور", "د");

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private NameParser() {
    }

    /**
     * Why the text cannot be taken as a name, or empty when it can: no letter at all, control or invisible
     * formatting characters, or one word mixing letters of several scripts (a Cyrillic "а" inside
     * "Muhаmmad" is a look-alike, not a spelling). Words in different scripts side by side are fine.
     */
    public static java.util.Optional<String> refusal(String name) {
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c)
                || (Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D))) {
            return java.util.Optional.of("control or invisible formatting characters are not allowed");
        }
        if (name.codePoints().noneMatch(Character::isLetter)) {
            return java.util.Optional.of("has no letter");
        }
        for (String word : name.split("[\\s\\p{P}]+")) {
            java.util.Set<String> scripts = new java.util.LinkedHashSet<>();
            word.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of)
                    .filter(x -> x != Character.UnicodeScript.COMMON && x != Character.UnicodeScript.INHERITED)
                    .map(NameParser::scriptFamily)
                    .forEach(scripts::add);
            if (scripts.size() > 1) {
                return java.util.Optional.of("one word mixes letters of several scripts (" + String.join(", ", scripts)
                        + "); write each word in one script");
            }
        }
        return java.util.Optional.empty();
    }

    /** Japanese writes one name in kanji and kana together, Korean in hangul and hanja: one family. */
    private static String scriptFamily(Character.UnicodeScript script) {
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> "cjk";
            default -> script.name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * @throws IllegalArgumentException when the text is longer than {@link #MAX_LENGTH}
     */
    public static ParsedName parse(String name) {
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a name of " + name.length() + " characters is longer than the "
                    + MAX_LENGTH + " accepted");
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
        List<String> raw = split(text);
        List<NameToken> tokens = new ArrayList<>(raw.size() + 2);
        for (int i = 0; i < raw.size(); i++) {
            String part = raw.get(i);
            String next = i + 1 < raw.size() ? raw.get(i + 1) : null;
            Script script = Script.dominant(part);
            switch (script) {
                case ARABIC -> arabic(part, tokens);
                case LATIN -> latin(LatinText.fold(part), next == null ? null : LatinText.fold(next), tokens);
                case NONE -> {
                    // digits and marks alone are not part of a name
                }
                default -> {
                    String latin = LatinText.fold(TO_LATIN.get().transliterate(part));
                    for (String piece : split(latin)) {
                        latin(piece, null, tokens);
                    }
                }
            }
        }
        return new ParsedName(name, tokens, Script.dominant(text));
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean apostrophe = "'`’‘ʿʾʻʼ´".indexOf(c) >= 0;
            if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || (apostrophe && !cur.isEmpty()) || c == '\u0640') {
                cur.append(c);
            } else {
                if (!cur.isEmpty()) {
                    parts.add(cur.toString());
                    cur.setLength(0);
                }
            }
        }
        if (!cur.isEmpty()) {
            parts.add(cur.toString());
        }
        return parts;
    }

    private static void latin(String token, String next, List<NameToken> out) {
        String t = token;
        if (t.isEmpty()) {
            return;
        }
        // a trailing apostrophe is the end of an elided article ("l'") or a stray mark
        String bare = t.endsWith("'") ? t.substring(0, t.length() - 1) : t;
        if (LATIN_ARTICLES.contains(t) || LATIN_ARTICLES.contains(bare)
                || (LATIN_ASSIMILATED.contains(bare) && next != null && assimilates(bare, next))) {
            out.add(token(bare, NameToken.Role.ARTICLE, Script.LATIN));
            return;
        }
        if (LATIN_CONNECTORS.contains(bare)) {
            out.add(token(bare, NameToken.Role.CONNECTOR, Script.LATIN));
            return;
        }
        if (LATIN_KUNYA.contains(bare)) {
            out.add(token(bare, NameToken.Role.KUNYA, Script.LATIN));
            return;
        }
        if (LATIN_ABD.contains(bare)) {
            out.add(token("abd", NameToken.Role.ABD, Script.LATIN));
            return;
        }
        if (LATIN_TITLES.contains(bare)) {
            out.add(token(bare, NameToken.Role.TITLE, Script.LATIN));
            return;
        }
        String divine = abdCompound(bare);
        if (divine != null) {
            out.add(token("abd", NameToken.Role.ABD, Script.LATIN));
            out.add(token(divine, NameToken.Role.NAME, Script.LATIN));
            return;
        }
        if ((bare.startsWith("abu") || bare.startsWith("abou")) && bare.length() >= 6) {
            int cut = bare.startsWith("abou") ? 4 : 3;
            out.add(token(bare.substring(0, cut), NameToken.Role.KUNYA, Script.LATIN));
            out.add(token(bare.substring(cut), NameToken.Role.NAME, Script.LATIN));
            return;
        }
        // al-Qaida written joined: "alqaida", "elmasri"; only when what is left is still a name
        if ((bare.startsWith("al") || bare.startsWith("el")) && bare.length() >= 6 && !Sounds.isVowel(bare.charAt(2))
                && bare.charAt(2) != 'l' && bare.charAt(2) != 'y' && bare.charAt(2) != 'w' && bare.charAt(2) != 'h') {
            // too ambiguous in general (Alberto, Elmer): only split before sun-letter doubling (Allah aside)
            if (bare.charAt(2) == bare.charAt(3)) {
                out.add(token(bare.substring(0, 2), NameToken.Role.ARTICLE, Script.LATIN));
                out.add(token(bare.substring(3), NameToken.Role.NAME, Script.LATIN));
                return;
            }
        }
        out.add(token(bare, NameToken.Role.NAME, Script.LATIN));
    }

    /** "ad" before "din", "as" before "sayyid", "ash" before "shami": the article assimilated to a sun letter. */
    private static boolean assimilates(String article, String next) {
        String consonant = article.substring(1);
        return next.startsWith(consonant) || (consonant.equals("sh") && next.startsWith("sh"));
    }

    /**
     * The divine name of an "abd" compound written as one word (abdullah → lah, abdurrahman →
     * rahman, abdelkader → kader, abdirahman → rahman), or null when the word is not one.
     */
    private static String abdCompound(String word) {
        if (!word.startsWith("abd") || word.length() < 6) {
            return null;
        }
        int i = 3;
        while (i < word.length() && i < 5 && Sounds.isVowel(word.charAt(i))) {
            i++;
        }
        if (i < word.length() && word.charAt(i) == 'l' && i + 1 < word.length()) {
            i++;
        } else if (i + 1 < word.length() && word.charAt(i) == word.charAt(i + 1)) {
            i++;
        }
        String rest = word.substring(i);
        return rest.length() >= 2 ? rest : null;
    }

    private static void arabic(String part, List<NameToken> out) {
        String normalised = ArabicText.normalise(part);
        String folded = ArabicText.fold(normalised);
        if (folded.isEmpty()) {
            return;
        }
        if (ARABIC_TITLES.contains(folded)) {
            out.add(arabicToken(normalised, NameToken.Role.TITLE));
            return;
        }
        if (ARABIC_CONNECTORS.contains(folded)) {
            out.add(arabicToken(normalised, NameToken.Role.CONNECTOR));
            return;
        }
        if (ARABIC_KUNYA.contains(folded)) {
            out.add(arabicToken(normalised, NameToken.Role.KUNYA));
            return;
        }
        String rest = normalised;
        if (folded.startsWith("عبد")) {
            out.add(arabicToken(normalised.substring(0, 3), NameToken.Role.ABD));
            rest = normalised.substring(3);
            if (rest.isEmpty()) {
                return;
            }
            folded = ArabicText.fold(rest);
        } else if (folded.startsWith("ابو") && folded.length() >= 6) {
            out.add(arabicToken(normalised.substring(0, 3), NameToken.Role.KUNYA));
            rest = normalised.substring(3);
            folded = ArabicText.fold(rest);
        }
        // the article is written with a plain alef (hamzat al-wasl); أل… is a foreign name such as Albin
        if (rest.startsWith("ال") && folded.length() > 3 && !folded.equals("الله")) {
            out.add(new NameToken("al", "al", "l", NameToken.Role.ARTICLE, Script.ARABIC));
            rest = rest.substring(2);
        } else if (folded.equals("الله")) {
            // Allah: the article is part of the word's sound (Abdullah, Abdallah)
            rest = "لاه";
        }
        out.add(arabicToken(rest, NameToken.Role.NAME));
    }

    private static NameToken arabicToken(String normalised, NameToken.Role role) {
        String sounds = Sounds.arabic(normalised);
        return new NameToken(normalised, sounds, Sounds.skeleton(sounds), role, Script.ARABIC);
    }

    private static NameToken token(String latin, NameToken.Role role, Script script) {
        String sounds = Sounds.latin(latin.toLowerCase(Locale.ROOT));
        return new NameToken(latin, sounds, Sounds.skeleton(sounds), role, script);
    }
}
