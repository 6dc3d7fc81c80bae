package org.fusioncell.referrals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.fusioncell.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The rules that need no server: one spelling per URL, a policy that is whole or refused, the median. */
class ReferralRulesTest {

    @Test
    void aUrlHasOneSpellingAndCredentialsOrOtherSchemesAreRefused() {
        assertThat(ContentUrls.normalise(" HTTP://Platform.Example:80/a/./b/../c?x=1#top "))
                .isEqualTo("http://platform.example/a/c?x=1");
        assertThat(ContentUrls.normalise("https://platform.example")).isEqualTo("https://platform.example/");
        assertThat(ContentUrls.normalise("https://platform.example:8443/p")).isEqualTo("https://platform.example:8443/p");
        assertThat(ContentUrls.normalise("https://platform.example/وسم/منشور"))
                .isEqualTo("https://platform.example/%D9%88%D8%B3%D9%85/%D9%85%D9%86%D8%B4%D9%88%D8%B1");
        for (String bad : new String[] {"", "javascript:alert(1)", "ftp://platform.example/x", "https://localhost/x",
                "https://user:secret@platform.example/x", "https://platform.example/a b", "https://platform.example/../x",
                "https://platform.example/" + "a".repeat(2048), "//platform.example/x", "https://[::1"}) {
            assertThatThrownBy(() -> ContentUrls.normalise(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("url");
        }
    }

    @Test
    void thePolicyIsWholeOrRefusedAndTheMedianIsTheMiddle() {
        JsonMapper json = JsonMapper.builder().build();
        assertThat(InclusionPolicy.parse(json.readTree("""
                {"categories":[{"code":"recruitment","ar":"التجنيد","fr":"Recrutement","en":"Recruitment"}]}"""),
                "test")).singleElement().satisfies(c -> {
                    assertThat(c.listedEntity()).isEqualTo("optional");
                    assertThat(c.label("ar")).isEqualTo("التجنيد");
                });
        for (String bad : new String[] {"{\"categories\":[]}",
                "{\"categories\":[{\"code\":\"Bad Code\",\"ar\":\"a\",\"fr\":\"f\",\"en\":\"e\"}]}",
                "{\"categories\":[{\"code\":\"x\",\"ar\":\"a\",\"fr\":\"f\"}]}",
                "{\"categories\":[{\"code\":\"x\",\"listedEntity\":\"maybe\",\"ar\":\"a\",\"fr\":\"f\",\"en\":\"e\"}]}",
                "{\"categories\":[{\"code\":\"x\",\"ar\":\"a\",\"fr\":\"f\",\"en\":\"e\"},"
                        + "{\"code\":\"x\",\"ar\":\"a\",\"fr\":\"f\",\"en\":\"e\"}]}"}) {
            assertThatThrownBy(() -> InclusionPolicy.parse(json.readTree(bad), "test")).as(bad)
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(Transparency.median(List.of())).isNull();
        assertThat(Transparency.median(List.of(Duration.ofHours(5), Duration.ofHours(1), Duration.ofHours(3))))
                .isEqualTo(Duration.ofHours(3));
        assertThat(Transparency.median(List.of(Duration.ofHours(4), Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(9)))).isEqualTo(Duration.ofHours(3));
    }
}
