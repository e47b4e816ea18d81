package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Each role signs in through Keycloak and sees exactly the pages it may; sign-out really signs out. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessControlBrowserIT {

    private static void assertForbidden(Browser b, String path) {
        b.driver.get(TestStack.baseUrl() + path);
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("forbidden")));
    }

    private static void assertUserMenu(Browser b, String name, String role) {
        String shownName = b.driver.findElement(By.id("user-name")).getText();
        String shownRoles = b.driver.findElement(By.id("user-roles")).getText();
        assertTrue(shownName.contains(name), "user menu name: " + shownName);
        assertTrue(shownRoles.contains(role), "user menu roles: " + shownRoles);
    }

    @Test
    void eachRoleOpensOnlyItsPages() {
        try (Browser b = new Browser()) {
            b.open("/calls.xhtml", "acme-supervisor");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.call-link")));
            assertUserMenu(b, "acme-supervisor", "supervisor");
            assertForbidden(b, "/admin/system.xhtml");
            assertForbidden(b, "/audit/index.xhtml");
            b.signOut();

            b.open("/admin/system.xhtml", "acme-admin");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("system")));
            assertUserMenu(b, "acme-admin", "admin");
            b.driver.get(TestStack.baseUrl() + "/admin/redaction.xhtml");
            b.wait.until(ExpectedConditions.elementToBeClickable(By.id("preview:run"))).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview:findings"), "CREDIT_CARD"));
            assertTrue(b.driver.findElement(By.id("redacted")).getText().contains("EMAIL_ADDRESS"));
            assertForbidden(b, "/calls.xhtml");
            assertForbidden(b, "/call.xhtml?id=00000000-0000-0000-0000-000000000000");
            // the audit page: an administrator sees the log and verifies it against a fresh checkpoint
            assertEquals(200, TestStack.postJson("/api/v1/audit/checkpoint", TestStack.userToken("acme-admin"), "{}")
                    .statusCode());
            b.driver.get(TestStack.baseUrl() + "/audit/index.xhtml");
            b.wait.until(ExpectedConditions.elementToBeClickable(By.id("audit:verify"))).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-result")));
            assertTrue(b.driver.findElement(By.id("verification-result")).getAttribute("class").contains("vigil-ok"),
                    b.driver.findElement(By.id("verification-result")).getText());
            b.signOut();

            b.open("/", "acme-legal");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.call-link")));
            assertUserMenu(b, "acme-legal", "legal");
            assertForbidden(b, "/admin/system.xhtml");
            assertForbidden(b, "/admin/keys.xhtml");
            assertForbidden(b, "/audit/index.xhtml");
            b.signOut();

            // security receives escalated flags: it reads calls and the queue, and nothing of the administration
            b.open("/review/queue.xhtml", "acme-security");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
            assertUserMenu(b, "acme-security", "security");
            b.driver.get(TestStack.baseUrl() + "/calls.xhtml");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.call-link")));
            assertForbidden(b, "/audit/index.xhtml");
            assertForbidden(b, "/admin/keys.xhtml");
            assertForbidden(b, "/admin/redaction.xhtml");
            b.signOut();

            b.open("/audit/index.xhtml", "acme-compliance");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit:verify")));
            assertUserMenu(b, "acme-compliance", "compliance-officer");
            assertForbidden(b, "/admin/system.xhtml");
            b.signOut();

            // signed out at Keycloak too: the console asks for a password again
            b.driver.get(TestStack.baseUrl() + "/calls.xhtml");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        }
    }

    @Test
    void aCallOfAnotherTenantIsNotFoundByUrl() {
        String body = TestStack.get("/api/v1/calls?limit=1", TestStack.userToken("acme-compliance")).body();
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(body);
        assertTrue(m.find(), body);
        try (Browser b = new Browser()) {
            b.open("/call.xhtml?id=" + m.group(1), "northwind-compliance");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
        }
    }
}
