package org.fusioncell.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Logs a demo user in through the real login and second-factor pages. */
public final class BrowserLogin {

    private BrowserLogin() {
    }

    public static void logIn(Browser browser, String baseUrl, String language, String username, String password,
                             String totpSecret) {
        var driver = browser.driver();
        var wait = browser.waiting(15);
        driver.get(baseUrl + "/login?lang=" + language);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        if (totpSecret != null) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totp-submit")));
            driver.findElement(By.id("code")).sendKeys(TestTotp.nextCode(totpSecret));
            driver.findElement(By.id("totp-submit")).click();
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }
}
