package dev.cloudevents.spring.sample;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Player page in a real headless Chromium: Debian's {@code chromium} and
 * {@code chromedriver} packages, never a downloaded browser or driver. The composing test
 * leaves a screenshot in {@code target/player.png}, which the README's command copies to
 * {@code docs/player.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlayerPageTests {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final Path SCREENSHOT = Path.of("target", "player.png");

	@LocalServerPort
	private int port;

	private RestClient player;

	private ChromeDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void forgetEarlierEvents() {
		this.player = RestClient.create("http://localhost:" + this.port);
		assertThat(this.player.delete().uri("/api/events").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	@BeforeEach
	void startBrowser(@TempDir Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,900", "--user-data-dir=" + profile.toAbsolutePath());
		// the driver's path given explicitly: Selenium Manager is never asked to download
		// one
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		// headless Chromium still counts browser chrome in the window size: make the page
		// 1400x900
		Number chromeHeight = (Number) this.driver.executeScript("return window.outerHeight - window.innerHeight");
		this.driver.manage().window().setSize(new Dimension(1400, 900 + chromeHeight.intValue()));
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(15));
	}

	@AfterEach
	void quitBrowser() {
		this.driver.quit();
	}

	@Test
	void eventComposedOnThePageIsSentToThePlayerAndShownWithItsDetails() throws IOException {
		this.driver.get("http://localhost:" + this.port + "/");
		this.wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
		assertThat(this.driver.findElement(By.id("target")).getDomProperty("value"))
			.isEqualTo("http://localhost:" + this.port + "/");

		String type = "com.example.player.greeting-" + UUID.randomUUID().toString().substring(0, 8);
		compose(type, "/cloudevents-player", "structured",
				"{\"message\": \"Hello, CloudEvents!\", \"tags\": [\"<b>demo</b>\", \"player\"]}");
		type(By.id("subject"), "greeting-42");
		this.driver.findElement(By.id("add-extension")).click();
		WebElement extension = this.driver.findElement(By.cssSelector("[data-testid='extension-row']"));
		type(extension.findElement(By.className("ext-name")), "traceparent");
		type(extension.findElement(By.className("ext-value")),
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		send();
		WebElement event = received(type);

		type(By.id("subject"), "");
		compose("com.example.order.created", "/shop/orders", "binary", "{\"order\": 41, \"total\": 12.5}");
		send();
		received("com.example.order.created");

		event.findElement(By.tagName("summary")).click();
		assertThat(attribute(event, "type")).isEqualTo(type);
		assertThat(attribute(event, "source")).isEqualTo("/cloudevents-player");
		assertThat(attribute(event, "specversion")).isEqualTo("1.0");
		assertThat(attribute(event, "subject")).isEqualTo("greeting-42");
		assertThat(attribute(event, "datacontenttype")).isEqualTo("application/json");
		assertThat(attribute(event, "traceparent"))
			.isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		assertThat(event.findElement(By.cssSelector("[data-testid='trace-id']")).getText())
			.isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(attribute(event, "id")).matches("[0-9a-f-]{36}");
		WebElement data = event.findElement(By.cssSelector("[data-testid='data']"));
		assertThat(data.getText()).contains("\"message\": \"Hello, CloudEvents!\"").contains("\"<b>demo</b>\"");
		assertThat(data.findElements(By.tagName("b"))).isEmpty();
		assertThat(event.findElement(By.cssSelector("[data-testid='headers'] tr[data-header='content-type'] td"))
			.getText()).startsWith("application/cloudevents+json");
		assertThat(this.driver.findElements(By.cssSelector("li[data-direction='sent'][data-type='" + type + "']")))
			.hasSize(1);
		saveScreenshot();

		type(By.id("filter-type"), "order.created");
		this.wait.until(ExpectedConditions.invisibilityOf(event));
		assertThat(visibleEvents()).hasSize(2)
			.allSatisfy((item) -> assertThat(item.getDomAttribute("data-type")).isEqualTo("com.example.order.created"));

		this.driver.findElement(By.id("clear")).click();
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid='event']"), 0));
		assertThat(this.driver.findElement(By.id("empty")).isDisplayed()).isTrue();
	}

	@Test
	void eventsReceivedBeforeThePageOpensAreShownWithoutWaitingForTheStream() {
		String type = "com.example.player.early-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(this.player.post()
			.uri("/")
			.header("ce-specversion", "1.0")
			.header("ce-id", "early-1")
			.header("ce-type", type)
			.header("ce-source", "/before-the-page")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"early\": true}")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		// the stream never answers: what the page shows comes from GET /api/events
		this.driver.executeCdpCommand("Network.enable", Map.of());
		this.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/events/stream")));

		this.driver.get("http://localhost:" + this.port + "/");
		WebElement event = received(type);

		assertThat(this.driver.findElement(By.id("connection")).getDomAttribute("data-state")).isNotEqualTo("live");
		assertThat(this.driver.findElement(By.id("empty")).isDisplayed()).isFalse();
		assertThat(this.driver.findElement(By.id("event-count")).getText()).isEqualTo("1");
		event.findElement(By.tagName("summary")).click();
		assertThat(attribute(event, "id")).isEqualTo("early-1");
		assertThat(attribute(event, "source")).isEqualTo("/before-the-page");
		assertThat(event.findElement(By.cssSelector("[data-testid='data']")).getText()).contains("\"early\": true");
	}

	@Test
	void problemOfATargetThatRejectsTheEventIsShownUnderItsStatus() throws IOException {
		byte[] problem = """
				{"type": "about:blank", "title": "Bad Request", "status": 400,
				"detail": "Attribute 'subject' must name an order", "attribute": "subject"}"""
			.getBytes(StandardCharsets.UTF_8);
		HttpServer target = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		target.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			exchange.sendResponseHeaders(400, problem.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(problem);
			}
		});
		target.start();
		try {
			this.driver.get("http://localhost:" + this.port + "/");
			type(By.id("target"), "http://localhost:" + target.getAddress().getPort() + "/orders");
			this.driver.findElement(By.id("send")).click();
			this.wait.until(ExpectedConditions.attributeToBe(By.id("send-result"), "data-kind", "error"));

			WebElement result = this.driver.findElement(By.id("send-result"));
			assertThat(result.getText()).contains("target answered 400: Attribute 'subject' must name an order");
			assertThat(result.findElement(By.cssSelector("[data-testid='send-problem']")).getText())
				.contains("\"attribute\": \"subject\"");
		}
		finally {
			target.stop(0);
		}
	}

	private List<WebElement> visibleEvents() {
		return this.driver.findElements(By.cssSelector("[data-testid='event']"))
			.stream()
			.filter(WebElement::isDisplayed)
			.toList();
	}

	private void saveScreenshot() throws IOException {
		Files.createDirectories(SCREENSHOT.getParent());
		Files.write(SCREENSHOT, this.driver.getScreenshotAs(OutputType.BYTES));
	}

	private void compose(String type, String source, String mode, String data) {
		type(By.id("type"), type);
		type(By.id("source"), source);
		this.driver.findElement(By.xpath("//input[@id='mode-" + mode + "']/following-sibling::span")).click();
		type(By.id("data"), data);
	}

	private void send() {
		this.driver.findElement(By.id("send")).click();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("send-result"), "data-kind", "ok"));
		assertThat(this.driver.findElement(By.id("send-result")).getText()).contains("202");
	}

	private WebElement received(String type) {
		return this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("li[data-direction='received'][data-type='" + type + "']")));
	}

	private static String attribute(WebElement event, String name) {
		return event.findElement(By.cssSelector("[data-testid='attributes'] tr[data-attribute='" + name + "'] td"))
			.getText();
	}

	private void type(By field, String text) {
		type(this.driver.findElement(field), text);
	}

	private static void type(WebElement field, String text) {
		field.clear();
		field.sendKeys(text);
	}

}
