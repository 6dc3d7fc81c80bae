package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.testing.Browser;
import org.fusioncell.testing.BrowserLogin;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo analyst, in Arabic, finds the Latin spelling of a person among the possible duplicates of the
 * Arabic-script one, merges it with a reason, sees the merged-away entity point to the survivor, and splits
 * the merge again from the history.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class ResolutionBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void analystMergesTheLatinSpellingIntoTheArabicPersonAndSplitsItAgain() throws Exception {
        String base = "http://localhost:" + port;
        String analystId = jdbc.sql("SELECT id FROM identity_user WHERE username = 'analyst'").query(String.class).single();
        ResolutionFixtures f = new ResolutionFixtures(port, jdbc);
        String token = new IdentityFixtures(jdbc).token(analystId, "read", "write");
        String arabic = f.person(token, "[\"مختار بلمختار\"]", "\"dateOfBirth\":\"1972-06-01\"", ResolutionFixtures.AMBER);
        String latin = f.person(token, "[\"Mokhtar Belmokhtar\"]", "\"dateOfBirth\":\"1972\"", ResolutionFixtures.AMBER);
        String candidateRow = "#duplicates tr[data-entity='" + latin + "']";

        try (Browser browser = Browser.open()) {
            var driver = browser.driver();
            var wait = browser.waiting(15);
            BrowserLogin.logIn(browser, base, "ar", "analyst", "analyst-demo-pass", "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE");

            driver.get(base + "/entities/" + arabic);
            // the suggestions arrive by htmx after the page has loaded
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(candidateRow)));
            assertThat(driver.findElement(By.id("duplicates-heading")).getText()).isEqualTo("تكرارات محتملة");
            assertThat(driver.findElement(By.cssSelector(candidateRow + " li[data-kind='NAME']")).getText())
                    .startsWith("الأسماء").contains("مختار", "mokhtar");
            assertThat(driver.findElement(By.cssSelector(candidateRow + " li[data-kind='BIRTH_DATE']")).getText())
                    .startsWith("تاريخ الميلاد");
            browser.screenshot("resolution-duplicates-ar");

            driver.findElement(By.id("merge-" + latin)).click();
            driver.findElement(By.id("merge-reason")).sendKeys("الشخص نفسه بكتابتين مختلفتين");
            driver.findElement(By.id("merge-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("merge-done")));
            assertThat(driver.findElement(By.id("merge-done")).getText()).isEqualTo("دُمجت الكيانات المحددة في هذا الكيان.");
            assertThat(driver.findElement(By.cssSelector("#entity-merges tbody tr")).getAttribute("data-state")).isEqualTo("ACTIVE");
            assertThat(driver.findElement(By.cssSelector("#entity-merges tbody tr")).getText())
                    .contains("Mokhtar Belmokhtar", "الشخص نفسه بكتابتين مختلفتين", "سارٍ");
            // the survivor now carries both spellings, and has no duplicate left
            assertThat(driver.findElement(By.cssSelector("bdi[data-attribute='names']")).getText())
                    .contains("مختار بلمختار", "Mokhtar Belmokhtar");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("duplicates-none")));
            browser.screenshot("resolution-merged-ar");

            driver.get(base + "/entities/" + latin);
            assertThat(driver.findElement(By.id("entity-merged-into")).getText()).startsWith("دُمج هذا الكيان في");
            assertThat(driver.findElement(By.cssSelector("#entity-merged-into a")).getAttribute("href"))
                    .isEqualTo(base + "/entities/" + arabic);
            assertThat(driver.findElements(By.id("entity-duplicates"))).isEmpty();
            browser.screenshot("resolution-merged-away-ar");

            driver.findElement(By.cssSelector("#entity-merged-into a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#entity-merges .split-form")));
            driver.findElement(By.cssSelector("#entity-merges .split-form input[name='reason']")).sendKeys("شخصان مختلفان");
            driver.findElement(By.cssSelector("#entity-merges button.split")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("split-done")));
            assertThat(driver.findElement(By.cssSelector("#entity-merges tbody tr")).getAttribute("data-state")).isEqualTo("SPLIT");
            assertThat(driver.findElements(By.cssSelector("#entity-merges .split-form"))).isEmpty();
            assertThat(driver.findElement(By.cssSelector("bdi[data-attribute='names']")).getText()).isEqualTo("مختار بلمختار");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(candidateRow)));
            browser.screenshot("resolution-split-ar");

            driver.get(base + "/entities/" + latin);
            assertThat(driver.findElements(By.id("entity-merged-into"))).isEmpty();
            assertThat(driver.findElement(By.cssSelector("#entity-merges tbody tr")).getAttribute("data-state")).isEqualTo("SPLIT");
        }
    }
}
