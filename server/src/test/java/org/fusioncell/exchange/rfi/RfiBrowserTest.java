package org.fusioncell.exchange.rfi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real Chromium: the demo analyst asks the gendarmerie from the French form; the gendarmerie's liaison
 * officer finds it in the Arabic inbox (right to left) and answers; the analyst accepts the answer.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class RfiBrowserTest {

    private static final String ANALYST_TOTP = "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE";
    private static final String LIAISON_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestTravelsFromTheFrenchFormToTheArabicInboxAndBack() {
        String base = "http://localhost:" + port;
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String gendarmerie = fx.organisation("الدرك الوطني", OrganisationType.STATE_AGENCY, "MR");
        fx.user("rfi-liaison", gendarmerie, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of(), LIAISON_TOTP);
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        String id;
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "fr", "analyst", "analyst-demo-pass", ANALYST_TOTP);
            driver.findElement(By.id("nav-rfis")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Demandes de renseignements"));
            driver.findElement(By.id("rfi-new")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rfi-form")));
            driver.findElement(By.id("title")).sendKeys("Entrepôt de Rosso");
            driver.findElement(By.id("question")).sendKeys("من يستأجر المستودع القريب من معبر روصو؟");
            new Select(driver.findElement(By.id("priority"))).selectByValue("IMMEDIATE");
            WebElement dueDate = driver.findElement(By.id("dueDate"));
            driver.executeScript("arguments[0].value = arguments[1];", dueDate, due);
            driver.findElement(By.id("addressee-" + gendarmerie)).click();
            new Select(driver.findElement(By.id("classification"))).selectByValue("RESTRICTED");
            new Select(driver.findElement(By.id("tlp"))).selectByValue("AMBER");
            driver.findElement(By.id("org-" + gendarmerie)).click();
            browser.screenshot("rfi-form-fr");
            driver.findElement(By.id("rfi-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rfi-done")));
            assertThat(driver.findElement(By.id("rfi-done")).getText()).isEqualTo("La demande a été envoyée.");
            assertThat(driver.findElement(By.id("rfi-priority")).getText()).isEqualTo("Immédiate");
            String url = driver.getCurrentUrl();
            id = url.substring(url.indexOf("/rfis/") + 6, url.indexOf("/rfis/") + 42);
        }

        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "ar", "rfi-liaison", IdentityFixtures.PASSWORD, LIAISON_TOTP);
            driver.findElement(By.id("nav-rfis")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "طلبات المعلومات"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            WebElement row = driver.findElement(By.id("rfi-" + id));
            assertThat(row.getText()).contains("Entrepôt de Rosso", "فوري", "مفتوح");
            browser.screenshot("rfi-inbox-ar");
            row.findElement(By.tagName("a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer-form")));
            assertThat(driver.findElement(By.id("rfi-question")).getText()).isEqualTo("من يستأجر المستودع القريب من معبر روصو؟");
            driver.findElement(By.id("answer-text")).sendKeys("المستودع مؤجر لشركة نقل منذ أغسطس.");
            driver.findElement(By.id("answer-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rfi-done")));
            assertThat(driver.findElement(By.id("rfi-done")).getText()).isEqualTo("أُرسلت الإجابة.");
            assertThat(driver.findElement(By.cssSelector(".rfi-state")).getText()).isEqualTo("تمت الإجابة");
            browser.screenshot("rfi-answered-ar");
        }

        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "fr", "analyst", "analyst-demo-pass", ANALYST_TOTP);
            driver.get(base + "/rfis/" + id);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".rfi-accept")));
            assertThat(driver.findElement(By.cssSelector(".rfi-answer")).getText())
                    .isEqualTo("المستودع مؤجر لشركة نقل منذ أغسطس.");
            driver.findElement(By.cssSelector(".rfi-accept")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rfi-done")));
            assertThat(driver.findElement(By.id("rfi-done")).getText()).isEqualTo("La réponse a été acceptée.");
            assertThat(driver.findElement(By.cssSelector(".rfi-state")).getText()).isEqualTo("Acceptée");
            browser.screenshot("rfi-accepted-fr");
        }
    }
}
