package dev.cloudevents.spring.sample;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import dev.cloudevents.spring.kafka.SharedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Player's Kafka part on the shared embedded broker: it lists the events of
 * {@code player.kafka.topic} with their record's position and headers, on the page too
 * (in headless Chromium), and sends to {@code kafka:<topic>}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.consumer.auto-offset-reset=earliest")
class PlayerKafkaTests {

	// named without the broker: the build's AOT processing of this context evaluates the
	// Player's condition on the topic, and starts no broker
	private static final String TOPIC = "player-" + UUID.randomUUID();

	private static boolean topicCreated;

	private final JsonMapper jsonMapper = JsonMapper.shared();

	@LocalServerPort
	private int port;

	@Autowired
	private EventStore store;

	@Autowired
	private EventJson json;

	private RestClient client;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", PlayerKafkaTests::brokerWithTopic);
		registry.add("player.kafka.topic", () -> TOPIC);
	}

	// first read when the context binds Boot's Kafka properties, before the listener
	// starts
	private static synchronized String brokerWithTopic() {
		if (!topicCreated) {
			SharedKafkaBroker.newTopicNamed(TOPIC, 1);
			topicCreated = true;
		}
		return SharedKafkaBroker.bootstrapServers();
	}

	@BeforeEach
	void forgetEarlierEvents() {
		this.client = RestClient.create("http://localhost:" + this.port);
		this.store.clear();
	}

	@Test
	void recordProducedToTheTopicIsListedWithItsPositionAndHeaders() {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, (Integer) null, (byte[]) null,
				"{\"order\":42}".getBytes(StandardCharsets.UTF_8),
				List.of(header("ce_specversion", "1.0"), header("ce_id", "k-1"), header("ce_type", "com.example.kafka"),
						header("ce_source", "/kafka-tests"), header("content-type", "application/json")));
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedKafkaBroker.bootstrapServers());
		long offset;
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			offset = producer.send(record).get().offset();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		JsonNode event = awaitReceived("k-1");
		assertThat(event.get("type").asString()).isEqualTo("com.example.kafka");
		assertThat(event.get("data").get("order").asInt()).isEqualTo(42);
		JsonNode envelope = envelope("k-1");
		assertThat(envelope.get("mode").asString()).isEqualTo("binary");
		assertThat(envelope.get("kafka").get("topic").asString()).isEqualTo(TOPIC);
		assertThat(envelope.get("kafka").get("partition").asInt()).isZero();
		assertThat(envelope.get("kafka").get("offset").asLong()).isEqualTo(offset);
		assertThat(envelope.get("headers").get("ce_type").get(0).asString()).isEqualTo("com.example.kafka");
		assertThat(envelope.get("headers").get("content-type").get(0).asString()).isEqualTo("application/json");
	}

	@Test
	void eventSentToTheTopicIsAcknowledgedAndComesBackThroughTheConsumer() {
		ResponseEntity<String> response = send("kafka:" + TOPIC, """
				{"specversion": "1.0", "id": "s-1", "type": "com.example.sent", "source": "/player",
				"data": {"hello": "kafka"}}""");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode result = this.jsonMapper.readTree(response.getBody());
		assertThat(result.get("status").asInt()).isEqualTo(202);
		assertThat(result.get("reply").isNull()).isTrue();
		assertThat(result.get("problem").isNull()).isTrue();
		JsonNode event = awaitReceived("s-1");
		assertThat(event.get("data").get("hello").asString()).isEqualTo("kafka");
		RecordedEvent sent = this.store.events(Direction.SENT).get(0);
		assertThat(sent.event().id()).isEqualTo("s-1");
		assertThat(sent.kafka()).isNotNull();
		assertThat(sent.kafka().topic()).isEqualTo(TOPIC);
		JsonNode received = envelope("s-1");
		assertThat(received.get("mode").asString()).isEqualTo("structured");
		assertThat(received.get("kafka").get("offset").asLong()).isEqualTo(sent.kafka().offset());
	}

	@Test
	void invalidEventSentToTheTopicGetsTheProblemAndNothingIsSent() {
		ResponseEntity<String> response = send("kafka:" + TOPIC, """
				{"specversion": "1.0", "id": "bad-1", "source": "/player"}""");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.jsonMapper.readTree(response.getBody()).get("detail").asString()).contains("type");
		assertThat(this.store.events(Direction.SENT)).isEmpty();
	}

	@Test
	void targetThatIsNoTopicNameGetsTheProblem() {
		ResponseEntity<String> response = send("kafka:no topic", """
				{"specversion": "1.0", "type": "com.example.sent", "source": "/player"}""");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.jsonMapper.readTree(response.getBody()).get("detail").asString())
			.contains("must name a Kafka topic");
	}

	@Test
	void eventSentToTheTopicFromThePageIsShownWithItsRecordsPositionAndHeaders(@TempDir Path profile) {
		ChromeDriver driver = browser(profile);
		try {
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
			driver.get("http://localhost:" + this.port + "/");
			wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
			type(driver.findElement(By.id("target")), "kafka:" + TOPIC);
			type(driver.findElement(By.id("type")), "com.example.page");
			type(driver.findElement(By.id("source")), "/page");
			driver.findElement(By.xpath("//input[@id='mode-binary']/following-sibling::span")).click();
			driver.findElement(By.id("send")).click();
			wait.until(ExpectedConditions.attributeToBe(By.id("send-result"), "data-kind", "ok"));
			assertThat(driver.findElement(By.id("send-result")).getText())
				.contains("Kafka acknowledged the record (202)");
			WebElement event = wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector("li[data-direction='received'][data-type='com.example.page']")));
			event.findElement(By.tagName("summary")).click();
			long offset = this.store.events(Direction.SENT).get(0).kafka().offset();
			assertThat(event.findElement(By.cssSelector("[data-testid='kafka-position']")).getText())
				.isEqualTo("kafka " + TOPIC + "/0@" + offset);
			assertThat(event.findElement(By.cssSelector("[data-kafka='topic'] td")).getText()).isEqualTo(TOPIC);
			assertThat(event.findElement(By.cssSelector("[data-kafka='offset'] td")).getText())
				.isEqualTo(Long.toString(offset));
			assertThat(event.findElement(By.cssSelector("[data-header='ce_type'] td")).getText())
				.isEqualTo("com.example.page");
			assertThat(event.getText()).containsIgnoringCase("Kafka headers received");
		}
		finally {
			driver.quit();
		}
	}

	// Debian's chromium and chromedriver, as in PlayerPageTests
	private static ChromeDriver browser(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,900", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private static void type(WebElement field, String text) {
		field.clear();
		field.sendKeys(text);
	}

	private ResponseEntity<String> send(String target, String event) {
		return this.client.post()
			.uri("/api/send")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"target\": \"" + target + "\", \"mode\": \"structured\", \"event\": " + event + "}")
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.headers(response.getHeaders())
				.body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	private JsonNode awaitReceived(String id) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> receivedEvent(id), (event) -> event != null);
	}

	private JsonNode receivedEvent(String id) {
		String body = this.client.get().uri("/api/events").retrieve().body(String.class);
		for (JsonNode event : this.jsonMapper.readTree(body)) {
			if (event.get("id").asString().equals(id)) {
				return event;
			}
		}
		return null;
	}

	private JsonNode envelope(String id) {
		RecordedEvent recorded = this.store.events(Direction.RECEIVED)
			.stream()
			.filter((event) -> event.event().id().equals(id))
			.findFirst()
			.orElseThrow();
		return this.jsonMapper.readTree(this.json.envelope(recorded));
	}

	private static RecordHeader header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
