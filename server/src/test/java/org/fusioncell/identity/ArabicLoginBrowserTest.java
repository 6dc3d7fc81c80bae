package org.fusioncell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusioncell.testing.Browser;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The demo analyst logs in in Arabic with password and TOTP, in a real Chromium. */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Tag("browser")
class ArabicLoginBrowserTest {

    static final String ANALYST_SECRET = "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE";

    @LocalServerPort
    int port;

    @Test
    void demoAnalystLogsInInArabicWithTotpAndLandsOnTheRightToLeftHomePage() {
        try (Browser browser = Browser.open()) {
            var driver = browser.driver();
            var wait = browser.waiting(15);
            driver.get("http://localhost:" + port + "/login?lang=ar");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("اسم المستخدم");
            driver.findElement(By.id("username")).sendKeys("analyst");
            driver.findElement(By.id("password")).sendKeys("analyst-demo-pass");
            browser.screenshot("identity-login-ar");
            driver.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totp-submit")));
            assertThat(driver.findElement(By.cssSelector("label[for=code]")).getText()).isEqualTo("الرمز المكوّن من ستة أرقام");
            driver.findElement(By.id("code")).sendKeys(org.fusioncell.testing.TestTotp.nextCode(ANALYST_SECRET));
            browser.screenshot("identity-totp-ar");
            driver.findElement(By.id("totp-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
            assertThat(driver.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.cssSelector("nav.nav a")).getText()).isEqualTo("الرئيسية");
            assertThat(driver.findElement(By.id("nav-tokens")).getText()).isEqualTo("رموز الواجهة البرمجية");
            assertThat(driver.findElement(By.id("logout")).getText()).isEqualTo("تسجيل الخروج");
            assertThat(driver.findElements(By.id("nav-admin-users"))).isEmpty();
            browser.screenshot("identity-home-ar");
        }
    }
}
