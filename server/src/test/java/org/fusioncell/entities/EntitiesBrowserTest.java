package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusioncell.testing.Browser;
import org.fusioncell.testing.BrowserLogin;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The demo analyst, in Arabic, confirms a phone number found in their report and lands on its entity. */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class EntitiesBrowserTest {

    private static final String PHONE_ROW = "tr[data-key='phone:+22245251234']";

    @LocalServerPort
    int port;

    @Test
    void analystConfirmsAPhoneFoundInAnArabicReportAndSeesItsEntityAndMention() {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            var driver = browser.driver();
            var wait = browser.waiting(15);
            BrowserLogin.logIn(browser, base, "ar", "analyst", "analyst-demo-pass", "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE");

            driver.get(base + "/reports/new");
            driver.findElement(By.id("title")).sendKeys("اتصالات مشبوهة قرب الحدود");
            driver.findElement(By.id("body")).sendKeys(
                    "أجرى المشتبه به اتصالاً من الرقم +222 45 25 12 34 وأرسل رسالة إلى wasit.ghamid@mail.mr قبل عبور الحدود.");
            new Select(driver.findElement(By.id("sourceReliability"))).selectByValue("B");
            new Select(driver.findElement(By.id("informationCredibility"))).selectByValue("2");
            new Select(driver.findElement(By.id("classification"))).selectByValue("RESTRICTED");
            new Select(driver.findElement(By.id("tlp"))).selectByValue("AMBER");
            driver.findElement(By.id("report-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.banner")));
            String reportUrl = driver.getCurrentUrl();
            String reportId = reportUrl.substring(reportUrl.lastIndexOf('/') + 1);

            // extraction runs after the contribution commits: reload until the proposals are there
            wait.until(d -> {
                d.get(base + "/reports/" + reportId + "/proposals");
                return !d.findElements(By.cssSelector(PHONE_ROW)).isEmpty();
            });
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("المعرّفات المستخرجة");
            assertThat(driver.findElements(By.cssSelector("tr[data-key='email:wasit.ghamid@mail.mr']"))).hasSize(1);
            assertThat(driver.findElement(By.cssSelector("#proposals-text mark")).getText()).isEqualTo("+222 45 25 12 34");
            browser.screenshot("entities-proposals-ar");

            driver.findElement(By.cssSelector(PHONE_ROW + " button.confirm")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entity-key")));
            assertThat(driver.getCurrentUrl()).contains("/entities/");
            assertThat(driver.findElement(By.id("entity-key")).getText()).isEqualTo("phone:+22245251234");
            assertThat(driver.findElement(By.cssSelector("bdi[data-attribute='number']")).getText()).isEqualTo("+22245251234");
            assertThat(driver.findElement(By.id("entity-type-name")).getText()).isEqualTo("رقم هاتف");
            assertThat(driver.findElement(By.cssSelector("p.banner")).getText()).isEqualTo("RESTRICTED // TLP:AMBER");
            assertThat(driver.findElement(By.cssSelector("#entity-mentions a")).getAttribute("href"))
                    .isEqualTo(base + "/reports/" + reportId);
            browser.screenshot("entities-entity-ar");

            // the link chart: Cytoscape draws under the CSP (no inline script) and the exports come alive
            driver.findElement(By.id("entity-graph")).click();
            wait.until(d -> d.findElement(By.id("graph-export-json")).isEnabled());
            assertThat(driver.findElements(By.cssSelector("#graph-chart canvas"))).isNotEmpty();
            assertThat(driver.findElement(By.id("graph-banner-top")).getText()).isEqualTo("RESTRICTED // TLP:AMBER");
            browser.screenshot("entities-graph-ar");

            driver.get(base + "/entities?type=PHONE&q=45251234");
            assertThat(driver.findElement(By.id("entity-count")).getText()).isEqualTo("كيان واحد");
            browser.screenshot("entities-list-ar");

            // the report page lists the entities it mentions (loaded by htmx under the CSP)
            driver.get(base + "/reports/" + reportId);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-entities li a")));
            assertThat(driver.findElement(By.cssSelector("#report-entities li a")).getText()).contains("+22245251234");
            browser.screenshot("entities-report-mentions-ar");

            driver.get(base + "/reports/" + reportId + "/proposals");
            assertThat(driver.findElement(By.cssSelector(PHONE_ROW)).getAttribute("data-state")).isEqualTo("CONFIRMED");
            assertThat(driver.findElements(By.cssSelector("#report-mentions li"))).hasSize(1);
        }
    }
}
