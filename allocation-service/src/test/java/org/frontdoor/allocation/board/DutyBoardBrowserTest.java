package org.frontdoor.allocation.board;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.EventTypes;
import org.frontdoor.localstack.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The duty board as a duty manager uses it, in a real headless Chromium (Debian's chromium and chromium-driver):
 * a new referral appears without a reload, allocating it from the page takes it off the queue and fills the
 * worker's bar, and an alert appears when a caseload reaches its threshold; an allocation over the threshold asks
 * for a reason. Leaves a screenshot at {@code target/duty-board.png}.
 */
@QuarkusTest
class DutyBoardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration LIVE = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI base;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install Debian's chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed: "
                + "apt-get install chromium chromium-driver to run the browser test");
        profile = Files.createTempDirectory("duty-board-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1600,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aDutyManagerSeesReferralsArriveAllocatesThemAndIsAlerted() throws IOException {
        String team = "board-" + UUID.randomUUID().toString().substring(0, 8);
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("""
                        {"displayName": "Sam Patel", "team": "%s", "fte": 1.0, "caseHolding": true, "caseloadThreshold": 2}
                        """.formatted(team))
                .put("/workers/" + workerId).then().statusCode(201);

        browser.get("http://duty:duty@" + base.getHost() + ":" + base.getPort() + "/?team=" + team);
        WebDriverWait wait = new WebDriverWait(browser, LIVE);
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-worker-id='" + workerId + "']")));

        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            // A referral appears without a reload; allocating it takes it off the queue and fills Sam's bar.
            String first = openCase(publisher, team, "child-b1");
            allocateFromThePage(wait, first, workerId, null);
            wait.until(d -> "50".equals(bar(workerId).getAttribute("aria-valuenow")));

            // The second case brings Sam to the threshold: the caseload alert appears on the board.
            String second = openCase(publisher, team, "child-b2");
            allocateFromThePage(wait, second, workerId, null);
            wait.until(d -> "100".equals(bar(workerId).getAttribute("aria-valuenow")));
            WebElement alert = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#alert-list li[data-kind='CASELOAD_OVER_THRESHOLD']")));
            assertTrue(alert.getText().contains("Caseload over threshold"), alert.getText());

            // A third: Sam is at threshold, so the page asks for a reason before allocating.
            String third = openCase(publisher, team, "child-b3");
            allocateFromThePage(wait, third, workerId, "Sam already knows the family");
            assertEquals("3 cases", browser.findElement(By.cssSelector("[data-worker-id='" + workerId + "'] .figures"))
                    .getText().replaceAll("\\s+(Green|Amber|Red)$", ""));
        } finally {
            screenshot();
        }
    }

    private void allocateFromThePage(WebDriverWait wait, String caseId, String workerId, String overrideReason) {
        By row = By.cssSelector("#queue-body tr[data-case-id='" + caseId + "']");
        WebElement arrived = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        Select worker = new Select(arrived.findElement(By.tagName("select")));
        wait.until(d -> worker.getOptions().stream().anyMatch(o -> workerId.equals(o.getAttribute("value"))));
        worker.selectByValue(workerId);
        WebElement reason = arrived.findElement(By.name("overrideReason"));
        if (overrideReason == null) {
            assertTrue(!reason.isDisplayed(), "no reason is asked under the threshold");
        } else {
            wait.until(ExpectedConditions.visibilityOf(reason));
            arrived.findElement(By.tagName("button")).click();
            assertEquals("Give a reason for allocating over the threshold.",
                    arrived.findElement(By.cssSelector(".error")).getText(), "an empty reason is refused on the page");
            reason.sendKeys(overrideReason);
        }
        arrived.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
    }

    private WebElement bar(String workerId) {
        return browser.findElement(By.cssSelector("[data-worker-id='" + workerId + "'] [role='meter']"));
    }

    private String openCase(EventPublisher publisher, String team, String childRef) {
        String caseId = UUID.randomUUID().toString();
        Instant openedAt = Instant.now().minusSeconds(5);
        publisher.publish(EventTypes.CASE_OPENED, caseId, childRef, """
                {"caseId": "%s", "childRef": "%s", "contactId": "%s", "occurredAt": "%s",
                 "referralDate": "%s", "team": "%s", "source": "6", "reReferral": false,
                 "referralsInPrevious12Months": 0}
                """.formatted(caseId, childRef, UUID.randomUUID(), openedAt, WorkingCalendar.londonDate(openedAt),
                team));
        return caseId;
    }

    private void screenshot() throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "duty-board.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
