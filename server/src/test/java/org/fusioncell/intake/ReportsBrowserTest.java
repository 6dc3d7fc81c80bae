package org.fusioncell.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fusioncell.testing.Browser;
import org.fusioncell.testing.BrowserLogin;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** An analyst contributes and opens reports in Arabic, in a real Chromium, on the demo cell. */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class ReportsBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void analystContributesAnArabicReportAndOpensASecretOneWithAJustification() {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            var driver = browser.driver();
            var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            BrowserLogin.logIn(browser, base, "ar", "analyst", "analyst-demo-pass", "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE");

            driver.findElement(By.id("nav-reports")).click();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("التقارير");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            // the supervisor's TLP:RED report names the analyst; the partner cell's report is releasable to the cell
            assertThat(driver.getPageSource()).contains("معلومات حساسة عن مصدر بشري", "Cross-border logistics network");
            browser.screenshot("reports-list-ar");

            driver.findElement(By.cssSelector("a.button")).click();
            driver.findElement(By.id("title")).sendKeys("تبادل المعلومات بشأن التهديدات الإرهابية في المنطقة الحدودية");
            driver.findElement(By.id("body")).sendKeys("يعد فهم التهديدات والاتجاهات والملاحقات المستقبلية أمرًا أساسيًا.");
            new Select(driver.findElement(By.id("sourceReliability"))).selectByValue("B");
            new Select(driver.findElement(By.id("informationCredibility"))).selectByValue("2");
            new Select(driver.findElement(By.id("classification"))).selectByValue("RESTRICTED");
            new Select(driver.findElement(By.id("tlp"))).selectByValue("AMBER");
            browser.screenshot("reports-new-ar");
            driver.findElement(By.id("report-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.banner")));
            assertThat(driver.findElement(By.cssSelector("p.banner")).getText()).isEqualTo("RESTRICTED // TLP:AMBER");
            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("تبادل المعلومات بشأن التهديدات الإرهابية في المنطقة الحدودية");
            assertThat(driver.getPageSource()).contains("موثوق عادةً", "صحيحة على الأرجح");
            browser.screenshot("reports-detail-ar");

            driver.get(base + "/reports?q=" + java.net.URLEncoder.encode("frontière", java.nio.charset.StandardCharsets.UTF_8));
            driver.findElement(By.partialLinkText("mouvements suspects")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("justification")));
            driver.findElement(By.id("justification")).sendKeys("تحضير تقييم التهديد الأسبوعي");
            driver.findElement(By.id("justify-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.banner")));
            assertThat(driver.findElement(By.cssSelector("p.banner")).getText())
                    .isEqualTo("SECRET // TLP:AMBER+STRICT // ORCON // NATIONAL-ONLY");
            browser.screenshot("reports-secret-ar");
        }
    }
}
