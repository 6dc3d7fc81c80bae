package org.fusioncell.safeguards.retention;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real Chromium, in Arabic: the demo data-protection officer reads the register right to left, runs the purge
 * and sees the run, then places a legal hold on a demo report — first refused for want of an authority, the field
 * named — and releases it.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class RetentionBrowserTest {

    private static final String DPO_TOTP = "MRYG6L3GOVZWS33OMNSWY3BNMRSW23ZN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficerReadsTheRegisterInArabicRunsThePurgeAndPlacesAHold() {
        String base = "http://localhost:" + port;
        String reportId = jdbc.sql("SELECT id FROM intake_report ORDER BY reported_at, id FETCH FIRST 1 ROWS ONLY")
                .query(String.class).single();
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "ar", "dpo", "dpo-demo-pass", DPO_TOTP);
            driver.findElement(By.id("nav-retention")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "سجل الاحتفاظ"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElements(By.cssSelector("#register tbody tr"))).hasSize(8);
            assertThat(driver.findElement(By.id("rule-report")).getText()).contains("التقارير", "P5Y",
                    "fusioncell.intake.retention-default", "عملية المحو الليلية");
            assertThat(driver.findElement(By.id("rule-screening-run")).getText()).contains("وحدة screening");
            assertThat(driver.findElement(By.id("rule-audit-record")).getText()).contains("لا يُمحى أبدًا");
            browser.screenshot("retention-register-ar");

            driver.findElement(By.id("purge-now")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("purge-done")));
            assertThat(driver.findElement(By.id("purge-done")).getText()).isEqualTo("تم تشغيل المحو.");
            assertThat(driver.findElements(By.cssSelector("#runs tr.run"))).isNotEmpty();

            driver.findElement(By.id("link-holds")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "التجميد القانوني"));
            new Select(driver.findElement(By.id("itemType"))).selectByValue("report");
            driver.findElement(By.id("itemId")).sendKeys(reportId);
            driver.findElement(By.id("reason")).sendKeys("تحقيق قضائي جارٍ في شبكة التهريب");
            driver.findElement(By.id("place-hold")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-authority")));
            assertThat(driver.findElement(By.id("authority")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(driver.findElement(By.id("itemId")).getAttribute("value")).isEqualTo(reportId);
            driver.findElement(By.id("authority")).sendKeys("وكيل الجمهورية بنواكشوط");
            driver.findElement(By.id("place-hold")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hold-done")));
            assertThat(driver.findElement(By.id("hold-done")).getText()).isEqualTo("تم فرض التجميد.");
            var row = driver.findElement(By.cssSelector("#holds tr.hold"));
            assertThat(row.getText()).contains(reportId, "تحقيق قضائي جارٍ في شبكة التهريب", "ساري");
            browser.screenshot("retention-holds-ar");

            row.findElement(By.name("reason")).sendKeys("انتهاء الإجراء");
            row.findElement(By.cssSelector("button.release")).click();
            wait.until(ExpectedConditions.textToBe(By.id("hold-done"), "تم رفع التجميد."));
            assertThat(driver.findElement(By.cssSelector("#holds tr.hold")).getText()).contains("مرفوع", "انتهاء الإجراء");
        }
    }
}
