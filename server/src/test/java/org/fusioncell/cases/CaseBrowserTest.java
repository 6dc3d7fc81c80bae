package org.fusioncell.cases;

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
 * In a real Chromium: the demo analyst opens a case from the French form and gives it a task; the case page
 * then reads right to left in Arabic with the task and the timeline.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class CaseBrowserTest {

    private static final String ANALYST_TOTP = "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE";

    @LocalServerPort
    int port;

    @Test
    void aCaseIsOpenedAndGivenATaskThenReadInArabic() {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "fr", "analyst", "analyst-demo-pass", ANALYST_TOTP);
            driver.findElement(By.id("nav-cases")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Dossiers"));
            driver.findElement(By.id("case-new")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-form")));
            driver.findElement(By.id("title")).sendKeys("Filière de Rosso");
            driver.findElement(By.id("summary")).sendKeys("شبكة تسهيل مفترضة بين روصو ونواكشوط.");
            new Select(driver.findElement(By.id("kind"))).selectByValue("OPERATION");
            new Select(driver.findElement(By.id("language"))).selectByValue("ar");
            new Select(driver.findElement(By.id("classification"))).selectByValue("RESTRICTED");
            new Select(driver.findElement(By.id("tlp"))).selectByValue("AMBER");
            browser.screenshot("case-form-fr");
            driver.findElement(By.id("case-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-done")));
            assertThat(driver.findElement(By.id("case-done")).getText()).isEqualTo("Le dossier est ouvert.");
            assertThat(driver.findElement(By.id("case-kind")).getText()).isEqualTo("Opération");

            driver.findElement(By.id("task-title")).sendKeys("Identifier le locataire de l’entrepôt");
            new Select(driver.findElement(By.id("task-priority"))).selectByValue("URGENT");
            driver.findElement(By.id("task-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("case-done"), "La tâche est créée."));
            assertThat(driver.findElement(By.cssSelector(".case-task h3")).getText())
                    .isEqualTo("Identifier le locataire de l’entrepôt");
            assertThat(driver.findElement(By.cssSelector(".task-status")).getText()).isEqualTo("Ouverte");
            String url = driver.getCurrentUrl();
            String id = url.substring(url.indexOf("/cases/") + 7, url.indexOf("/cases/") + 43);

            driver.get(base + "/cases/" + id + "?lang=ar");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-timeline")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.id("case-summary")).getText()).isEqualTo("شبكة تسهيل مفترضة بين روصو ونواكشوط.");
            assertThat(driver.findElement(By.cssSelector(".task-status")).getText()).isEqualTo("مفتوحة");
            assertThat(driver.findElement(By.id("case-timeline")).getText()).contains("فتح الملف", "أنشأ مهمة");
            browser.screenshot("case-ar");
        }
    }
}
