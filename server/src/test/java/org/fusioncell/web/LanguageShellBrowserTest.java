package org.fusioncell.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusioncell.testing.Browser;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

@FusionCellTest
@Tag("browser")
class LanguageShellBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void arabicPageIsRightToLeftWithTranslatedLabels() {
        try (Browser browser = Browser.open()) {
            browser.driver().get("http://localhost:" + port + "/login?lang=ar");
            String dir = browser.driver().findElement(By.tagName("html")).getAttribute("dir");
            browser.screenshot("shell-login-ar");
            assertThat(dir).isEqualTo("rtl");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
        }
    }
}
