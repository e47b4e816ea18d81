package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's test call in headless Chromium with a fake microphone (a WAV of voiced bursts and pauses, looped by
 * Chromium): a supervisor starts a call to the embedded agent, the live transcript shows the agent's greeting, the
 * caller's turns and the agent's replies, hanging up gives a link, and the link opens the stored call with its
 * transcript. The page opens the microphone only after the greeting has played, so the caller's first burst no longer
 * cancels the disclosure.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TestCallBrowserIT {

    @Test
    void aSupervisorCallsTheAgentFromTheBrowserAndOpensTheStoredCall() throws Exception {
        Path wav = Path.of(System.getProperty("vigil.it.tmpdir", System.getProperty("java.io.tmpdir")))
                .resolve("test-call-caller.wav");
        Files.write(wav, callerWav());
        try (Browser session = new Browser("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + wav, "--autoplay-policy=no-user-gesture-required")) {
            WebDriver browser = session.driver;
            WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(90));
            session.open("/test-call.xhtml", "acme-supervisor");
            session.wait.until(ExpectedConditions.elementToBeClickable(By.id("test-call-start"))).click();

            try {
                slow.until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-call-transcript"),
                        "virtual assistant"));
            } catch (TimeoutException e) {
                throw new AssertionError("the agent's greeting never showed; transcript: "
                        + browser.findElement(By.id("test-call-transcript")).getText() + "; status: "
                        + browser.findElement(By.id("test-call-status")).getText() + "; events: "
                        + browser.findElement(By.id("test-call-events")).getText() + "; console: "
                        + browser.manage().logs().get("browser").getAll(), e);
            }
            slow.until(d -> d.findElements(By.cssSelector("#test-call-transcript li.caller")).size() >= 2);
            // the greeting and at least one reply to the caller
            slow.until(d -> d.findElements(By.cssSelector("#test-call-transcript li.agent")).size() >= 2);
            assertTrue(browser.findElement(By.id("test-call-events")).getText().contains("speech started"));

            browser.findElement(By.id("test-call-hangup")).click();
            session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("test-call-link")));
            String href = browser.findElement(By.id("test-call-link")).getAttribute("href");
            assertTrue(href.contains("/call.xhtml?id="), href);
            browser.findElement(By.id("test-call-link")).click();

            // the persistence worker stores the call's records every 200 ms: reload until they are there
            slow.until(d -> {
                if (d.findElements(By.cssSelector("#transcript li")).isEmpty()) {
                    d.navigate().refresh();
                    return false;
                }
                return d.findElement(By.id("transcript")).getText().contains("virtual assistant");
            });
            assertTrue(browser.getPageSource().contains("BROWSER"), "the stored call's channel");
        }
    }

    /** 24 kHz mono PCM16: 1 s of a voiced buzz, then 6 s of quiet; Chromium loops it as the microphone. */
    private static byte[] callerWav() throws IOException {
        int rate = 24_000;
        int voiced = rate;
        int total = rate * 7;
        ByteBuffer pcm = ByteBuffer.allocate(total * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < total; i++) {
            double v = 0;
            if (i < voiced) {
                double t = (double) i / rate;
                for (int h = 1; h <= 6; h++) {
                    v += Math.sin(2 * Math.PI * 140 * h * t) / h;
                }
            }
            pcm.putShort((short) Math.round(v * 6000));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + total * 2).put("WAVE".getBytes()).put("fmt ".getBytes())
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(total * 2);
        out.write(header.array());
        out.write(pcm.array());
        return out.toByteArray();
    }
}
