package org.fusioncell.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameParserTest {

    private static List<String> parts(String name) {
        return NameParser.parse(name).tokens().stream().map(t -> t.role() + ":" + t.text()).toList();
    }

    @Test
    void abdCompoundsWrittenJoinedOrApartGiveTheSameParts() {
        assertThat(parts("Abdullah")).containsExactly("ABD:abd", "NAME:lah");
        assertThat(parts("Abdurrahman")).containsExactly("ABD:abd", "NAME:rahman");
        assertThat(parts("Abd al-Rahman")).containsExactly("ABD:abd", "ARTICLE:al", "NAME:rahman");
        assertThat(parts("Abdelkader")).containsExactly("ABD:abd", "NAME:kader");
        assertThat(parts("Abdul Rahman")).containsExactly("ABD:abd", "NAME:rahman");
    }

    @Test
    void arabicArticleAndAbdAreSplitOffButForeignAlIsNot() {
        assertThat(parts("عبدالرحمن")).extracting(s -> s.substring(0, s.indexOf(':')))
                .containsExactly("ABD", "ARTICLE", "NAME");
        assertThat(parts("الكبيسي")).extracting(s -> s.substring(0, s.indexOf(':'))).containsExactly("ARTICLE", "NAME");
        // أل with a hamza is not the article: Albin, Alarcón
        assertThat(parts("ألبين")).hasSize(1);
    }

    @Test
    void nasabConnectorsKunyaAndTitlesAreRecognised() {
        assertThat(parts("Hamadi Ben Ahmed Ould Ali")).containsExactly("NAME:hamadi", "CONNECTOR:ben", "NAME:ahmed",
                "CONNECTOR:ould", "NAME:ali");
        assertThat(parts("Abu Bakr al-Baghdadi")).containsExactly("KUNYA:abu", "NAME:bakr", "ARTICLE:al",
                "NAME:baghdadi");
        assertThat(parts("Aboubakar")).containsExactly("KUNYA:abou", "NAME:bakar");
        assertThat(parts("Mullah Mohammad Omar")).first().isEqualTo("TITLE:mullah");
        assertThat(parts("Nur ad-Din")).containsExactly("NAME:nur", "ARTICLE:ad", "NAME:din");
    }

    @Test
    void diacriticsTatweelAndPresentationFormsDoNotChangeTheSounds() {
        String plain = NameParser.parse("محمد").tokens().getFirst().sounds();
        assertThat(NameParser.parse("مُحَمَّد").tokens().getFirst().sounds()).isEqualTo(plain);
        assertThat(NameParser.parse("محـــمد").tokens().getFirst().sounds()).isEqualTo(plain);
        assertThat(NameParser.parse("ﻣﺤﻤﺪ").tokens().getFirst().sounds()).isEqualTo(plain);
    }

    @Test
    void otherScriptsAreTransliteratedToLatin() {
        ParsedName cyrillic = NameParser.parse("Владимир Путин");
        assertThat(cyrillic.tokens()).extracting(NameToken::text).containsExactly("vladimir", "putin");
        assertThat(cyrillic.script()).isEqualTo(Script.CYRILLIC);
    }

    @Test
    void overLongTextIsRefusedWithItsLength() {
        assertThatThrownBy(() -> NameParser.parse("a".repeat(10_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000 characters");
    }

    @Test
    void digitsAndPunctuationAloneAreNoName() {
        assertThat(NameParser.parse("12345 -- !!").isEmpty()).isTrue();
    }
}
