package org.fusioncell.exchange.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.fusioncell.access.Markings;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.Browser;
import org.fusioncell.testing.BrowserLogin;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real Chromium: the partner cell's liaison officer, in Arabic (right to left), finds the page from the
 * navigation, uploads the package the cell built and reads that it was imported.
 */
@FusionCellTest
@Tag("browser")
class PackagesBrowserTest {

    private static final String TOTP = "KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaxiiStore store;
    @Autowired
    Readers readers;
    @Autowired
    Markings markings;

    @TempDir
    Path dir;

    @Test
    void thePartnersLiaisonOfficerImportsAPackageFromTheArabicPage() throws Exception {
        PackageWorld w = new PackageWorld(port, jdbc).withPartnersAndCollection();
        w.add(store, readers, PackageWorld.greenOf(markings, w.cell), PackageWorld.noteId(), PackageWorld.noteId(),
                PackageWorld.noteId());
        Path file = dir.resolve("package.zip");
        Files.write(file, w.exported(w.cellLiaison));
        String username = "packages-liaison-" + System.nanoTime();
        w.fx.user(username, w.partnerOrg, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of(), TOTP);

        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            var wait = browser.waiting(20);
            BrowserLogin.logIn(browser, "http://localhost:" + port, "ar", username, IdentityFixtures.PASSWORD, TOTP);
            driver.findElement(By.id("nav-packages")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "الحزم غير المتصلة"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.id("packages-public-key")).getAttribute("value")).isEqualTo(w.installationKey);
            new Select(driver.findElement(By.id("import-partner"))).selectByValue(w.cellOfPartner);
            driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
            browser.screenshot("packages-import-ar");
            driver.findElement(By.id("import-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
            assertThat(driver.findElement(By.id("import-done")).getText())
                    .isEqualTo("استُوردت الحزمة: عدد العناصر 3، الجديدة منها 3، والموجودة من قبل 0.");
            assertThat(driver.findElement(By.id("packages-table")).getText()).contains("استُوردت من الشريك");
            browser.screenshot("packages-imported-ar");
        }
    }
}
