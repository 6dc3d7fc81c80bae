package org.fusioncell.exchange.partners;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * In a real Chromium, in French: an administrator registers a partner cell (the agreement list narrowed to those
 * naming the chosen organisation), adds a pull feed from it and runs it now; the partner's address on this
 * machine answers nothing, so the run ends FAILED, said in French with the link's error beside it.
 */
@FusionCellTest
@Tag("browser")
class PartnersBrowserTest {

    private static final String TOTP = "KRUGS4ZANFZSAYLOEBSXQYLNOBWGKIDL";
    private static final String TOKEN = "token-from-the-partner-c41d";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorRegistersAPartnerAddsAFeedAndRunsIt() {
        String base = "http://localhost:" + port;
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule nationale de fusion", OrganisationType.STATE_AGENCY, "MR");
        String partnerOrg = fx.organisation("Cellule régionale de Dakar", OrganisationType.PARTNER_FUSION_CELL, "SN");
        String otherOrg = fx.organisation("Cellule de Bamako", OrganisationType.PARTNER_FUSION_CELL, "ML");
        String agreement = fx.agreement(Set.of(cell, partnerOrg), "SECRET", Set.of("*"));
        String otherAgreement = fx.agreement(Set.of(cell, otherOrg), "SECRET", Set.of("*"));
        fx.user("partners-admin", cell, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of(), TOTP);
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "fr", "partners-admin", IdentityFixtures.PASSWORD, TOTP);

            driver.findElement(By.id("nav-admin-partner-cells")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Cellules partenaires"));
            driver.findElement(By.id("new-partner-cell")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("partner-form")));
            driver.findElement(By.id("name")).sendKeys("Cellule de Dakar");
            new Select(driver.findElement(By.id("organisationId"))).selectByValue(partnerOrg);
            // the agreement with Bamako does not name Dakar: it is no longer offered
            WebElement withBamako = driver.findElement(By.cssSelector("#agreementId option[value='" + otherAgreement + "']"));
            assertThat(withBamako.isEnabled()).isFalse();
            new Select(driver.findElement(By.id("agreementId"))).selectByValue(agreement);
            driver.findElement(By.id("baseUrl")).sendKeys("http://127.0.0.1:9");
            driver.findElement(By.id("contact")).sendKeys("Permanence — +221 33 800 00 00");
            driver.findElement(By.id("token")).sendKeys(TOKEN);
            browser.screenshot("partner-cell-form-fr");
            driver.findElement(By.id("partner-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(driver.findElement(By.id("partner-cells")).getText())
                    .contains("Cellule de Dakar", "Cellule régionale de Dakar", "http://127.0.0.1:9", "enregistré");
            assertThat(driver.getPageSource()).doesNotContain(TOKEN);

            driver.findElement(By.id("nav-admin-taxii-feeds")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Flux TAXII"));
            new Select(driver.findElement(By.id("partnerId"))).selectByVisibleText("Cellule de Dakar");
            driver.findElement(By.id("direction-PULL")).click();
            driver.findElement(By.id("remoteCollectionId")).sendKeys("collection-vers-nouakchott");
            driver.findElement(By.id("enabled")).click(); // run only on demand
            driver.findElement(By.id("feed-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feeds")));
            WebElement row = driver.findElement(By.cssSelector("#feeds tbody tr"));
            assertThat(row.getText()).contains("Cellule de Dakar", "Réception", "collection-vers-nouakchott", "désactivé",
                    "jamais");
            row.findElement(By.cssSelector("button[id^='run-']")).click();

            WebElement result = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("run-result")));
            assertThat(result.getText()).contains("L’exécution a échoué", "0 pages, 0 objets", "Ce qui n’a pas fonctionné",
                    "link to the partner");
            assertThat(driver.findElement(By.cssSelector("#feeds tbody tr .last-run")).getText()).contains("Échec");
            assertThat(driver.getPageSource()).doesNotContain(TOKEN);
            browser.screenshot("taxii-feed-failed-fr");

            driver.findElement(By.id("nav-exchange-log")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Journal des échanges"));
            assertThat(driver.findElement(By.id("transfers")).getText()).contains("Cellule de Dakar", "Réception TAXII",
                    "Échec");
        }
    }
}
