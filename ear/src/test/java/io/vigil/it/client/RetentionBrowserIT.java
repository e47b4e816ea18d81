package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Retention and Legal holds pages in headless Chromium: an administrator adds and edits a jurisdiction override
 * and an auditor finds the change with its old and new value in the audit trail; one legal user holds a call, sees it
 * among the hold's calls and on the call page, cannot approve her own release request, and a second legal user can.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionBrowserIT {

    /** Bounds for reloading a page until the audit trail's group commit shows an entry. */
    private static final int MAX_RELOADS = 60;

    private static void type(Browser b, String id, String text) {
        WebElement field = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Picks a value of a PrimeFaces select menu through its widget (as a click on the item would, without racing the
     * panel's animation on a busy machine) and waits until the menu shows the item's label.
     */
    private static void choose(Browser b, String id, String value, String label) {
        ((JavascriptExecutor) b.driver).executeScript("var id = arguments[0], value = arguments[1];"
                + " var w = Object.values(PrimeFaces.widgets).find(function (x) { return x && x.id === id; });"
                + " w.selectValue(value);", id, value);
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id + "_label"), label));
    }

    private static WebElement ruleRow(Browser b, String jurisdiction) {
        return b.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@id,'policies:rules')]//tr[td[normalize-space()='" + jurisdiction + "']]")));
    }

    private static void save(Browser b, String expectedMessage) {
        b.driver.findElement(By.id("policies:save")).click();
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("policies:msgs"), expectedMessage));
    }

    @Test
    void anAdministratorEditsAnOverrideAndAnAuditorSeesOldAndNewValue() throws InterruptedException {
        // a jurisdiction of this test's own, removed at the end: the tenant's other rules stay as they were
        String jurisdiction = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String key = "standard/ANNOTATIONS/" + jurisdiction;
        try (Browser b = new Browser()) {
            b.open("/retention/index.xhtml", "northwind-admin");
            type(b, "policies:class", "standard");
            choose(b, "policies:data", "ANNOTATIONS", "Annotations");
            type(b, "policies:jurisdiction", jurisdiction);
            b.driver.findElement(By.id("policies:days_input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "365");
            choose(b, "policies:action", "DELETE", "Delete");
            save(b, "Saved: Annotations in " + jurisdiction);
            assertTrue(ruleRow(b, jurisdiction).getText().contains("365 days"), ruleRow(b, jurisdiction).getText());

            WebElement formBefore = b.driver.findElement(By.id("policies:days_input"));
            ruleRow(b, jurisdiction).findElement(By.cssSelector("button.edit")).click();
            b.wait.until(ExpectedConditions.stalenessOf(formBefore)); // the form is rendered again with the rule
            b.wait.until(ExpectedConditions.attributeToBe(By.id("policies:jurisdiction"), "value", jurisdiction));
            WebElement days = b.driver.findElement(By.id("policies:days_input"));
            days.sendKeys(Keys.chord(Keys.CONTROL, "a"), "400");
            save(b, "400 days");
            assertTrue(ruleRow(b, jurisdiction).getText().contains("400 days"), ruleRow(b, jurisdiction).getText());
            b.screenshot("retention-policies.png");
            b.signOut();

            b.open("/audit/index.xhtml", "northwind-compliance");
            String change = null;
            for (int i = 0; i < MAX_RELOADS && change == null; i++) {
                type(b, "audit:objectId", key);
                b.driver.findElement(By.id("audit:objectId")).sendKeys(Keys.TAB);
                b.wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return jQuery.active === 0"));
                change = b.wait.until(d -> {
                    try { // the table may be rendered again by the filter's request meanwhile: read it again then
                        return Optional.ofNullable(d.findElements(By.cssSelector("[id='audit:table'] tbody tr")).stream()
                                .map(WebElement::getText).filter(row -> row.contains("400 days, DELETE")).findFirst().orElse(null));
                    } catch (StaleElementReferenceException e) {
                        return null;
                    }
                }).orElse(null);
                if (change == null) {
                    Thread.sleep(500);
                    b.driver.navigate().refresh(); // the trail commits in groups: the entry appears shortly
                }
            }
            assertTrue(change != null, "the change is in the audit trail");
            // the entry's details hold both values: old 365 days, new 400 days
            assertTrue(change.contains("retention.policy-change") && change.contains("365 days, DELETE"), change);
            String table = b.wait.until(d -> {
                try {
                    return d.findElement(By.id("audit:table")).getText();
                } catch (StaleElementReferenceException e) {
                    return null;
                }
            });
            assertTrue(table.contains("none") && table.contains("365 days, DELETE"), "the override's creation is there too: " + table);
            b.signOut();

            b.open("/retention/index.xhtml", "northwind-admin");
            ruleRow(b, jurisdiction).findElement(By.cssSelector("button.remove")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("policies:msgs"), "was removed"));
            assertFalse(b.driver.findElement(By.id("policies:rules")).getText().contains(jurisdiction));
        }
    }

    @Test
    void aHoldIsCreatedByOneLegalUserAndReleasedOnlyWithASecond() {
        String call = anAcmeCall();
        String reference = "BRW-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser b = new Browser()) {
            b.open("/legal/holds.xhtml", "acme-legal");
            type(b, "create:matter", "Browser v. Acme Bank");
            type(b, "create:reference", reference);
            type(b, "create:calls", call);
            b.driver.findElement(By.id("create:createHold")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("create:createMsgs"), "created: 1 call(s) held now"));

            holdRow(b, reference).findElement(By.cssSelector("button.show-calls")).click();
            WebElement held = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".held-calls a.held-call")));
            assertEquals(call, held.getText(), "the hold lists the call it keeps");
            assertEquals("1", holdRow(b, reference).findElement(By.cssSelector(".hold-calls")).getText());
            b.screenshot("legal-holds.png");

            b.open("/call.xhtml?id=" + call, "acme-legal");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("held-badge")));
            assertTrue(b.driver.findElement(By.id("retention")).getText().contains(reference));
            b.screenshot("call-retention.png");

            b.open("/legal/holds.xhtml", "acme-legal");
            holdRow(b, reference).findElement(By.cssSelector("button.request")).click();
            WebElement reason = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".ui-dialog[aria-hidden='false'] textarea")));
            reason.sendKeys("The matter settled; counsel confirmed in writing");
            reason.findElement(By.xpath("ancestor::div[contains(@class,'ui-dialog')]//button[.//span[text()='Ask']]")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("holds:msgs"), "another legal user must approve"));
            assertEquals("RELEASE_REQUESTED", holdRow(b, reference).findElement(By.cssSelector(".hold-state")).getText());
            WebElement ownApproval = holdRow(b, reference).findElement(By.cssSelector("button.approve"));
            assertFalse(ownApproval.isEnabled(), "the one who asked cannot approve");
            assertTrue(ownApproval.getAttribute("title").contains("another legal user approves"));
            b.signOut();

            b.open("/legal/holds.xhtml", "acme-legal-2");
            WebElement approval = holdRow(b, reference).findElement(By.cssSelector("button.approve"));
            assertTrue(approval.isEnabled(), "a second legal user may approve");
            approval.click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("holds:msgs"), "released"));
            assertEquals("RELEASED", holdRow(b, reference).findElement(By.cssSelector(".hold-state")).getText());

            b.open("/call.xhtml?id=" + call, "acme-legal-2");
            WebElement panel = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("retention")));
            assertTrue(b.driver.findElements(By.id("held-badge")).isEmpty(), "the call is no longer held");
            assertTrue(panel.getText().contains(reference) && panel.getText().contains("RELEASED"), panel.getText());
            b.signOut();
        }
    }

    private static WebElement holdRow(Browser b, String reference) {
        return b.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@id,'holds:list')]//tr[.//small[text()='" + reference + "']]")));
    }

    /** A demo call of Acme Bank, the newest: holds on it are released by the end of the test. */
    private static String anAcmeCall() {
        String body = TestStack.get("/api/v1/calls?limit=1", TestStack.userToken("acme-compliance")).body();
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }
}
