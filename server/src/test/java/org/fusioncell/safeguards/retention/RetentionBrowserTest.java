package org.fusioncell.safeguards.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * named — and releases it. The demo supervisor, in French, confirms a demo report that has reached its review date;
 * the officer sees another one overdue, its title shown because the officer may read it.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class RetentionBrowserTest {

    private static final String DPO_TOTP = "MRYG6L3GOVZWS33OMNSWY3BNMRSW23ZN";
    private static final String SUPERVISOR_TOTP = "ON2XAZLSOZUXG33SF5THK43JN5XGGZLM";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HoldingReviews reviews;

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
            assertThat(driver.findElements(By.cssSelector("#register tbody tr"))).hasSize(9);
            assertThat(driver.findElement(By.id("rule-report")).getText()).contains("التقارير", "P5Y",
                    "fusioncell.intake.retention-default", "عملية المحو الليلية");
            assertThat(driver.findElement(By.id("rule-screening-run")).getText()).contains("P5Y", "عملية المحو الليلية");
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

    @Test
    void theSupervisorConfirmsADueReportInFrenchAndTheOfficerSeesTheOverdueOne() {
        String base = "http://localhost:" + port;
        // two of the cell's demo reports (the supervisor's, the analyst's), reported four years ago: past the
        // three-year review period
        List<String[]> due = List.of("supervisor", "analyst").stream().map(author -> jdbc.sql("""
                SELECT r.id, r.title FROM intake_report r JOIN identity_user u ON u.id = r.author_user_id
                WHERE u.username = :author ORDER BY r.id FETCH FIRST 1 ROWS ONLY""").param("author", author)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single()).toList();
        assertThat(due).hasSize(2);
        for (String[] r : due) {
            jdbc.sql("UPDATE intake_report SET reported_at = :at WHERE id = :id").param("id", r[0])
                    .param("at", Timestamp.from(Instant.now().minus(4 * 365, ChronoUnit.DAYS))).update();
        }
        reviews.sweep(Instant.now());
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "fr", "supervisor", "supervisor-demo-pass", SUPERVISOR_TOTP);
            driver.findElement(By.id("nav-holding-reviews")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Revue des fonds"));
            String reviewId = jdbc.sql("SELECT id FROM retention_review WHERE item_id = :i AND outcome IS NULL")
                    .param("i", due.get(0)[0]).query(String.class).single();
            var row = driver.findElement(By.id("review-" + reviewId));
            assertThat(row.getText()).contains(due.get(0)[1], "en retard");
            browser.screenshot("retention-reviews-fr");
            row.findElement(By.id("confirm-reason-" + reviewId)).sendKeys("Enquête toujours ouverte");
            row.findElement(By.cssSelector("button.confirm")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-done")));
            assertThat(driver.findElement(By.id("review-done")).getText())
                    .isEqualTo("Le besoin est confirmé ; la date de la prochaine revue est enregistrée.");
            assertThat(driver.findElements(By.id("review-" + reviewId))).isEmpty();
        }
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "ar", "dpo", "dpo-demo-pass", DPO_TOTP);
            driver.get(base + "/safeguards/retention/reviews?lang=ar");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "مراجعة المحفوظات"));
            String overdue = driver.findElement(By.id("overdue-reviews")).getText();
            assertThat(overdue).contains(due.get(1)[0]).doesNotContain(due.get(0)[0]);
            browser.screenshot("retention-overdue-ar");
        }
    }
}
