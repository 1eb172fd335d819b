package dev.cloudevents.spring.http.codec;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;
import org.springframework.util.unit.DataSize;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventHttpMessageReaderTests {

	static final ResolvableType EVENT = ResolvableType.forClass(CloudEvent.class);

	final CloudEventHttpMessageReader reader = new CloudEventHttpMessageReader(new CloudEventHttpBinding());

	@Test
	void readsBatchAsFluxOfItsEvents() {
		MockClientHttpResponse response = response(TestEvents.BATCH);
		response.getHeaders().setContentType(JsonEventFormat.BATCH_MEDIA_TYPE);
		assertThat(this.reader.read(EVENT, response, Map.of()).collectList().block())
			.extracting((event) -> ((CloudEvent) event).id())
			.containsExactly("b-1", "b-2");
	}

	@Test
	void invalidResponseIsDecodingExceptionOnTheClientSide() {
		MockClientHttpResponse response = response("{}");
		response.getHeaders().setContentType(JsonEventFormat.MEDIA_TYPE);
		assertThatExceptionOfType(DecodingException.class)
			.isThrownBy(() -> this.reader.readMono(EVENT, response, Map.of()).block());
	}

	@Test
	void responseOverMaxInMemorySizeIsDataBufferLimitExceptionOnTheClientSide() {
		this.reader.setMaxBodySize(DataSize.ofBytes(8));
		MockClientHttpResponse response = response(TestEvents.ORDER_JSON);
		response.getHeaders().set("ce-specversion", "1.0");
		assertThatExceptionOfType(DataBufferLimitException.class)
			.isThrownBy(() -> this.reader.readMono(EVENT, response, Map.of()).block());
	}

	@Test
	void aNegativeMaxBodySizeMeansNoLimitAsForTheConverterAndTheTemplates() {
		this.reader.setMaxBodySize(DataSize.ofBytes(-1));
		assertThat(this.reader.getMaxBodySize()).isEqualTo(DataSize.ofBytes(-1));
		String data = "x".repeat(2 * 1024 * 1024);
		MockClientHttpResponse response = response(data);
		response.getHeaders().set("ce-specversion", "1.0");
		response.getHeaders().set("ce-id", "1");
		response.getHeaders().set("ce-source", "/s");
		response.getHeaders().set("ce-type", "t");
		response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
		assertThat(this.reader.readMono(EVENT, response, Map.of()).block())
			.satisfies((event) -> assertThat(((CloudEvent) event).data()).hasSize(data.length()));
	}

	@Test
	void theDefaultMaxBodySizeIsTheConvertersAndTheProperty() {
		assertThat(this.reader.getMaxBodySize()).isEqualTo(DataSize.ofMegabytes(1))
			.isEqualTo(new CloudEventHttpMessageConverter(new CloudEventHttpBinding()).getMaxBodySize());
	}

	@Test
	void theConverterAndTheWriterShareOneContentModeHintKey() {
		assertThat(CloudEventHttpMessageConverter.CONTENT_MODE_HINT)
			.isEqualTo(CloudEventHttpMessageWriter.CONTENT_MODE_HINT)
			.isEqualTo(ContentMode.class.getName());
	}

	private static MockClientHttpResponse response(String body) {
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response
			.setBody(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body.getBytes(StandardCharsets.UTF_8))));
		return response;
	}

}
