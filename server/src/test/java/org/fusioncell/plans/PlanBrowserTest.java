package org.fusioncell.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * In a real Chromium: the demo analyst drafts a national plan in Arabic from the forms — an objective under
 * "empowering youth", an output, a funded action, an indicator and its measurement, a consultation — and reads the
 * plan right to left with its progress, funding and participation; a wrong currency and a breakdown larger than the
 * participants are named next to the form.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class PlanBrowserTest {

    private static final String ANALYST_TOTP = "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE";

    @LocalServerPort
    int port;

    @Test
    void aPlanIsDraftedFromTheFormsAndReadRightToLeftInArabic() {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "ar", "analyst", "analyst-demo-pass", ANALYST_TOTP);
            driver.findElement(By.id("nav-plans")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "خطط العمل"));
            driver.findElement(By.id("plan-new")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-form")));
            driver.findElement(By.id("title")).sendKeys("الاستراتيجية الوطنية لمنع التطرف العنيف");
            driver.findElement(By.id("country")).sendKeys("MR");
            date(driver, "periodStart", "2025-01-01");
            date(driver, "periodEnd", "2029-12-31");
            new Select(driver.findElement(By.id("language"))).selectByValue("ar");
            new Select(driver.findElement(By.id("classification"))).selectByValue("RESTRICTED");
            new Select(driver.findElement(By.id("tlp"))).selectByValue("AMBER");
            driver.findElement(By.id("plan-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-facts")));
            assertThat(driver.findElement(By.id("plan-status")).getText()).isEqualTo("قيد الصياغة");

            new Select(driver.findElement(By.id("objective-area"))).selectByValue("empowering-youth");
            driver.findElement(By.id("objective-title")).sendKeys("تعزيز مشاركة الشباب في الحياة العامة");
            driver.findElement(By.id("objective-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("output-title")));
            driver.findElement(By.id("output-title")).sendKeys("مجالس شبابية محلية نشطة في 15 مقاطعة");
            driver.findElement(By.id("output-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-title")));
            fillAction(driver, "ABC");
            driver.findElement(By.id("action-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-error")));
            assertThat(driver.findElement(By.id("plan-error")).getText()).contains("currency");
            fillAction(driver, "MRU");
            driver.findElement(By.id("action-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("indicator-name")));
            driver.findElement(By.id("indicator-name")).sendKeys("عدد الشباب المدرَّبين");
            driver.findElement(By.id("indicator-unit")).sendKeys("شخص");
            driver.findElement(By.id("indicator-baseline")).sendKeys("0");
            driver.findElement(By.id("indicator-target")).sendKeys("400");
            driver.findElement(By.id("indicator-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("measurement-value")));
            date(driver, "measurement-on", "2025-12-31");
            driver.findElement(By.id("measurement-value")).sendKeys("100");
            driver.findElement(By.id("measurement-evidence")).sendKeys("قوائم الحضور في كيفه والنعمة");
            driver.findElement(By.id("measurement-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-plan"), "25"));

            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.id("progress-empowering-youth")).getText()).contains("تمكين الشباب", "25 %");
            assertThat(driver.findElement(By.id("funding-MRU")).getText()).contains("12000000.00", "4000000.00");
            assertThat(driver.findElement(By.id("area-empowering-youth")).getText())
                    .contains("تعزيز مشاركة الشباب في الحياة العامة", "جمعية شباب من أجل السلام", "المجتمع المدني");
            browser.screenshot("plan-ar");

            // a consultation from the form: more women and men than participants is named, then recorded
            date(driver, "consultation-on", "2025-11-15");
            driver.findElement(By.id("consultation-place")).sendKeys("كيفه");
            new Select(driver.findElement(By.id("consultation-kind"))).selectByValue("COMMUNITY_DIALOGUE");
            driver.findElement(By.id("consultation-organiser")).sendKeys("جمعية شباب من أجل السلام");
            driver.findElement(By.id("consultation-organisations")).sendKeys("رابطة الأئمة\nإذاعة محلية");
            driver.findElement(By.id("consultation-participants")).sendKeys("40");
            driver.findElement(By.id("consultation-women")).sendKeys("30");
            driver.findElement(By.id("consultation-men")).sendKeys("20");
            driver.findElement(By.id("consultation-youth")).sendKeys("25");
            driver.findElement(By.id("consultation-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-error")));
            assertThat(driver.findElement(By.id("plan-error")).getText()).contains("women");
            date(driver, "consultation-on", "2025-11-15");
            driver.findElement(By.id("consultation-place")).sendKeys("كيفه");
            driver.findElement(By.id("consultation-organiser")).sendKeys("جمعية شباب من أجل السلام");
            driver.findElement(By.id("consultation-participants")).sendKeys("40");
            driver.findElement(By.id("consultation-women")).sendKeys("30");
            driver.findElement(By.id("consultation-men")).sendKeys("10");
            driver.findElement(By.id("consultation-youth")).sendKeys("26");
            new Select(driver.findElement(By.id("consultation-kind"))).selectByValue("COMMUNITY_DIALOGUE");
            driver.findElement(By.id("consultation-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("participation-women"), "75 %"));
            assertThat(driver.findElement(By.id("participation-youth")).getText()).contains("26", "65 %");
            assertThat(driver.findElement(By.id("consultations")).getText()).contains("كيفه", "حوار مجتمعي");
        }
    }

    private static void fillAction(ChromeDriver driver, String currency) {
        driver.findElement(By.id("action-title")).clear();
        driver.findElement(By.id("action-title")).sendKeys("تكوين 400 من القادة الشباب على الحوار");
        driver.findElement(By.id("action-lead")).clear();
        driver.findElement(By.id("action-lead")).sendKeys("وزارة الشؤون الإسلامية والتعليم الأصلي");
        driver.findElement(By.id("action-partners")).clear();
        driver.findElement(By.id("action-partners")).sendKeys("جمعية شباب من أجل السلام ; CIVIL_SOCIETY");
        date(driver, "action-start", "2025-03-01");
        date(driver, "action-end", "2026-12-31");
        driver.findElement(By.id("action-budget")).clear();
        driver.findElement(By.id("action-budget")).sendKeys("12000000");
        driver.findElement(By.id("action-currency")).clear();
        driver.findElement(By.id("action-currency")).sendKeys(currency);
        driver.findElement(By.id("action-funded")).clear();
        driver.findElement(By.id("action-funded")).sendKeys("8000000");
        driver.findElement(By.id("action-donor")).clear();
        driver.findElement(By.id("action-donor")).sendKeys("الاتحاد الأوروبي");
    }

    /** Sets a date input's value directly: typing into it depends on the browser's locale. */
    private static void date(ChromeDriver driver, String id, String isoDate) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), isoDate);
    }

    /**
     * The demo plan (a fictitious country, seven areas, three currencies, its coordination and participation) as its
     * dashboard in French and Arabic, and as a PDF rendered to an image with pdftoppm; screenshots and PDFs are kept
     * in target/screenshots. The plan's progress is the
     * mean of the seven areas' progress computed by hand: (70/120 + 60/60 + 18/60 + 260/400 + 4/30 + 7/28 + 30/60) / 7
     * = 48.8 %.
     */
    @Test
    void theDemoPlanRendersInFrenchAndArabicAsAPageAndAPdf() throws Exception {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, base, "fr", "analyst", "analyst-demo-pass", ANALYST_TOTP);
            driver.get(base + "/plans?lang=fr");
            driver.findElement(By.linkText("Stratégie nationale de prévention de l'extrémisme violent")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-facts")));
            assertThat(driver.findElement(By.id("progress-plan")).getText()).contains("49 %");
            // EUR: 300000 + 750000 + 150000 budgeted, 180000 + 400000 + 100000 funded, gap 520000
            assertThat(driver.findElement(By.id("funding-EUR")).getText()).contains("1200000.00", "680000.00", "520000.00");
            assertThat(driver.findElement(By.id("progress-empowering-youth")).getText())
                    .contains("Autonomisation des jeunes", "65 %");
            assertThat(driver.findElement(By.id("plan-facts")).getText()).contains("République de Zembara");
            browser.screenshot("plan-demo-fr");
            // coordination and participation: the youth area has two donors and 30000 EUR promised twice over;
            // 200 people consulted, 92 women (46 %) and 80 youth (40 %); one follow-up overdue; one need unmatched
            WebElement matrix = driver.findElement(By.id("donor-matrix"));
            assertThat(matrix.getText()).contains("Union européenne", "Coopération allemande (GIZ)", "UNODC",
                    "2 bailleurs", "+30000.00 EUR");
            assertThat(driver.findElement(By.id("attention-overdue")).getText())
                    .isEqualTo("Une action de suivi en retard");
            assertThat(driver.findElement(By.id("attention-gaps")).getText()).endsWith("1 sur 3");
            assertThat(driver.findElement(By.id("participation-women")).getText()).contains("92", "46 %");
            assertThat(driver.findElement(By.id("participation-youth")).getText()).contains("80", "40 %");
            assertThat(driver.findElement(By.id("coordination")).getText()).contains(
                    "Groupe des partenaires techniques et financiers", "groupe des bailleurs", "en retard",
                    "sans appui : une lacune", "UNODC");
            assertThat(driver.findElement(By.id("participation")).getText()).contains("dialogue communautaire",
                    "organisations de femmes", "responsables religieux");
            assertThat(driver.findElement(By.id("document")).getText()).contains("Protocole d'accord national",
                    "Tableau commun de la menace");
            driver.executeScript("arguments[0].scrollIntoView();", matrix);
            browser.screenshot("plan-demo-coordination-fr");
            String url = driver.getCurrentUrl().replaceAll("[?#].*", "");
            driver.get(url + "?lang=ar");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-facts")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.id("progress-strategic-communications")).getText())
                    .contains("الاتصالات الاستراتيجية", "50 %");
            browser.screenshot("plan-demo-ar");
            assertThat(driver.findElement(By.id("attention-overdue")).getText()).isEqualTo("إجراء متابعة واحد متأخر");
            assertThat(driver.findElement(By.id("participation-summary")).getText()).contains("النساء", "46 %",
                    "الشباب (15–24)", "40 %");
            assertThat(driver.findElement(By.id("coordination")).getText()).contains("فريق الأمم المتحدة القطري",
                    "تقييم الاحتياجات في القدرات", "بلا دعم: فجوة");
            assertThat(driver.findElement(By.id("donor-matrix")).getText()).contains("مانحين", "Union européenne");
            driver.executeScript("arguments[0].scrollIntoView();", driver.findElement(By.id("donor-matrix")));
            browser.screenshot("plan-demo-coordination-ar");
            String id = url.substring(url.lastIndexOf('/') + 1);
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            for (String lang : new String[] {"ar", "fr"}) {
                // fetched inside the signed-in page: the session is the browser's
                Object b64 = driver.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                          let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });""",
                        "/plans/" + id + "/document.pdf?lang=" + lang);
                Path pdf = dir.resolve("plan-demo-" + lang + ".pdf");
                Files.write(pdf, Base64.getDecoder().decode((String) b64));
                try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                    String text = Normalizer.normalize(new PDFTextStripper().getText(document)
                            .replaceAll("\\s+", " "), Normalizer.Form.NFC);
                    assertThat(text).contains("RESTRICTED // TLP:GREEN", "49 %", "Coopération allemande",
                            "UNODC", "46 %", "40 %");
                    assertThat(text).contains("ar".equals(lang)
                            ? List.of("مصفوفة المانحين", "المشاركة", "فريق الأمم المتحدة القطري")
                            : List.of("Matrice des bailleurs", "Évaluation des besoins en capacités",
                            "Groupe des partenaires techniques et financiers"));
                }
                if (Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
                    Process p = new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1",
                            pdf.toString(), dir.resolve("plan-demo-pdf-" + lang).toString()).inheritIO().start();
                    assertThat(p.waitFor()).isZero();
                }
            }
        }
    }
}
