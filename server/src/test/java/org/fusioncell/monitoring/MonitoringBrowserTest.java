package org.fusioncell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.Browser;
import org.fusioncell.testing.BrowserLogin;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The acceptance path in a real Chromium: the demo analyst watches a person's name in the Arabic
 * interface, keeps the inbox open, and a colleague's report that writes the name in Arabic script
 * arrives; the inbox shows the alert without a reload (Server-Sent Events).
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class MonitoringBrowserTest {

    private static final String ANALYST_TOTP = "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWatchedNameInAnotherScriptReachesTheOpenInboxLive() throws Exception {
        String base = "http://localhost:" + port;
        String cell = jdbc.sql("SELECT organisation_id FROM identity_user WHERE username = 'analyst'").query(String.class).single();
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String colleague = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "ar", "analyst", "analyst-demo-pass", ANALYST_TOTP);

            driver.findElement(By.id("nav-watches")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "المراقبات"));
            driver.findElement(By.id("watch-name")).sendKeys("القحطاني");
            // the editor shows the fields of the chosen kind only
            new Select(driver.findElement(By.id("watch-kind"))).selectByValue("area");
            assertThat(driver.findElement(By.id("watch-lat")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("watch-value")).isDisplayed()).isFalse();
            new Select(driver.findElement(By.id("watch-kind"))).selectByValue("name");
            assertThat(driver.findElement(By.id("watch-lat")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("watch-identifier-type")).isDisplayed()).isFalse();
            driver.findElement(By.id("watch-value")).sendKeys("Mohammed Abdullah Al-Qahtani");
            new Select(driver.findElement(By.id("watch-severity"))).selectByValue("HIGH");
            browser.screenshot("watch-editor-ar");
            driver.findElement(By.id("watch-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
            assertThat(driver.findElement(By.id("saved")).getText()).isEqualTo("حُفظت المراقبة وهي نشطة.");

            driver.findElement(By.id("nav-alerts")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-alert-stream", "open"));
            String before = driver.findElement(By.id("alert-count")).getText();

            MonitoringClient api = new MonitoringClient(port);
            long t0 = System.nanoTime();
            HttpResponse<String> created = api.post(colleague, "/api/v1/reports", Map.of(
                    "title", "لقاء في نواكشوط",
                    "body", "أفاد المصدر بأن محمد عبد الله القحطاني التقى وسيطين قرب الميناء.",
                    "grading", Map.of("sourceReliability", "B", "informationCredibility", 2),
                    "marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"), "لقاء في نواكشوط"));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("monitoring: report committed to alert shown in the open inbox: " + millis + " ms");
            assertThat(driver.findElement(By.id("alert-count")).getText()).isNotEqualTo(before);
            assertThat(driver.findElement(By.id("live-status")).getText()).isEqualTo("وصل تنبيه جديد.");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            browser.screenshot("alerts-live-ar");

            driver.findElement(By.cssSelector("#alerts .alert-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alert-why")));
            assertThat(driver.findElement(By.id("alert-why")).getText()).contains("محمد عبد الله القحطاني");
            driver.findElement(By.id("move-acknowledge")).click();
            wait.until(ExpectedConditions.textToBe(By.id("alert-state"), "تم الإقرار به"));
            browser.screenshot("alert-acknowledged-ar");
        }
    }
}
