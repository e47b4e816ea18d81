package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Exports page in headless Chromium: a legal user exports a held call, follows its progress bar to done, gets
 * the notice and downloads the bundle; unredacted audio without a justification is refused with a message that
 * says what to add; another legal user of the tenant sees the export but cannot download it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportsBrowserIT {

    private static final String PAGE = "/discovery/exports.xhtml";

    /** A new hold on one recorded call, made over the API; returns its id. */
    private static String holdOnARecordedCall(String matter) throws Exception {
        String legal = TestStack.userToken("acme-legal");
        String call = ExportBundles.recordedCalls(legal, 1).get(0);
        String reference = "BR-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> hold = TestStack.postJson("/api/v1/legal-holds", legal, "{\"matterName\":\"" + matter
                + "\",\"reference\":\"" + reference + "\",\"calls\":[\"" + call + "\"]}");
        assertEquals(201, hold.statusCode(), hold.body());
        return ExportBundles.JSON.readTree(hold.body()).path("id").asText();
    }

    /**
     * Chooses an item of a PrimeFaces select menu through its widget, as a click on the item does: the menu holds
     * every hold the shared test stack made, more than its panel shows.
     */
    private static void choose(Browser session, String id, String value, String label) {
        ((JavascriptExecutor) session.driver).executeScript(
                "PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1])", id, value);
        session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id + "_label"), label));
    }

    private static void radio(Browser session, String id, String value) {
        WebElement input = session.driver.findElement(By.cssSelector("[id='" + id + "'] input[value='" + value + "']"));
        input.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' ui-radiobutton ')][1]"))
                .findElement(By.className("ui-radiobutton-box")).click();
        session.wait.until(d -> input.isSelected());
    }

    private static WebElement row(WebDriver driver, String matter) {
        return driver.findElement(By.xpath("//tbody[@id='exports:table_data']/tr[td[1][normalize-space(.)='" + matter + "']]"));
    }

    private static String messages(WebDriver driver) {
        return driver.findElements(By.cssSelector(".ui-messages, .ui-growl")).stream().map(WebElement::getText)
                .collect(Collectors.joining(" | "));
    }

    /** GET with the browser's session cookies: what clicking the link downloads. */
    private static HttpResponse<byte[]> fetch(WebDriver driver, String href) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aLegalUserExportsAHeldCallAndOnlyTheyDownloadIt() throws Exception {
        String matter = "Browser matter " + UUID.randomUUID().toString().substring(0, 8);
        String hold = holdOnARecordedCall(matter);
        String bundleUrl;
        try (Browser session = new Browser()) {
            WebDriver driver = session.driver;
            session.open(PAGE, "acme-legal");
            session.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request:matter"))).sendKeys(matter);
            choose(session, "request:hold", hold, matter);

            // unredacted audio without a justification: refused, saying what to add
            radio(session, "request:audio", "ORIGINAL");
            driver.findElement(By.id("request:submit")).click();
            session.wait.until(d -> messages(d).contains("justification"));
            assertTrue(messages(driver).contains("Unredacted audio needs a justification"), messages(driver));
            assertTrue(driver.findElements(By.xpath("//tbody[@id='exports:table_data']/tr[td[1][normalize-space(.)='"
                    + matter + "']]")).isEmpty(), "nothing was requested");

            radio(session, "request:audio", "REDACTED");
            driver.findElement(By.id("request:submit")).click();
            session.wait.until(d -> messages(d).contains("Export requested: 1 calls"));

            // the poll refreshes the table: the progress bar goes to 100 % and the state to DONE. The poll replaces
            // the rows under the test, so each check reads the row afresh and a replaced row is read again.
            String[] href = new String[1];
            session.wait.withTimeout(java.time.Duration.ofMinutes(3)).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> rows = d.findElements(By.xpath("//tbody[@id='exports:table_data']/tr[td[1][normalize-space(.)='"
                        + matter + "']]"));
                if (rows.isEmpty() || !rows.get(0).findElement(By.className("export-state")).getText().equals("DONE")) {
                    return false;
                }
                assertEquals("100%", rows.get(0).findElement(By.cssSelector(".export-progress .ui-progressbar-label")).getText());
                href[0] = rows.get(0).findElement(By.className("download")).getAttribute("href");
                return true;
            });
            session.wait.until(d -> messages(d).contains("Your export for " + matter + " is ready to download"));

            bundleUrl = href[0];
            HttpResponse<byte[]> bundle = fetch(driver, bundleUrl);
            assertEquals(200, bundle.statusCode());
            assertTrue(ExportBundles.isZipWith(bundle.body(), "manifest.json"), "the download is a ZIP with manifest.json");
            assertTrue(ExportBundles.isZipWith(bundle.body(), "NATIVES/VGL000001.wav"), "with the held call's audio");
        }

        try (Browser other = new Browser()) {
            other.open(PAGE, "acme-legal-2");
            other.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exports:table")));
            other.wait.ignoring(StaleElementReferenceException.class).until(d -> {
                WebElement seen = row(d, matter);
                assertEquals("DONE", seen.findElement(By.className("export-state")).getText());
                assertTrue(seen.findElements(By.className("download")).isEmpty(), "no download link for another's export");
                return true;
            });
            HttpResponse<byte[]> refused = fetch(other.driver, bundleUrl);
            assertEquals(403, refused.statusCode(), "another legal user cannot download it");
        }
    }
}
