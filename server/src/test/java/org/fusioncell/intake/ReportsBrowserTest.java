package org.fusioncell.intake;

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

/** An analyst contributes and opens reports in Arabic, in a real Chromium, on the demo cell. */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class ReportsBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void analystContributesATaggedArabicReportEditsItAndOpensASecretOneWithAJustification() {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            var driver = browser.driver();
            var wait = browser.waiting(15);
            BrowserLogin.logIn(browser, base, "ar", "analyst", "analyst-demo-pass", "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE");

            driver.findElement(By.id("nav-reports")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "التقارير"));
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
            driver.findElement(By.id("tag-threat-type-cyber")).click();
            driver.findElement(By.id("tag-modus-operandi-online-propaganda")).click();
            browser.screenshot("reports-new-ar");
            driver.findElement(By.id("report-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.banner")));
            assertThat(driver.findElement(By.cssSelector("p.banner")).getText()).isEqualTo("RESTRICTED // TLP:AMBER");
            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("تبادل المعلومات بشأن التهديدات الإرهابية في المنطقة الحدودية");
            assertThat(driver.getPageSource()).contains("موثوق عادةً", "صحيحة على الأرجح");
            assertThat(driver.findElements(By.cssSelector("span.tag")).stream().map(e -> e.getText()).toList())
                    .containsExactlyInAnyOrder("سيبراني", "دعاية عبر الإنترنت");
            browser.screenshot("reports-detail-ar");

            driver.findElement(By.id("report-edit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reason")));
            assertThat(driver.findElement(By.id("tag-threat-type-cyber")).isSelected()).isTrue();
            driver.findElement(By.id("title")).clear();
            driver.findElement(By.id("title")).sendKeys("تبادل المعلومات بشأن التهديدات في المنطقة الحدودية الشمالية");
            driver.findElement(By.id("reason")).sendKeys("تحديد المنطقة المعنية");
            browser.screenshot("reports-edit-ar");
            driver.findElement(By.id("report-save")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("تبادل المعلومات بشأن التهديدات في المنطقة الحدودية الشمالية");
            assertThat(driver.findElement(By.id("history")).getText()).contains("الإصدار 2", "تحديد المنطقة المعنية");
            browser.screenshot("reports-history-ar");

            driver.get(base + "/reports?tag=threat-type:cyber");
            assertThat(driver.getPageSource()).contains("المنطقة الحدودية الشمالية");
            browser.screenshot("reports-list-tag-ar");

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
