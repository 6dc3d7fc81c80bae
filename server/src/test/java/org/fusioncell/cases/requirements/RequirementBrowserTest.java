package org.fusioncell.cases.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusioncell.testing.Browser;
import org.fusioncell.testing.BrowserLogin;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real Chromium: the demo supervisor sets a requirement from the French form; the coverage overview then
 * reads right to left in Arabic, the new requirement flagged as a gap (no answer yet).
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class RequirementBrowserTest {

    private static final String SUPERVISOR_TOTP = "ON2XAZLSOZUXG33SF5THK43JN5XGGZLM";

    @LocalServerPort
    int port;

    @Test
    void aRequirementIsSetInFrenchThenItsGapReadInArabic() {
        String base = "http://localhost:" + port;
        String code = "PIR-" + (System.nanoTime() % 100000);
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "fr", "supervisor", "supervisor-demo-pass", SUPERVISOR_TOTP);
            driver.findElement(By.id("nav-requirements")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Besoins en renseignement"));
            driver.findElement(By.id("requirement-new")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requirement-form")));
            driver.findElement(By.id("code")).sendKeys(code);
            driver.findElement(By.id("title")).sendKeys("تمويل شبكات الحوالة");
            driver.findElement(By.id("question")).sendKeys("Quels réseaux de hawala financent l’achat de matériel ?");
            new Select(driver.findElement(By.id("priority"))).selectByValue("URGENT");
            new Select(driver.findElement(By.id("classification"))).selectByValue("RESTRICTED");
            new Select(driver.findElement(By.id("tlp"))).selectByValue("AMBER");
            browser.screenshot("requirement-form-fr");
            driver.findElement(By.id("requirement-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("Le besoin est fixé.");
            assertThat(driver.findElement(By.id("requirement-title")).getText()).isEqualTo("تمويل شبكات الحوالة");

            driver.get(base + "/requirements?lang=ar");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("coverage-" + code)));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            String row = driver.findElement(By.id("coverage-" + code)).getText();
            assertThat(row).contains("تمويل شبكات الحوالة", "عاجلة", "ثغرة");
            assertThat(driver.findElement(By.id("coverage-" + code)).getAttribute("class")).contains("gap");
            browser.screenshot("requirements-coverage-ar");
        }
    }
}
