package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Agent upstreams page in headless Chromium: an administrator points an agent profile at a Realtime endpoint
 * (its API key named, never entered), is told what to fix for a bad URL, sees that the key setting is missing on the
 * server, and goes back to the embedded agent; the change is in the audit trail with old and new values. It uses
 * the second demo tenant and restores the embedded agent, so the other live-session tests are not affected.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentUpstreamBrowserIT {

    private static final String URL = "wss://realtime.example.test/v1/realtime";

    @Test
    void anAdministratorSetsAnAgentsUpstreamAndGoesBackToTheEmbeddedAgent() throws Exception {
        try (Browser session = new Browser()) {
            WebDriver browser = session.driver;
            session.open("/admin/agent-upstreams.xhtml", "northwind-admin");
            assertTrue(browser.findElement(By.id("menu-agent-upstreams")).isDisplayed());
            edit(session);
            type(browser, "url", "http://not-a-websocket.example.test");
            type(browser, "keySetting", "NORTHWIND_TEST_OPENAI_API_KEY");
            browser.findElement(By.id("upstreams:save")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upstreams:msgs"),
                    "must be a WebSocket address"));

            type(browser, "url", URL);
            type(browser, "keySetting", "VIGIL_DB_PASSWORD");
            browser.findElement(By.id("upstreams:save")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upstreams:msgs"),
                    "ending in API_KEY"));

            type(browser, "keySetting", "NORTHWIND_TEST_OPENAI_API_KEY");
            type(browser, "model", "gpt-realtime");
            type(browser, "voice", "alloy");
            type(browser, "instructions", "You are the front desk of Northwind Health.");
            browser.findElement(By.id("upstreams:save")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upstreams:msgs"), "Saved"));
            String table = browser.findElement(By.id("upstreams:profiles")).getText();
            assertTrue(table.contains(URL) && table.contains("NORTHWIND_TEST_OPENAI_API_KEY")
                    && table.contains("missing on this server"), table);

            edit(session);
            assertEquals(URL, browser.findElement(By.id("upstreams:url")).getAttribute("value"), "saved");
            browser.findElement(By.id("upstreams:embedded")).click();
            session.wait.until(d -> d.findElement(By.id("upstreams:url")).getAttribute("value").isEmpty());
            browser.findElement(By.id("upstreams:save")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upstreams:msgs"), "Saved"));
            String after = browser.findElement(By.id("upstreams:profiles")).getText();
            assertFalse(after.contains(URL), after);
            assertTrue(after.contains("Embedded agent"), after);
        }
        String audit = auditedChange();
        assertTrue(audit.contains("url.new") && audit.contains(URL) && audit.contains("NORTHWIND_TEST_OPENAI_API_KEY"),
                "old and new values: " + audit);
        assertFalse(audit.toLowerCase().contains("sk-"), "no key in the audit trail");
    }

    @Test
    void aSupervisorCannotOpenThePage() {
        try (Browser session = new Browser()) {
            session.open("/admin/agent-upstreams.xhtml", "northwind-supervisor");
            assertTrue(session.driver.findElements(By.id("upstreams:profiles")).isEmpty(), "administrators only");
            assertTrue(session.driver.findElements(By.id("menu-agent-upstreams")).isEmpty());
        }
    }

    private static void edit(Browser session) {
        session.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#upstreams\\:profiles .edit")))
                .click();
        session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upstreams:url")));
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id("upstreams:" + id));
        field.clear();
        field.sendKeys(text);
    }

    /** The audit trail's entries of upstream changes, from the tenant's audit export (queued, so asked again). */
    private static String auditedChange() throws Exception {
        String token = TestStack.userToken("northwind-compliance");
        String found = "";
        for (int attempt = 0; attempt < 100 && !found.contains("url.old"); attempt++) {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(TestStack.baseUrl() + "/api/v1/audit/export"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            StringBuilder lines = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .filter(l -> l.contains("agent.upstream-change")).forEach(l -> lines.append(l).append('\n'));
                }
            }
            found = lines.toString();
            if (!found.contains("url.old")) {
                Thread.sleep(200);
            }
        }
        return found;
    }
}
