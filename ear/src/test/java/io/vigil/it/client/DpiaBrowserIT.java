package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The DPIA path in headless Chromium: an administrator starts an assessment, fills the CNIL sections and submits
 * it; a compliance officer (another person) approves it; the page then shows it approved, frozen, with its risk
 * map and the facts it relied on, and the list shows its state.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DpiaBrowserIT {

    private static Browser session;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() {
        session = new Browser();
        browser = session.driver;
        wait = session.wait;
    }

    @AfterAll
    static void closeBrowser() {
        if (session != null) {
            session.close();
        }
    }

    private static void tab(String title) {
        browser.findElement(By.linkText(title)).click();
    }

    private static void type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Opens a PrimeFaces select menu and picks the item with this label. A click that lands while the tab or the
     * panel is still moving can miss the item, so the pick is tried again until the label shows it.
     */
    private static void choose(String id, String label) {
        By trigger = By.cssSelector("[id='" + id + "'] .ui-selectonemenu-trigger");
        By item = By.cssSelector("[id='" + id + "_panel'] li[data-label='" + label + "']");
        By panel = By.id(id + "_panel");
        FluentWait<WebDriver> shortWait = new WebDriverWait(browser, Duration.ofSeconds(5))
                .ignoring(StaleElementReferenceException.class);
        for (int attempt = 1; ; attempt++) {
            wait.until(ExpectedConditions.elementToBeClickable(trigger)).click();
            wait.until(ExpectedConditions.elementToBeClickable(item)).click();
            boolean picked;
            try {
                picked = shortWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id + "_label"), label));
            } catch (TimeoutException e) {
                picked = false;
            }
            // a panel still open would cover the next menu's trigger: close it before going on
            if (browser.findElement(panel).isDisplayed()) {
                browser.findElement(By.tagName("h1")).click();
            }
            wait.until(ExpectedConditions.invisibilityOfElementLocated(panel));
            if (picked) {
                return;
            }
            if (attempt == 3) {
                throw new AssertionError(id + " still shows '" + browser.findElement(By.id(id + "_label")).getText()
                        + "' after picking '" + label + "' three times");
            }
        }
    }

    private static String state() {
        return browser.findElement(By.id("dpia-state")).getText();
    }

    @Test
    void anAdministratorWritesAndAComplianceOfficerApproves() {
        String title = "Browser assessment " + UUID.randomUUID().toString().substring(0, 8);
        session.open("/dpia/index.xhtml", "acme-admin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dpias:title"))).sendKeys(title);
        browser.findElement(By.id("dpias:create")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dpia-state")));
        assertEquals("Draft", state());
        assertTrue(browser.findElement(By.id("dpia-title")).getText().contains(title));

        type("dpia:tabs:processing", "AI voice agent answering card questions");
        tab("2. Fundamental principles");
        type("dpia:tabs:purposes", "Answer card and account questions");
        type("dpia:tabs:legalBasis", "Contract, Art. 6(1)(b)");
        assertTrue(browser.findElement(By.id("dpia:tabs:retention")).getAttribute("value").contains("raw caller audio"),
                "retention pre-filled from the configuration");
        tab("3. Risks");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dpia:tabs:risk:0:severity")));
        for (int i = 0; i < 3; i++) {
            choose("dpia:tabs:risk:" + i + ":severity", (i + 2) + " - " + new String[] {"limited", "significant", "maximum"}[i]);
            choose("dpia:tabs:risk:" + i + ":likelihood", "2 - limited");
        }
        tab("4. Validation");
        type("dpia:tabs:dpoOpinion", "Favourable");
        browser.findElement(By.id("dpia:submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("dpia-state"), "In review"));
        String url = browser.getCurrentUrl();
        // the author's own approval is not offered to an administrator; sign out and let compliance decide
        assertTrue(browser.findElements(By.id("dpia:approve")).isEmpty());
        session.signOut();

        session.open(url.substring(url.indexOf("/dpia/")), "acme-compliance");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dpia:approve")));
        type("dpia:note", "Approved for launch");
        browser.findElement(By.id("dpia:approve")).click();
        wait.until(ExpectedConditions.textToBe(By.id("dpia-state"), "Approved"));
        assertTrue(browser.findElements(By.id("dpia:save")).isEmpty(), "an approved version is frozen");
        assertTrue(browser.findElement(By.id("dpia:tabs:legalBasis")).getAttribute("readonly") != null);
        assertTrue(browser.findElements(By.id("dpia:new-version")).size() == 1);
        assertTrue(browser.findElements(By.id("drift-badge")).isEmpty(), "nothing changed since approval");

        tab("3. Risks");
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id='dpia:tabs:riskmap'] canvas")))
                .isDisplayed(), "the risk map chart is drawn");
        tab("Configuration facts");
        String facts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dpia:tabs:factTable"))).getText();
        assertTrue(facts.contains("Upstream model of agent") && facts.contains("Key provider of the audio key"), facts);

        session.open("/dpia/index.xhtml", "acme-compliance");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[.//a[text()='" + title + "']]")));
        assertTrue(row.getText().contains("Approved"), row.getText());
        assertTrue(browser.findElement(By.id("menu-dpia")).isDisplayed());
        session.signOut();
    }

    @Test
    void legalReadsTheRecordsOfProcessingWithoutEditing() {
        session.open("/dpia/records.xhtml", "acme-legal");
        WebElement activity = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".record-activity")));
        assertTrue(activity.getText().contains("AI voice agent for card and account support"));
        assertTrue(browser.findElement(By.id("live-configuration")).getText().contains("raw caller audio"));
        assertTrue(browser.findElements(By.id("records:add")).isEmpty(), "legal reads only");
        assertTrue(browser.findElements(By.id("records:pdf")).size() == 1);
        session.signOut();
    }
}
