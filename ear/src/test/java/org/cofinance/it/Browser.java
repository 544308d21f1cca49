package org.cofinance.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One user's headless Chromium on the application's pages (Debian's chromium and chromedriver, given by path so that
 * Selenium never looks for a browser on the network). Its downloads land in a folder of its own.
 */
final class Browser implements AutoCloseable {

    static final String BASE = TestPorts.applicationUrl();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path downloads;
    private final String base;
    final String name;

    Browser(String name) {
        this(name, BASE);
    }

    /** A browser on the application at another root (the cluster's balancer). */
    Browser(String name, String base) {
        this.name = name;
        this.base = base;
        try {
            downloads = Files.createTempDirectory("cofinance-downloads-" + name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("cofinance.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--window-size=1400,1000", "--lang=fr-FR");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("cofinance.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** The value of a cookie the browser holds for the application, if it holds one. */
    Optional<String> cookie(String name) {
        return Optional.ofNullable(driver.manage().getCookieNamed(name)).map(org.openqa.selenium.Cookie::getValue);
    }

    /** Goes to an address outside the application (another site, or the API itself). */
    Browser visit(String url) {
        driver.get(url);
        return this;
    }

    /** Signs in through the login page; lands on the user's start page. */
    Browser signIn(String username, String password) {
        open("/login.xhtml");
        type(By.id("login:username"), username);
        type(By.id("login:password"), password);
        clickAndWait(By.id("login:sign-in"));
        return this;
    }

    /** On the password page a user whose password an administrator set is sent to: chooses his own. */
    Browser chooseOwnPassword(String current, String chosen) {
        type(By.id("password:current"), current);
        type(By.id("password:new"), chosen);
        type(By.id("password:confirmation"), chosen);
        clickAndWait(By.id("password:change"));
        return this;
    }

    Browser signIn(String username) {
        signIn(username, username);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
        return this;
    }

    /** Runs a script in the page (to observe what the page's own scripts do) and returns its result. */
    Object script(String script, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Waits until the page's own background updates (PrimeFaces' queue) have all been answered. */
    void awaitUpdatesAnswered() {
        wait.until(d -> Boolean.TRUE.equals(script("return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()")));
    }

    /** Whether the page is still the one {@code element} belongs to. */
    boolean stillShows(WebElement element) {
        return !isGone(element);
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Optional<WebElement> maybe(By by) {
        return driver.findElements(by).stream().findFirst();
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    void choose(By by, String visibleText) {
        new Select(find(by)).selectByVisibleText(visibleText);
    }

    /** Chooses the first option whose text starts with {@code start}. */
    void chooseStartingWith(By by, String start) {
        Select select = new Select(find(by));
        select.getOptions().stream().filter(o -> o.getText().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no option starting with " + start + " in " + by))
                .click();
    }

    /** Clicks and waits for the page it leads to (the old page goes stale). */
    void clickAndWait(By by) {
        clickAndWait(find(by));
    }

    void clickAndWait(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        wait.until(d -> isGone(html));
    }

    /** Whether the element's document was replaced; Chromium says so in two ways. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Waits until an Ajax update shows exactly {@code text} in the element (no-break spaces read as spaces). */
    void waitForText(By by, String text) {
        wait.until(d -> plain(d.findElement(by).getText()).equals(text));
    }

    /** The element's text, no-break spaces read as spaces; read again if an Ajax update replaced the element. */
    String text(By by) {
        return wait.until(d -> plain(d.findElement(by).getText()));
    }

    /** Presses keys on whatever has the focus, as someone without a mouse would. */
    void press(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    /**
     * Presses Tab until the element of that id has the focus (at most 80 times).
     *
     * @throws AssertionError when the keyboard never reaches it
     */
    void tabTo(String id) {
        for (int i = 0; i < 80; i++) {
            if (id.equals(driver.switchTo().activeElement().getAttribute("id"))) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("the keyboard never reaches #" + id + " on " + driver.getCurrentUrl());
    }

    /**
     * The rules of WCAG 2.0 and 2.1, levels A and AA, that axe-core finds broken on the page as it stands, at a serious
     * or critical impact: each rule with its impact and the first elements that break it.
     */
    List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + ") on " + driver.getCurrentUrl() + ": "
                        + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }

    static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    String value(By by) {
        return find(by).getAttribute("value");
    }

    String title() {
        return driver.getTitle();
    }

    String source() {
        return driver.getPageSource();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Waits for a download to finish; the file whose name ends as asked. */
    Path downloaded(String suffix) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        Files.writeString(file.resolveSibling(file.getFileName().toString().replace(".png", ".html")),
                driver.getPageSource());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
