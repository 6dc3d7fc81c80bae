package org.fusioncell.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusioncell.testing.Browser;
import org.fusioncell.testing.BrowserLogin;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real Chromium, on the demo data: the demo platform's user, in French, finds the referrals addressed to
 * Plateforme Tawasul, acknowledges the one not yet answered and reports it removed; the demo supervisor, in Arabic
 * (right to left), decides the appeal the platform recorded for the owner of the other one.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class ReferralBrowserTest {

    private static final String SUPERVISOR_TOTP = "ON2XAZLSOZUXG33SF5THK43JN5XGGZLM";

    @LocalServerPort
    int port;

    @Test
    void thePlatformActsOnItsReferralsAndTheSupervisorDecidesTheAppeal() {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "fr", "platform.partner", "platform.partner-demo-pass", null);
            driver.findElement(By.id("nav-platform-referrals")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Signalements adressés à votre plateforme"));
            List<WebElement> rows = driver.findElements(By.cssSelector("#platform-list tbody tr"));
            assertThat(rows).hasSize(3);
            WebElement waiting = rows.stream().filter(r -> r.getText().contains("Signalé")
                    && !r.getText().contains("Accusé")).findFirst().orElseThrow();
            waiting.findElement(By.tagName("a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledge")));
            assertThat(driver.findElement(By.id("referral-category")).getText())
                    .isEqualTo("Contenu produit par une entité inscrite ou la soutenant");
            assertThat(driver.findElement(By.id("referral-basis")).getText()).contains("Loi n° 2021-007");
            driver.findElement(By.id("acknowledge")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome-form")));
            new Select(driver.findElement(By.id("outcome"))).selectByValue("REMOVED");
            driver.findElement(By.id("note")).sendKeys("Retiré le jour même");
            driver.findElement(By.id("outcome-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("referral-state"), "Suite communiquée"));
            browser.screenshot("referral-platform-fr");
        }
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "ar", "supervisor", "supervisor-demo-pass", SUPERVISOR_TOTP);
            driver.findElement(By.id("nav-referrals")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "المحتوى على الإنترنت والإحالات"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            driver.findElement(By.linkText("https://tawasul.example/v/5521?lang=fr")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.appeal-decision")));
            WebElement form = driver.findElement(By.cssSelector("form.appeal-decision"));
            new Select(form.findElement(By.name("decision"))).selectByValue("UPHELD");
            form.findElement(By.name("reason")).sendKeys("الرسالة تمجد الهجوم صراحة");
            form.findElement(By.tagName("button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".referral .state"),
                    "بُتّ في الطعن"));
            assertThat(driver.findElement(By.cssSelector(".referral")).getText()).contains("أُيّد",
                    "الرسالة تمجد الهجوم صراحة");
            browser.screenshot("referral-supervisor-ar");
        }
    }
}
