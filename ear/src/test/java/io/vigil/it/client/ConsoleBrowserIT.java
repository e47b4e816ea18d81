package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person's path through the console in headless Chromium: the calls list, paging, a call's transcript. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleBrowserIT {

    private static final Pattern PAGE_REPORT = Pattern.compile("(\\d+)–(\\d+) of (\\d+)");
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

    private static int[] pageReport() {
        String text = browser.findElement(By.cssSelector(".ui-paginator-current")).getText();
        Matcher m = PAGE_REPORT.matcher(text);
        assertTrue(m.find(), "page report: " + text);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    @Test
    void pageThroughCallsAndOpenATranscript() {
        session.open("/calls.xhtml", "acme-compliance");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.call-link")));
        assertEquals("Acme Bank", browser.findElement(By.id("user-tenant")).getText());
        int[] first = pageReport();
        assertEquals(1, first[0]);
        assertEquals(25, first[1]);
        assertTrue(first[2] > 50, "enough demo calls for several pages: " + first[2]);
        String firstRowStart = browser.findElement(By.cssSelector("a.call-link")).getText();

        browser.findElement(By.cssSelector(".ui-paginator-next")).click();
        wait.until(ExpectedConditions.textMatches(By.cssSelector(".ui-paginator-current"), Pattern.compile("^26–50 of")));
        List<WebElement> links = browser.findElements(By.cssSelector("a.call-link"));
        assertEquals(25, links.size());
        assertTrue(links.get(0).getText().compareTo(firstRowStart) <= 0, "page two is older than page one");

        links.get(0).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript li")));
        List<WebElement> turns = browser.findElements(By.cssSelector("#transcript li"));
        assertTrue(turns.size() >= 4, "a call has several turns");
        assertTrue(turns.get(0).getText().contains("AGENT"));
        assertTrue(turns.get(0).getText().contains("ai assistant"), "the AI disclosure opens the call");
        assertTrue(browser.getTitle().startsWith("Call"));

        // break-glass: the original needs a reason, then shows beside the redacted transcript
        browser.findElement(By.id("tabs:breakGlass:open")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:breakGlass:justification")))
                .sendKeys("quality review of ticket 2026-0412");
        browser.findElement(By.id("tabs:breakGlass:reveal")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#original-transcript li")));
        assertEquals(turns.size(), browser.findElements(By.cssSelector("#original-transcript li")).size());
    }

    @Test
    void anUnknownCallShowsTheNotFoundPage() {
        session.open("/call.xhtml?id=4b1c7c9e-0000-4000-8000-000000000000", "acme-compliance");
        WebElement notFound = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
        assertTrue(notFound.getText().contains("Back to the calls"));
    }
}
