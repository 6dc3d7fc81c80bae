package org.fusioncell.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JustificationPolicyTest {

    private final JustificationPolicy fromConfidential = new JustificationPolicy(2);

    @Test
    void itemsBelowTheConfiguredRankNeedNoJustification() {
        assertThat(fromConfidential.required(0)).isFalse();
        assertThat(fromConfidential.required(1)).isFalse();
    }

    @Test
    void itemsAtOrAboveTheConfiguredRankNeedOne() {
        assertThat(fromConfidential.required(2)).isTrue();
        assertThat(fromConfidential.required(3)).isTrue();
    }

    @Test
    void aBlankJustificationIsRefusedWhereOneIsRequired() {
        assertThat(fromConfidential.accept(2, "   ")).isEmpty();
        assertThat(fromConfidential.accept(2, null)).isEmpty();
        assertThat(fromConfidential.accept(1, null)).contains("");
    }

    @Test
    void aJustificationIsTrimmedAndBoundedByTheLogColumn() {
        assertThat(fromConfidential.accept(3, "  case 2026-17 follow-up ")).contains("case 2026-17 follow-up");
        assertThat(fromConfidential.accept(3, "x".repeat(JustificationPolicy.MAX_LENGTH + 1))).isEmpty();
    }

    @Test
    void thePromptIsATranslatedMessageKey() {
        assertThat(fromConfidential.promptMessageKey()).isEqualTo("audit.justification.prompt");
    }

    @Test
    void aNegativeRankIsAConfigurationError() {
        assertThatThrownBy(() -> new JustificationPolicy(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
