package org.fusioncell.safeguards.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real Chromium: the demo auditor opens the oversight pages from the menu and runs this month's report in
 * Arabic; the page reads right to left, lists every logging category with their sign-in among the figures, and
 * shows the hash the log recorded.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class OversightBrowserTest {

    private static final String AUDITOR_TOTP = "MF2WI2LUN5ZC6ZTVONUW63TDMVWGYLLE";

    @LocalServerPort
    int port;

    @Test
    void theAuditorRunsTheReportInArabic() {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "ar", "auditor", "auditor-demo-pass", AUDITOR_TOTP);
            driver.findElement(By.id("nav-oversight")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "نتائج مراجعة أنماط الوصول"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");

            driver.get(base + "/oversight/report");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("run-report")));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            setDate(driver, "r-from", today.minusDays(30));
            setDate(driver, "r-to", today);
            new Select(driver.findElement(By.id("r-language"))).selectByValue("ar");
            driver.findElement(By.id("run-report")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-sha256")));

            WebElement report = driver.findElement(By.cssSelector("article.oversight-report"));
            assertThat(report.getAttribute("dir")).isEqualTo("rtl");
            assertThat(report.findElement(By.tagName("h1")).getText()).isEqualTo("تقرير الرقابة");
            assertThat(driver.findElement(By.id("report-sha256")).getText()).matches("[0-9a-f]{64}");
            List<WebElement> rows = driver.findElements(By.cssSelector("table[data-table='audit-actions'] tbody tr"));
            assertThat(rows).hasSize(14);
            WebElement login = rows.stream().filter(r -> r.getText().startsWith("تسجيل الدخول")).findFirst()
                    .orElseThrow();
            assertThat(Long.parseLong(login.findElement(By.cssSelector("td.figure")).getText().replace(",", "")))
                    .isPositive();
            assertThat(driver.findElement(By.id("section-screening")).getText()).contains("معدل الإيجابيات الكاذبة");
            assertThat(driver.findElement(By.id("download-pdf")).getAttribute("href")).contains("format=pdf",
                    "language=ar");
            browser.screenshot("oversight-report-ar");
        }
    }

    /** Date inputs take keystrokes in the browser's locale order; setting the value is the same in every locale. */
    private static void setDate(ChromeDriver driver, String id, LocalDate day) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, day.toString());
    }
}
