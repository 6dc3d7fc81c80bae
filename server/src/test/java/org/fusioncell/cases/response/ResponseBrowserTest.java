package org.fusioncell.cases.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real Chromium, during an exercise: the demo supervisor opens a response from the mass-casualty template in
 * the French form with the demo police and two agencies made for the exercise, then files a situation report in
 * Arabic and one in French from the board. Each report's page is in its own language and direction whatever the
 * interface language, and the board reads right to left in Arabic with the latest figures. Screenshots are kept
 * under {@code target/screenshots/}.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class ResponseBrowserTest {

    private static final String SUPERVISOR_TOTP = "ON2XAZLSOZUXG33SF5THK43JN5XGGZLM";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aResponseIsOpenedInFrenchAndItsSituationReportsRenderInArabicAndFrench() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        long n = System.nanoTime() % 100000;
        String health = "Ministère de la Santé " + n;
        String civil = "الحماية المدنية " + n;
        fx.user(fx.organisation(health, OrganisationType.STATE_AGENCY, "MR"), "SECRET", Set.of(Role.ANALYST), Set.of());
        fx.user(fx.organisation(civil, OrganisationType.STATE_AGENCY, "MR"), "SECRET", Set.of(Role.ANALYST), Set.of());
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "fr", "supervisor", "supervisor-demo-pass", SUPERVISOR_TOTP);
            driver.findElement(By.id("nav-response")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("response-form")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ouvrir une réponse à un attentat");
            new Select(driver.findElement(By.id("template-choice"))).selectByValue("mass-casualty-ied");
            driver.findElement(By.id("template-choose")).click();
            wait.until(ExpectedConditions.textToBe(By.id("template-name"),
                    "Attentat à victimes multiples (engin explosif)"));
            assertThat(driver.findElement(By.id("role-intelligence")).isDisplayed()).isTrue();
            driver.findElement(By.id("response-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-error")));
            assertThat(driver.findElement(By.id("form-error")).getText()).startsWith("Vérifiez place");
            assertThat(driver.findElement(By.id("place")).getAttribute("aria-invalid")).isEqualTo("true");
            driver.findElement(By.id("place")).sendKeys("Marché central, Nouakchott");
            driver.findElement(By.id("occurredAt")).sendKeys(Instant.now().minus(25, ChronoUnit.MINUTES)
                    .truncatedTo(ChronoUnit.SECONDS).toString());
            new Select(driver.findElement(By.id("language"))).selectByValue("ar");
            agency(driver, 0, "Direction générale de la sûreté nationale", "police");
            agency(driver, 1, health, "health");
            agency(driver, 2, civil, "civil-protection");
            new Select(driver.findElement(By.id("classification"))).selectByValue("RESTRICTED");
            new Select(driver.findElement(By.id("tlp"))).selectByValue("AMBER");
            browser.screenshot("response-open-fr");
            driver.findElement(By.id("response-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(driver.findElement(By.id("done")).getText())
                    .isEqualTo("La réponse est ouverte : les services ont leurs tâches.");
            assertThat(driver.findElements(By.cssSelector("#response-agencies tbody tr"))).hasSize(3);
            assertThat(driver.findElement(By.id("response-agencies")).getText()).contains("0 / 4", "0 / 3",
                    health, civil);
            String url = driver.getCurrentUrl();
            String id = url.substring(url.indexOf("/cases/") + 7, url.indexOf("/cases/") + 43);

            // an Arabic report, read in the French interface: the report itself is Arabic, right to left
            new Select(driver.findElement(By.id("sitrep-language"))).selectByValue("ar");
            driver.findElement(By.id("situation")).sendKeys(ResponseExerciseTest.ARABIC_SITUATION);
            driver.findElement(By.id("actionsTaken")).sendKeys("إقامة الطوق الأمني وإجلاء الجرحى");
            driver.findElement(By.id("figure-KILLED")).sendKeys("12");
            driver.findElement(By.id("source-KILLED")).sendKeys("مستشفى الصداقة");
            driver.findElement(By.id("figure-INJURED")).sendKeys("40");
            driver.findElement(By.id("source-INJURED")).sendKeys("الحماية المدنية");
            driver.findElement(By.id("sitrep-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sitrep")));
            WebElement article = driver.findElement(By.id("sitrep"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
            assertThat(article.getAttribute("dir")).isEqualTo("rtl");
            assertThat(article.getAttribute("lang")).isEqualTo("ar");
            assertThat(driver.findElement(By.id("sitrep-title")).getText()).startsWith("تقرير الحالة 1 — ");
            assertThat(driver.findElement(By.id("sitrep-situation")).getText())
                    .isEqualTo(ResponseExerciseTest.ARABIC_SITUATION);
            assertThat(driver.findElement(By.id("figure-KILLED")).getText()).contains("القتلى", "12", "مستشفى الصداقة");
            assertThat(driver.findElement(By.id("sitrep-banner")).getText()).isEqualTo("RESTRICTED // TLP:AMBER");

            driver.get(base + "/cases/" + id + "/response/sitreps/1?lang=ar");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sitrep")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.id("sitrep")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.id("sitrep-pdf")).getAttribute("href")).endsWith("/response/sitreps/1/pdf");
            driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("sitrep-title")));
            browser.screenshot("response-sitrep-ar");

            // a French report, read in the Arabic interface: left to right inside the right-to-left page
            driver.findElement(By.id("sitrep-board")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sitrep-form")));
            new Select(driver.findElement(By.id("sitrep-language"))).selectByValue("fr");
            driver.findElement(By.id("situation")).sendKeys(ResponseExerciseTest.FRENCH_SITUATION);
            driver.findElement(By.id("figure-INJURED")).sendKeys("47");
            driver.findElement(By.id("source-INJURED")).sendKeys("Centre hospitalier national");
            driver.findElement(By.id("sitrep-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sitrep")));
            article = driver.findElement(By.id("sitrep"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(article.getAttribute("dir")).isEqualTo("ltr");
            assertThat(article.getAttribute("lang")).isEqualTo("fr");
            assertThat(driver.findElement(By.id("sitrep-title")).getText()).startsWith("Rapport de situation 2 — ");
            assertThat(driver.findElement(By.id("sitrep-situation")).getText())
                    .isEqualTo(ResponseExerciseTest.FRENCH_SITUATION);
            assertThat(driver.findElement(By.id("figure-INJURED")).getText()).contains("Blessés", "47");
            driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("sitrep-title")));
            browser.screenshot("response-sitrep-fr");

            driver.findElement(By.id("sitrep-board")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("response-figures")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.id("latest-INJURED")).getText()).contains("الجرحى", "47",
                    "Centre hospitalier national");
            assertThat(driver.findElement(By.id("latest-KILLED")).getText()).contains("12", "مستشفى الصداقة");
            assertThat(driver.findElement(By.id("sitrep-schedule")).getText()).contains("3");
            driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("response-agencies")));
            browser.screenshot("response-board-ar");

            // a role filled from the board; a press line drafted, which its drafter may not release (four eyes)
            new Select(driver.findElement(By.id("role-code"))).selectByValue("operations");
            new Select(driver.findElement(By.id("role-user"))).selectByIndex(0);
            driver.findElement(By.cssSelector("#role-form button")).click();
            wait.until(ExpectedConditions.textToBe(By.id("done"), "أُسند الدور."));
            assertThat(driver.findElement(By.id("role-row-operations")).getText()).doesNotContain("شاغر");
            driver.findElement(By.id("press-text")).sendKeys("وقع هجوم في السوق المركزي؛ فرق الإسعاف في الموقع.");
            driver.findElement(By.cssSelector("#press-form button")).click();
            wait.until(ExpectedConditions.textToBe(By.id("done"), "صيغ العنصر؛ ينشره مشرف من الجهة القائدة."));
            assertThat(driver.findElement(By.id("response-press")).getText()).contains("مسودة: غير منشور");
            assertThat(driver.findElements(By.cssSelector("#response-press button[value=release]")))
                    .as("the drafter is offered no release").isEmpty();

            // closing without the review is refused with its reason; with it the case closes
            driver.findElement(By.id("close-reason")).sendKeys("انتهاء التمرين");
            driver.findElement(By.id("closure-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("response-error")));
            assertThat(driver.findElement(By.id("response-error")).getText()).contains("afterActionReview");
            driver.findElement(By.id("wentWell")).sendKeys("تطويق الموقع في اثنتي عشرة دقيقة");
            driver.findElement(By.id("toImprove")).sendKeys("تأخر نشر رقم العائلات");
            driver.findElement(By.id("action-1")).sendKeys("إعداد رقم العائلات مسبقًا");
            driver.findElement(By.id("close-reason")).sendKeys("انتهاء التمرين");
            driver.findElement(By.id("closure-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("أُغلق الملف مع مراجعة ما بعد العملية.");
            assertThat(driver.findElement(By.id("review-improve")).getText()).isEqualTo("تأخر نشر رقم العائلات");
            driver.findElement(By.id("response-case")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("response-link")));
            assertThat(driver.findElement(By.id("case-timeline")).getText()).contains("فتح الاستجابة",
                    "أودع تقرير حالة", "حرّر مراجعة ما بعد العملية");
        }
    }

    private static void agency(ChromeDriver driver, int row, String organisation, String sector) {
        new Select(driver.findElement(By.id("agency-organisation-" + row))).selectByVisibleText(organisation);
        new Select(driver.findElement(By.id("agency-sector-" + row))).selectByValue(sector);
    }
}
