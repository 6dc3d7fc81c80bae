package org.fusioncell.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusioncell.testing.Browser;
import org.fusioncell.testing.BrowserLogin;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real Chromium at a phone's width (390 px): an anonymous visitor sends an observation in Arabic from the public
 * form — right to left, nothing wider than the screen, touch targets at least 44 px high — then the demo cell's
 * analyst finds it in the triage list and takes it into review.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class OutreachBrowserTest {

    private static final String ANALYST_TOTP = "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE";
    private static final String TEXT = "شاهدنا في سوق المدينة رجلًا يعرض المال على المراهقين مقابل الانضمام إلى جماعة مسلحة.";

    @LocalServerPort
    int port;

    @Test
    void anAnonymousObservationSentFromAPhoneReachesTheCellsTriage() {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            driver.manage().window().setSize(new Dimension(390, 844));
            driver.get(base + "/contribute?lang=ar");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contribute-form")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("تقديم بلاغ");
            long width = (Long) driver.executeScript("return window.innerWidth;");
            long scroll = (Long) driver.executeScript("return document.documentElement.scrollWidth;");
            assertThat(scroll).as("nothing wider than the phone's screen").isLessThanOrEqualTo(width);
            WebElement send = driver.findElement(By.id("contribute-submit"));
            assertThat(send.getSize().getHeight()).as("a large touch target").isGreaterThanOrEqualTo(44);
            assertThat(driver.findElement(By.id("text")).getSize().getWidth()).isGreaterThan((int) (width * 0.7));

            if (!driver.findElements(By.id("cellOrganisationId")).isEmpty()) {
                new Select(driver.findElement(By.id("cellOrganisationId")))
                        .selectByVisibleText("Cellule nationale de fusion antiterroriste");
            }
            new Select(driver.findElement(By.id("kind"))).selectByValue("RECRUITMENT_ATTEMPT");
            driver.findElement(By.id("text")).sendKeys(TEXT);
            new Select(driver.findElement(By.id("language"))).selectByValue("ar");
            driver.findElement(By.id("place")).sendKeys("كيفه");
            driver.findElement(By.id("name")).sendKeys("فاطمة");
            send.click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contribute-thanks")));
            assertThat(driver.findElement(By.id("contribute-thanks")).getText()).isEqualTo("شكرًا لك");
            String reference = driver.findElement(By.id("contribute-reference")).getText();

            driver.manage().window().setSize(new Dimension(1280, 900));
            BrowserLogin.logIn(browser, base, "ar", "analyst", "analyst-demo-pass", ANALYST_TOTP);
            driver.findElement(By.id("nav-submissions")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submission-list")));
            WebElement row = driver.findElement(By.id("submission-" + reference));
            assertThat(row.getText()).contains("محاولة تجنيد", "جديد");
            row.findElement(By.tagName("a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submission-facts")));
            assertThat(driver.findElement(By.id("submission-text")).getText()).isEqualTo(TEXT);
            assertThat(driver.findElement(By.id("submission-from")).getText()).isEqualTo("مجهول الهوية");
            assertThat(driver.getPageSource()).doesNotContain("فاطمة");
            driver.findElement(By.id("submission-review")).click();
            wait.until(ExpectedConditions.textToBe(By.id("submission-status"), "قيد الدراسة"));
        }
    }
}
