package org.fusioncell.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusioncell.search.ContextTexts;
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
 * The acceptance path in a real Chromium: the demo analyst writes a threat assessment in Arabic through
 * the form (a second paragraph added by the page's script, the matrix following the chosen likelihood
 * and impact) and submits it; the supervisor comments, approves and disseminates it to the national
 * police; the police liaison finds it among the products received, opens it (the read receipt) and
 * says it was useful.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class AssessmentBrowserTest {

    private static final String ANALYST_TOTP = "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE";
    private static final String SUPERVISOR_TOTP = "ON2XAZLSOZUXG33SF5THK43JN5XGGZLM";
    private static final String LIAISON_TOTP = "NRUWC2LTN5XC44DPNRUWGZJPMZ2XG2LP";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anArabicAssessmentIsWrittenApprovedDisseminatedReadAndJudgedUseful() {
        List<String> arabic = ContextTexts.arabicParagraphs();
        String title = "تقييم التهديد: " + firstSentence(paragraph(arabic, "تبادل المعلومات لمنع"));
        String monitoring = firstSentence(paragraph(arabic, "يعد فهم التهديدات"));
        String fusionCells = firstSentence(paragraph(arabic, "تتيح خلايا الاندماج"));
        String judgment = firstSentence(paragraph(arabic, "\"يختبر الإرهابيون")).replace("\"", "");
        String base = "http://localhost:" + port;
        String police = jdbc.sql("SELECT organisation_id FROM identity_user WHERE username = 'liaison.police'")
                .query(String.class).single();

        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "ar", "analyst", "analyst-demo-pass", ANALYST_TOTP);
            driver.findElement(By.id("nav-assessments")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "التقييمات"));
            driver.findElement(By.id("assessment-new")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assessment-form")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");

            driver.findElement(By.id("title")).sendKeys(title);
            new Select(driver.findElement(By.id("subjectType"))).selectByValue("AREA");
            driver.findElement(By.id("subjectReference")).sendKeys("MR");
            driver.findElement(By.id("subjectLabel")).sendKeys("موريتانيا");
            driver.findElement(By.id("summary-0-text")).sendKeys(monitoring);
            // the second paragraph's row is added by the page's script, numbered on from the first
            driver.findElement(By.id("add-paragraph")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("summary-1-text")));
            assertThat(driver.findElement(By.cssSelector("label[for=summary-1-text]")).getText()).isEqualTo("الفقرة 2");
            driver.findElement(By.id("summary-1-text")).sendKeys(fusionCells);
            new Select(driver.findElement(By.id("summary-1-level"))).selectByValue("RESTRICTED");
            driver.findElement(By.id("judgment-0-text")).sendKeys(judgment);
            new Select(driver.findElement(By.id("judgment-0-probability"))).selectByValue("highly-likely");
            // the matrix follows the chosen likelihood and impact
            new Select(driver.findElement(By.id("likelihood"))).selectByValue("likely");
            new Select(driver.findElement(By.id("impact"))).selectByValue("major");
            wait.until(ExpectedConditions.textToBe(By.id("resulting-level"), "شديد"));
            assertThat(driver.findElement(By.cssSelector("#matrix td.chosen")).getAttribute("data-impact")).isEqualTo("major");
            driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("judgments")));
            browser.screenshot("assessment-matrix-ar");
            new Select(driver.findElement(By.id("confidence"))).selectByValue("MODERATE");
            driver.findElement(By.id("confidenceReasons")).sendKeys("مصادر أممية علنية متسقة فيما بينها");
            driver.findElement(By.id("indicators")).sendKeys("إعلان خلية اندماج وطنية جديدة");
            driver.findElement(By.id("publicSummary")).sendKeys("يظل مستوى التهديد شديداً.");
            new Select(driver.findElement(By.id("classification"))).selectByValue("CONFIDENTIAL");
            new Select(driver.findElement(By.id("tlp"))).selectByValue("AMBER");
            driver.findElement(By.id("org-" + police)).click();
            browser.screenshot("assessment-form-ar");
            driver.findElement(By.id("assessment-submit")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("حُفظت المسودة.");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("مسودة");
            assertThat(driver.findElement(By.id("summary")).getText()).contains(monitoring, fusionCells, "(RESTRICTED)");
            assertThat(driver.findElement(By.id("key-judgments")).getText()).contains(judgment, "مرجَّح جداً");
            assertThat(driver.findElement(By.id("threat-level")).getText()).contains("شديد");
            driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("summary-heading")));
            browser.screenshot("assessment-draft-ar");
            String product = driver.getCurrentUrl().replaceAll("\\?.*", "");
            driver.findElement(By.id("step-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("done"), "أُحيل إلى المراجعة."));
            assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("قيد المراجعة");
            browser.screenshot("assessment-submitted-ar");

            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            BrowserLogin.logIn(browser, base, "fr", "supervisor", "supervisor-demo-pass", SUPERVISOR_TOTP);
            driver.get(product);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("comment-form")));
            driver.findElement(By.id("comment-text")).sendKeys("Sources cohérentes ; préciser la période dans le second paragraphe.");
            new Select(driver.findElement(By.id("comment-portion"))).selectByValue("summary[1]");
            driver.findElement(By.id("step-comment")).click();
            wait.until(ExpectedConditions.textToBe(By.id("done"), "Votre commentaire est enregistré."));
            assertThat(driver.findElement(By.id("comment-list")).getText()).contains("préciser la période", "Paragraphe 2");
            driver.findElement(By.id("approve-note")).sendKeys("Bon pour diffusion à la police");
            driver.findElement(By.id("step-approve")).click();
            wait.until(ExpectedConditions.textToBe(By.id("state"), "Approuvé"));
            driver.findElement(By.id("to-org-" + police)).click();
            driver.findElement(By.id("step-disseminate")).click();
            wait.until(ExpectedConditions.textToBe(By.id("state"), "Diffusé"));
            assertThat(driver.findElement(By.id("done")).getText()).startsWith("Diffusé");
            browser.screenshot("assessment-disseminated-fr");

            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            BrowserLogin.logIn(browser, base, "ar", "liaison.police", "liaison.police-demo-pass", LIAISON_TOTP);
            driver.findElement(By.id("nav-products")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "المنتجات الواردة"));
            var row = driver.findElement(By.xpath("//table[@id='products']//tr[.//a[@class='product-link' and normalize-space(.)="
                    + xpathLiteral(title) + "]]"));
            assertThat(row.findElement(By.cssSelector("td.read")).getText()).isEqualTo("لم يُقرأ بعد");
            row.findElement(By.cssSelector("a.product-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feedback-form")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(driver.findElement(By.id("banner")).getText()).startsWith("CONFIDENTIAL // TLP:AMBER");
            assertThat(driver.findElements(By.id("workflow"))).isEmpty();
            browser.screenshot("assessment-received-ar");

            driver.findElement(By.id("nav-products")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "المنتجات الواردة"));
            var read = driver.findElement(By.xpath("//table[@id='products']//tr[.//a[normalize-space(.)=" + xpathLiteral(title)
                    + "]]//td[contains(@class,'read')]"));
            assertThat(read.getText()).isNotBlank().isNotEqualTo("لم يُقرأ بعد");
            driver.findElement(By.linkText(title)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feedback-form")));
            driver.findElement(By.id("feedback-USEFUL")).click();
            driver.findElement(By.id("feedback-note")).sendKeys("عُمِّم على الوحدات الميدانية");
            driver.findElement(By.id("step-feedback")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feedback-given")));
            assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("شكراً لك: وصل رأيك إلى مُعِدّي المنتج.");
            assertThat(driver.findElement(By.id("feedback-given")).getText()).contains("مفيد");
            browser.screenshot("assessment-feedback-ar");
        }
    }

    private static String paragraph(List<String> paragraphs, String start) {
        return paragraphs.stream().filter(p -> p.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph of ../shared/context starts with " + start));
    }

    /** The paragraph up to its first full stop, spaces before commas as the source has them tidied. */
    private static String firstSentence(String paragraph) {
        int stop = paragraph.indexOf('.');
        return (stop < 0 ? paragraph : paragraph.substring(0, stop + 1)).replace(" ،", "،").strip();
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
