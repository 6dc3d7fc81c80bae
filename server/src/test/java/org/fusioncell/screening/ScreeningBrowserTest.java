package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two screening officers of the demo cell in a real Chromium: an Arabic-script query finds the person the
 * demo national list holds under Latin names only, with the explanation; a batch file lands on its run;
 * a hit is confirmed by the analyst (a proposal) and then by the supervisor (a confirmed match); the
 * Arabic interface reads right to left.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class ScreeningBrowserTest {

    private static final String ANALYST_TOTP = "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE";
    private static final String SUPERVISOR_TOTP = "ON2XAZLSOZUXG33SF5THK43JN5XGGZLM";

    @LocalServerPort
    int port;

    @Test
    void officersScreenAnArabicNameAFileAndConfirmAHitWithFourEyes() throws Exception {
        String base = "http://localhost:" + port;
        Path csv = Files.createTempFile("travellers", ".csv");
        Files.writeString(csv, "name,dob,nationality\nYoussef Ben Abdelkrim Trabelsi,1980,TN\nJeanne Martin,1990,FR\n",
                StandardCharsets.UTF_8);
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "en", "analyst", "analyst-demo-pass", ANALYST_TOTP);

            // the demo list (FC-0005) holds Mamadou Lamine Ould Brahim in Latin script only
            WebElement candidate = queryUntilFound(driver, wait, "مامادو لامين ولد ابراهيم");
            assertThat(candidate.getText()).contains("FC-NATIONAL-DEMO", "FC-0005", "FC-NAT-2025-02",
                    "Mamadou Lamine Ould Brahim");
            assertThat(candidate.findElement(By.cssSelector(".explanation")).getText()).contains("↔", "lamine");
            assertThat(candidate.findElement(By.cssSelector(".matched")).getAttribute("dir")).isEqualTo("auto");
            driver.executeScript("arguments[0].scrollIntoView()", candidate);
            browser.screenshot("screening-query-arabic-name");

            driver.findElement(By.id("nav-screening")).click();
            driver.findElement(By.id("batch-file")).sendKeys(csv.toAbsolutePath().toString());
            driver.findElement(By.id("batch-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("run-facts")));
            assertThat(driver.findElement(By.id("subjects")).getText()).contains("Jeanne Martin",
                    "Youssef Ben Abdelkrim Trabelsi");
            browser.screenshot("screening-run");
            driver.findElement(By.cssSelector("#run-hit-list a.state")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-form")));
            String hitUrl = driver.getCurrentUrl();
            assertThat(driver.findElement(By.id("entry")).getText()).contains("يوسف بن عبد الكريم الطرابلسي",
                    "FC-NAT-2024-03");
            driver.findElement(By.id("reason")).sendKeys("Same name and year of birth; Tunisian");
            driver.findElement(By.id("decide-confirm")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal")));
            assertThat(driver.findElement(By.id("outcome")).getText()).contains("A second officer must confirm");
            assertThat(driver.findElement(By.id("proposal")).getText())
                    .contains("Confirmation proposed by Analyste de démonstration");
            assertThat(driver.findElement(By.id("hit-state")).getText()).contains("Pending review");
            browser.screenshot("screening-hit-proposed");

            // the same officer again: four eyes refuses, nothing changes
            driver.findElement(By.id("reason")).sendKeys("Sure of it");
            driver.findElement(By.id("decide-confirm")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("four-eyes")));
            assertThat(driver.findElement(By.id("four-eyes")).getText()).contains("a different reviewer must confirm");

            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            BrowserLogin.logIn(browser, base, "en", "supervisor", "supervisor-demo-pass", SUPERVISOR_TOTP);
            driver.get(hitUrl);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-form")));
            assertThat(driver.findElement(By.id("proposal")).getText()).contains("Analyste de démonstration")
                    .doesNotContain("You have confirmed it yourself");
            driver.findElement(By.id("reason")).sendKeys("Passport photograph checked against the listing");
            driver.findElement(By.id("decide-confirm")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
            assertThat(driver.findElement(By.id("hit-state")).getText()).contains("Confirmed match");
            assertThat(driver.findElements(By.id("decision-form"))).isEmpty();
            assertThat(driver.findElement(By.id("history")).getText()).contains("Confirmation proposed",
                    "Analyste de démonstration", "Confirmed", "Superviseure de démonstration");
            browser.screenshot("screening-hit-confirmed");

            // the Arabic interface, chosen with the language switch
            new Select(driver.findElement(By.id("lang-select"))).selectByValue("ar");
            driver.findElement(By.cssSelector("form.lang button")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "rtl"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "تطابق"));
            assertThat(driver.findElement(By.id("hit-state")).getText()).contains("تطابق مؤكد");
            assertThat(driver.findElement(By.id("subject-heading")).getText()).isEqualTo("الشخص المدقَّق فيه");
            browser.screenshot("screening-hit-ar");
            driver.findElement(By.id("nav-screening")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "التدقيق في القوائم"));
            assertThat(driver.findElement(By.cssSelector("label[for=name]")).getText()).isEqualTo("الاسم");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            browser.screenshot("screening-ar");
            driver.findElement(By.id("nav-watchlists")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "قوائم الرصد"));
            driver.findElement(By.linkText("FC-NATIONAL-DEMO")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
            assertThat(driver.findElement(By.id("entries")).getText()).contains("Mamadou Lamine Ould Brahim", "FC-0005");
            driver.findElement(By.id("q")).sendKeys("mamadou");
            driver.findElement(By.id("entries-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry-results"), "قيد واحد"));
            assertThat(driver.findElement(By.id("entry-results")).getText()).contains("FC-0005")
                    .doesNotContain("FC-0001");
            assertThat(driver.getCurrentUrl()).contains("q=mamadou");
            browser.screenshot("screening-list-ar");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** The demo list is indexed after its import commits: queries until the name finds a candidate. */
    private static WebElement queryUntilFound(ChromeDriver driver, WebDriverWait wait, String name) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            driver.findElement(By.id("nav-screening")).click();
            driver.findElement(By.id("name")).sendKeys(name);
            driver.findElement(By.id("query-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
            var rows = driver.findElements(By.cssSelector("#candidates tr.candidate"));
            if (!rows.isEmpty()) {
                return rows.getFirst();
            }
            assertThat(Instant.now()).as("the demo list is indexed").isBefore(deadline);
            Thread.sleep(500);
        }
    }
}
