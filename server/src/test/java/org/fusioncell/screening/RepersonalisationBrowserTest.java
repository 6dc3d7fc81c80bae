package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.fusioncell.testing.Browser;
import org.fusioncell.testing.BrowserLogin;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * In Arabic in a real Chromium: the analyst finds a run masked and asks from its page with a reason; the demo
 * data protection officer's queue reads right to left and lists it, the approval needs a reason; the analyst
 * then sees the depersonalised traveller's name again.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class RepersonalisationBrowserTest {

    private static final String ANALYST_TOTP = "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE";
    private static final String DPO_TOTP = "MRYG6L3GOVZWS33OMNSWY3BNMRSW23ZN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Screening screening;
    @Autowired
    Depersonalisation depersonalisation;

    @Test
    void theOfficerApprovesAnAnalystsRequestInArabicAndTheAnalystSeesTheTravellerAgain() {
        String analystId = jdbc.sql("SELECT id FROM identity_user WHERE username = 'analyst'").query(String.class).single();
        Reader analyst = readers.forUser(analystId, "border control");
        ScreeningRun run = screening.screenBatch(analyst, "arrivals.csv", List.of(1), List.of(new ScreeningQuery(
                List.of("ليلى بن عمر"), BirthDate.parse("1988-02-11"), Set.of("tn"), Subject.Gender.FEMALE,
                List.of(new SubjectDocument("P", "T7734120", "tn")))), null, null);
        Timestamp old = Timestamp.from(Instant.now().atZone(ZoneOffset.UTC).minusMonths(8).toInstant());
        jdbc.sql("UPDATE screening_run SET created_at = :t WHERE id = :r").param("t", old).param("r", run.id()).update();
        depersonalisation.depersonaliseBefore(Instant.now().atZone(ZoneOffset.UTC).minusMonths(6).toInstant());
        String reason = "تحقيق رقم 88/2025: طلب النيابة العامة معرفة هوية المسافرة";

        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            // the analyst finds the run masked and asks from its page
            BrowserLogin.logIn(browser, base, "ar", "analyst", "analyst-demo-pass", ANALYST_TOTP);
            driver.get(base + "/screening/runs/" + run.id());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("depersonalised")));
            assertThat(driver.findElement(By.id("subjects")).getText()).contains("***").doesNotContain("ليلى");
            driver.findElement(By.cssSelector("#depersonalised a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-form")));
            assertThat(driver.findElement(By.id("runId")).getAttribute("value")).isEqualTo(run.id());
            driver.findElement(By.id("reason")).sendKeys(reason);
            driver.findElement(By.id("request-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("own-request")));
            assertThat(driver.findElement(By.id("request-state")).getText()).isEqualTo("بانتظار القرار");
            String requestId = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);
            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));

            BrowserLogin.logIn(browser, base, "ar", "dpo", "dpo-demo-pass", DPO_TOTP);
            driver.findElement(By.id("nav-repersonalisations")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "إعادة إظهار هوية بيانات الفحص"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.id("queue-heading")).getText()).isEqualTo("طلبات تنتظر قرارك");
            assertThat(driver.findElement(By.id("queue-table")).getText()).contains(reason, "بانتظار القرار");
            assertThat(driver.findElements(By.id("request-form"))).as("the officer does not screen").isEmpty();
            browser.screenshot("repersonalisation-queue-ar");

            driver.findElement(By.cssSelector("a[href$='" + requestId + "']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-form")));
            assertThat(driver.findElement(By.id("request-reason")).getText()).isEqualTo(reason);
            assertThat(driver.findElement(By.cssSelector("label[for=reason]")).getText()).isEqualTo("سبب قرارك (إلزامي)");
            driver.findElement(By.id("reason")).sendKeys("الطلب ضروري ومتناسب مع التحقيق");
            driver.findElement(By.id("approve")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
            assertThat(driver.findElement(By.id("request-state")).getText()).isEqualTo("موافَق عليه");
            assertThat(driver.findElement(By.id("decision-reason")).getText()).isEqualTo("الطلب ضروري ومتناسب مع التحقيق");
            assertThat(driver.findElements(By.id("decision-form"))).isEmpty();
            assertThat(driver.findElements(By.id("subjects"))).as("the officer does not see the particulars").isEmpty();
            browser.screenshot("repersonalisation-approved-ar");

            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            BrowserLogin.logIn(browser, base, "ar", "analyst", "analyst-demo-pass", ANALYST_TOTP);
            driver.get(base + "/screening/repersonalisations/" + requestId);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subjects-table")));
            assertThat(driver.findElement(By.id("subjects-table")).getText()).contains("ليلى بن عمر", "T7734120");
            browser.screenshot("repersonalisation-seen-ar");
        }
    }
}
