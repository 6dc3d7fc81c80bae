package org.fusioncell.monitoring.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fusioncell.testing.Browser;
import org.fusioncell.testing.BrowserLogin;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The trends dashboard in a real Chromium over the UCDP events: in Arabic (right to left, the value axis
 * on the right, explanations in Arabic with Western digits) and in French, with the series, its
 * anomalies and forecast, the groups and the map of Syria's governorates; screenshots kept under
 * target/screenshots.
 */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Import(UcdpStatisticsConfiguration.class)
@Tag("browser")
class TrendsBrowserTest {

    private static final String ANALYST_TOTP = "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE";

    @LocalServerPort
    int port;

    @BeforeAll
    static void data() {
        UcdpIncidentStatistics.assumePresent();
    }

    @Test
    void theDashboardRendersInArabicAndInFrenchWithChartsMapAndExplainedAnomalies() {
        String base = "http://localhost:" + port;
        String isInDeirEzZor = "/trends?country=SYR&admin1=" + URLEncoder.encode("Deir ez Zor", StandardCharsets.UTF_8)
                + "&group=IS&period=month";
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(30);
            BrowserLogin.logIn(browser, base, "ar", "analyst", "analyst-demo-pass", ANALYST_TOTP);

            driver.findElement(By.id("nav-trends")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("area-map")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("الاتجاهات");
            // without filters the map shows the country with the most incidents: all 15 areas of Syria
            assertThat(driver.findElements(By.cssSelector("#area-map path.area"))).hasSize(15);
            // UCDP puts 3,308 events in Aleppo governorate; the simplified outline takes a few to its neighbours
            assertThat(Integer.parseInt(driver.findElement(By.cssSelector("#area-map path[data-area='SY.HL']"))
                    .getAttribute("data-count"))).isBetween(3200, 3400);
            driver.executeScript("document.getElementById('map').scrollIntoView()");
            browser.screenshot("trends-ar-syria-map");

            driver.get(base + isInDeirEzZor);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("series-chart")));
            assertThat(driver.findElement(By.id("series-chart")).getAttribute("data-layout")).isEqualTo("rtl");
            assertThat(new Select(driver.findElement(By.id("group"))).getFirstSelectedOption().getText()).isEqualTo("IS");
            List<WebElement> anomalies = driver.findElements(By.cssSelector("#anomaly-list li"));
            WebElement september = anomalies.stream().filter(li -> li.getText().startsWith("2017-09")).findFirst()
                    .orElseThrow();
            assertThat(september.getText()).contains("155", "35.0", "درجة z المتينة", "خط الأساس", "2016-09", "2017-08")
                    .doesNotContainPattern("[٠-٩]");
            assertThat(driver.findElements(By.cssSelector("#series-chart circle.anomaly.rise"))).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#series-chart path.forecast-band"))).hasSize(1);
            assertThat(driver.findElement(By.id("forecast-method")).getText()).contains("هولت", "47");
            assertThat(driver.findElement(By.id("forecast-backtest")).getText()).contains("الاختبار الرجعي");
            assertThat(driver.findElement(By.cssSelector("#series-table tbody tr td.num")).getText()).isEqualTo("54");
            assertThat(driver.findElements(By.cssSelector("#groups-chart rect.bar"))).isNotEmpty();
            assertThat(driver.findElement(By.id("map-table")).getText()).contains("Dayr Az Zawr");
            // the label column of Arabic tables sits on the right
            WebElement firstHeader = driver.findElement(By.cssSelector("#series-table thead th"));
            WebElement lastHeader = driver.findElement(By.cssSelector("#series-table thead th:last-child"));
            assertThat(firstHeader.getLocation().getX()).isGreaterThan(lastHeader.getLocation().getX());
            driver.executeScript("document.getElementById('series').scrollIntoView()");
            browser.screenshot("trends-ar");
            driver.executeScript("document.getElementById('groups').scrollIntoView()");
            browser.screenshot("trends-ar-groups-map");

            driver.get(base + isInDeirEzZor + "&lang=fr");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Tendances"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
            WebElement septembre = driver.findElements(By.cssSelector("#anomaly-list li")).stream()
                    .filter(li -> li.getText().startsWith("2017-09")).findFirst().orElseThrow();
            assertThat(septembre.getText()).contains("155", "environ 35.0 étaient attendus", "z robuste",
                    "Référence : les 12 périodes précédentes", "|z| ≥ 3.5");
            assertThat(driver.findElement(By.id("forecast-method")).getText()).contains("Holt", "tendance amortie");
            assertThat(driver.findElement(By.id("csv-download")).getAttribute("href")).contains("/trends/series.csv",
                    "group=IS");
            // the CSV of the same series, fetched with the page's session
            String csv = (String) driver.executeAsyncScript("fetch(arguments[0]).then(r => r.text()).then(arguments[1])",
                    driver.findElement(By.id("csv-download")).getAttribute("href"));
            assertThat(csv.lines().findFirst().orElseThrow()).startsWith("period_start,kind,incidents,anomaly");
            assertThat(csv).contains("2017-09-01,observed,155,rise,35.0,", "2019-12-01,forecast,");
            assertThat(csv.lines().filter(l -> l.matches("[0-9-]+,observed,[1-4],.*")).count()).isZero();
            // the map: small counts are hatched and written "< 5", never as their value
            List<WebElement> hidden = driver.findElements(By.cssSelector("#area-map path[data-count='< 5']"));
            hidden.forEach(p -> assertThat(p.getAttribute("fill")).startsWith("url(#"));
            assertThat(driver.findElements(By.cssSelector("#area-map path.area"))).allSatisfy(p ->
                    assertThat(p.getAttribute("data-count")).doesNotMatch("[1-4]"));
            driver.executeScript("document.getElementById('series').scrollIntoView()");
            browser.screenshot("trends-fr");
            driver.executeScript("document.getElementById('forecast').scrollIntoView()");
            browser.screenshot("trends-fr-explanations");
            driver.executeScript("document.getElementById('map').scrollIntoView()");
            browser.screenshot("trends-fr-map");

            // a wrong date comes back with the reason, in French
            driver.get(base + "/trends?from=2019-13-01");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trends-error")));
            assertThat(driver.findElement(By.id("trends-error")).getText()).isEqualTo("Du : une date AAAA-MM-JJ.");
            driver.navigate().back();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("series-chart")));

            // weekly periods chosen with the filter form
            new Select(driver.findElement(By.id("period"))).selectByValue("week");
            driver.findElement(By.id("trends-apply")).click();
            wait.until(ExpectedConditions.urlContains("period=week"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("series-chart")));
            assertThat(driver.findElement(By.cssSelector("#series-table tbody tr td")).getText()).isEqualTo("2015-12-28");
            assertThat(driver.findElement(By.id("forecast-method")).getText()).contains("Holt");
            driver.executeScript("document.getElementById('series').scrollIntoView()");
            browser.screenshot("trends-fr-weeks");
        }
    }
}
