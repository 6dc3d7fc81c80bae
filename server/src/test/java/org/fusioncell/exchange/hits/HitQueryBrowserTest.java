package org.fusioncell.exchange.hits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.Browser;
import org.fusioncell.testing.BrowserLogin;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real Chromium, in Arabic (right to left): an analyst of cell A asks partner cell B about a person in
 * the UN list's Latin spelling; B holds the person written in Arabic; the page shows the hit and B's point
 * of contact, and offers to ask for release.
 */
@FusionCellTest
@Tag("browser")
class HitQueryBrowserTest {

    private static final String TOTP = "KRUGS4ZANFZSAYLOEBSXQYLNOBWGKIDL";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anArabicAnalystAsksAPartnerAndSeesTheHit() {
        String base = "http://localhost:" + port;
        HitWorld w;
        try {
            w = HitWorld.build(jdbc, new BearerApi(port), port);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        new IdentityFixtures(jdbc).user("hit-analyst", w.cellA(), "RESTRICTED", Set.of(Role.ANALYST), Set.of(), TOTP);
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "ar", "hit-analyst", IdentityFixtures.PASSWORD, TOTP);
            driver.findElement(By.id("nav-hit-queries")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "الاستعلام بنعم/لا مع الخلايا الشريكة"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            driver.findElement(By.id("kind-person")).click();
            driver.findElement(By.id("name")).sendKeys("ABID HAMID MAHMUD AL-TIKRITI");
            driver.findElement(By.id("birthDate")).sendKeys("1957");
            driver.findElement(By.id("partner-" + w.partnerB())).click();
            browser.screenshot("hits-form-ar");
            driver.findElement(By.id("hit-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hits-done")));
            WebElement query = driver.findElement(By.cssSelector(".hit-query"));
            assertThat(query.findElement(By.cssSelector(".outcome")).getText()).isEqualTo("يوجد");
            assertThat(query.getText()).contains("Cellule B", "مكتب الاتصال", "ABID HAMID MAHMUD AL-TIKRITI");
            assertThat(query.findElements(By.cssSelector(".release-form button"))).hasSize(1);
            browser.screenshot("hits-answered-ar");
        }
    }
}
