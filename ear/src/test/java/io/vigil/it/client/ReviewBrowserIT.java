package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The review flow in headless Chromium, on a recorded demo call: a supervisor flags it twice (at 0:07, MEDIUM and
 * HIGH) and annotates a range picked on the waveform, which shows on the timeline and in the export; a compliance
 * officer opens the MEDIUM flag from the queue, the player stands at the evidence time, they claim, listen and
 * resolve it; the HIGH flag's resolution waits for a second compliance officer, who approves it. Screenshots of the
 * queue, the call page and the dashboards go to docs/images.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReviewBrowserIT {

    private static final int EVIDENCE_MS = 7_000;

    private static Object js(Browser b, String script, Object... args) {
        return ((JavascriptExecutor) b.driver).executeScript(script, args);
    }

    /** Picks a value of a PrimeFaces select by its client id and fires its change (and so its ajax), as a click would. */
    private static void choose(Browser b, String clientId, String value) {
        js(b, "var id = arguments[0], value = arguments[1];"
                + " var w = Object.values(PrimeFaces.widgets).find(function (x) { return x && x.id === id; });"
                + " w.selectValue(value); w.triggerChange();", clientId, value);
    }

    /** The newest calls come first and the newest consented ones have recordings: opens the first with a player. */
    private static String openRecordedCall(Browser b) {
        b.open("/calls.xhtml", "acme-supervisor");
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.call-link")));
        List<String> calls = b.driver.findElements(By.cssSelector("a.call-link")).stream()
                .map(a -> a.getAttribute("href")).limit(25).toList();
        for (String href : calls) {
            b.driver.get(href);
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transcript")));
            if (!b.driver.findElements(By.id("player")).isEmpty()) {
                return href.replaceAll(".*[?&]id=([0-9a-f-]{36}).*", "$1");
            }
        }
        throw new AssertionError("one of the newest demo calls has a recording");
    }

    private static String raiseFlag(Browser b, String severity, String evidence) {
        choose(b, "raiseFlag:severity", severity);
        b.driver.findElement(By.id("raiseFlag:at")).sendKeys("0:07");
        b.driver.findElement(By.id("raiseFlag:evidence")).sendKeys(evidence);
        b.driver.findElement(By.id("raiseFlag:raise")).click();
        By flag = By.xpath("//div[contains(@class,'vigil-review-flag')][.//p[contains(.,'" + evidence + "')]]");
        WebElement raised = b.wait.until(ExpectedConditions.presenceOfElementLocated(flag));
        return raised.getAttribute("id").substring("flag-".length());
    }

    private static WebElement inFlag(Browser b, String flagId, String suffix) {
        return b.wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#flag-" + flagId + " [id$=':" + suffix + "']")));
    }

    private static String stateOf(Browser b, String flagId) {
        return b.driver.findElement(By.cssSelector("#flag-" + flagId + " header .state")).getText();
    }

    @Test
    void aFlagIsClaimedHeardAtItsEvidenceAndResolvedAndAnAnnotationReachesTheTimelineAndTheExport() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String callId;
        String medium;
        String high;
        String annotationNote = "agent talked over the caller " + tag;
        try (Browser b = new Browser()) {
            // a supervisor flags the call and annotates a range picked on the waveform
            callId = openRecordedCall(b);
            // "Card services v3 (model)": the export takes the profile's name, every version
            String agent = b.driver.findElement(By.cssSelector("dl.vigil-meta dd")).getText().replaceAll(" \\(.*", "")
                    .replaceAll(" v\\d+$", "");
            medium = raiseFlag(b, "MEDIUM", "browser test medium " + tag);
            high = raiseFlag(b, "HIGH", "browser test high " + tag);
            b.wait.until(d -> !"0".equals(d.findElement(By.id("player")).getAttribute("data-peaks-loaded") + "")
                    && d.findElement(By.id("player")).getAttribute("data-peaks-loaded") != null);

            WebElement wave = b.driver.findElement(By.id("player-wave"));
            int width = wave.getSize().getWidth();
            new Actions(b.driver).moveToElement(wave, -width / 10, 0).clickAndHold()
                    .moveByOffset(width / 20, 0).moveByOffset(width / 20, 0).release().perform();
            String start = b.driver.findElement(By.id("annotations:start")).getAttribute("value");
            String end = b.driver.findElement(By.id("annotations:end")).getAttribute("value");
            int rangeStart = Integer.parseInt(b.driver.findElement(By.id("player")).getAttribute("data-range-start-ms"));
            int rangeEnd = Integer.parseInt(b.driver.findElement(By.id("player")).getAttribute("data-range-end-ms"));
            assertTrue(rangeEnd > rangeStart, "a range was dragged: " + rangeStart + "-" + rangeEnd);
            assertFalse(start.isBlank(), "the waveform filled From");
            assertFalse(end.isBlank(), "the waveform filled To");

            choose(b, "annotations:category", "TALKED_OVER_CALLER");
            choose(b, "annotations:annotationSeverity", "HIGH");
            b.driver.findElement(By.id("annotations:annotationNote")).sendKeys(annotationNote);
            b.driver.findElement(By.id("annotations:saveAnnotation")).click();
            WebElement time = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//tr[td[contains(.,'" + annotationNote + "')]]//a[contains(@class,'annotation-time')]")));
            String annotationId = time.getAttribute("data-annotation");
            int savedStart = Integer.parseInt(time.getAttribute("data-seek-ms"));
            assertTrue(Math.abs(savedStart - rangeStart) <= 50, savedStart + " vs " + rangeStart);
            // on the timeline, at that time
            WebElement marker = b.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".vigil-marker.kind-ANNOTATION[data-ref='" + annotationId + "']")));
            assertEquals(savedStart, Integer.parseInt(marker.getAttribute("data-start-ms")));
            assertTrue(marker.getAttribute("title").contains("Talked over the caller"), marker.getAttribute("title"));
            assertFalse(b.driver.findElements(By.cssSelector(".vigil-marker.kind-FLAG[data-ref='" + medium + "']"))
                    .isEmpty(), "the flag shows on the timeline too");
            b.screenshot("review-call.png");

            // and in the export of the agent's annotations of today
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            HttpResponse<String> csv = TestStack.get("/api/v1/annotations/export?format=csv&agentProfile="
                    + URLEncoder.encode(agent, StandardCharsets.UTF_8) + "&from=" + today + "&to=" + today,
                    TestStack.userToken("acme-supervisor"));
            assertEquals(200, csv.statusCode(), csv.body());
            String line = csv.body().lines().filter(l -> l.startsWith(annotationId)).findFirst().orElseThrow(
                    () -> new AssertionError("the annotation is in the export: " + csv.body()));
            assertTrue(line.contains("," + callId + ","), line);
            assertTrue(line.contains(",TALKED_OVER_CALLER,Talked over the caller,HIGH," + savedStart + ","), line);
            assertTrue(line.contains(annotationNote), line);
            assertEquals(400, TestStack.get("/api/v1/annotations/export?format=xml&from=" + today + "&to=" + today,
                    TestStack.userToken("acme-supervisor")).statusCode());
            assertEquals(403, TestStack.get("/api/v1/annotations/export?format=csv&from=" + today + "&to=" + today,
                    TestStack.userToken("acme-admin")).statusCode());

            b.driver.get(TestStack.baseUrl() + "/dashboards.xhtml");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#annotation-categories canvas")));
            b.screenshot("review-dashboards.png");
            b.signOut();

            // a compliance officer opens the flag from the queue: the player stands at the evidence time
            b.open("/review/queue.xhtml", "acme-compliance");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue:table")));
            choose(b, "queue:reason", "SUPERVISOR_FLAG");
            By evidence = By.cssSelector("a.evidence-link[href*='flag=" + medium + "']");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(evidence));
            b.screenshot("review-queue.png");
            b.driver.findElement(evidence).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
            assertEquals(String.valueOf(EVIDENCE_MS), b.driver.findElement(By.id("player")).getAttribute("data-position-ms"));
            assertEquals("0:07", b.driver.findElement(By.id("player-time")).getText());

            inFlag(b, medium, "claim").click();
            inFlag(b, medium, "resolve");
            b.driver.findElement(By.id("player-toggle")).click();
            // playback starts from the evidence, not from the beginning of the call
            b.wait.until(d -> ((Number) js(b, "var a = document.getElementById('player-audio');"
                    + " return a.readyState >= 1 ? a.currentTime * 1000 : -1;")).doubleValue() >= EVIDENCE_MS - 50);
            b.driver.findElement(By.id("player-toggle")).click();
            choose(b, inFlag(b, medium, "disposition").getAttribute("id"), "FALSE_POSITIVE");
            inFlag(b, medium, "note").sendKeys("listened at 0:07: the agent did not say it");
            inFlag(b, medium, "resolve").click();
            b.wait.until(d -> stateOf(b, medium).equals("resolved"));

            // a HIGH flag: one person's resolution is only a proposal, which they cannot approve themselves
            inFlag(b, high, "claim").click();
            inFlag(b, high, "resolve");
            choose(b, inFlag(b, high, "disposition").getAttribute("id"), "CONFIRMED");
            inFlag(b, high, "note").sendKeys("confirmed on the recording");
            inFlag(b, high, "resolve").click();
            b.wait.until(d -> stateOf(b, high).equals("pending approval"));
            assertTrue(b.driver.findElements(By.cssSelector("#flag-" + high + " [id$=':approve']")).isEmpty(),
                    "no approval of one's own resolution");
            assertTrue(b.driver.findElement(By.id("reviewFlags:msgs")).getText().contains("four eyes"));
            b.signOut();

            // a second compliance officer approves it
            b.open("/call.xhtml?id=" + callId + "&flag=" + high, "acme-compliance-2");
            inFlag(b, high, "approve").click();
            b.wait.until(d -> stateOf(b, high).equals("resolved"));
            String history = b.driver.findElement(By.cssSelector("#flag-" + high + " .vigil-history")).getText();
            assertTrue(history.contains("Morgan") || history.contains("acme-compliance-2"), history);
        }
    }
}
