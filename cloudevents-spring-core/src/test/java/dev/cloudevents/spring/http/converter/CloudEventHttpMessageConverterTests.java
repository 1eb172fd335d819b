package dev.cloudevents.spring.http.converter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.util.unit.DataSize;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.http.CloudEventCodecSupport;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventHttpMessageConverterTests {

	final CloudEventHttpMessageConverter converter = new CloudEventHttpMessageConverter(new CloudEventHttpBinding());

	@Test
	void readsOnlyEventsAndEventLists() {
		assertThat(this.converter.canRead(CloudEvent.class, MediaType.TEXT_PLAIN)).isTrue();
		assertThat(this.converter.canRead(ResolvableType.forClassWithGenerics(List.class, CloudEvent.class), null))
			.isTrue();
		assertThat(this.converter.canRead(ResolvableType.forClassWithGenerics(List.class, String.class), null))
			.isFalse();
		assertThat(this.converter.canRead(Object.class, null)).isFalse();
	}

	@Test
	void writesBinaryByDefaultWithHeadersAndContentLength() throws Exception {
		MockHttpOutputMessage output = new MockHttpOutputMessage();
		output.getHeaders().setContentType(MediaType.APPLICATION_OCTET_STREAM);
		this.converter.write(TestEvents.orderEvent("c-1"), null, output);
		assertThat(output.getHeaders().getFirst("ce-id")).isEqualTo("c-1");
		assertThat(output.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(output.getHeaders().getContentLength()).isEqualTo(TestEvents.ORDER_JSON.length());
		assertThat(output.getBodyAsString()).isEqualTo(TestEvents.ORDER_JSON);
	}

	@Test
	void writesStructuredForStructuredContentTypeOrHintOrConfiguredMode() throws Exception {
		CloudEvent event = TestEvents.orderEvent("c-2");
		MockHttpOutputMessage byContentType = new MockHttpOutputMessage();
		this.converter.write(event, ResolvableType.forClass(CloudEvent.class), JsonEventFormat.MEDIA_TYPE,
				byContentType, null);
		MockHttpOutputMessage byHint = new MockHttpOutputMessage();
		this.converter.write(event, ResolvableType.forClass(CloudEvent.class), MediaType.ALL, byHint,
				Map.of(CloudEventCodecSupport.CONTENT_MODE_HINT, ContentMode.STRUCTURED));
		this.converter.setContentMode(ContentMode.STRUCTURED);
		MockHttpOutputMessage byDefault = new MockHttpOutputMessage();
		this.converter.write(event, null, byDefault);
		for (MockHttpOutputMessage output : List.of(byContentType, byHint, byDefault)) {
			assertThat(output.getHeaders().getContentType().isCompatibleWith(JsonEventFormat.MEDIA_TYPE)).isTrue();
			assertThat(output.getHeaders().getFirst("ce-id")).isNull();
			assertThat(new CloudEventHttpBinding().fromHttp(output.getHeaders(), output.getBodyAsBytes()))
				.isEqualTo(event);
		}
	}

	@Test
	void invalidResponseIsNotReadableOnTheClientSide() {
		MockClientHttpResponse input = new MockClientHttpResponse("{}".getBytes(StandardCharsets.UTF_8), 200);
		input.getHeaders().setContentType(JsonEventFormat.MEDIA_TYPE);
		assertThatExceptionOfType(HttpMessageNotReadableException.class)
			.isThrownBy(() -> this.converter.read(CloudEvent.class, input))
			.withMessageContaining("specversion");
	}

	@Test
	void responseOverTheLimitIsNotReadableOnTheClientSide() {
		this.converter.setMaxBodySize(DataSize.ofBytes(4));
		MockClientHttpResponse input = new MockClientHttpResponse(new byte[5], 200);
		input.getHeaders().set("ce-specversion", "1.0");
		assertThatExceptionOfType(HttpMessageNotReadableException.class)
			.isThrownBy(() -> this.converter.read(CloudEvent.class, input))
			.withMessageContaining("4 bytes");
	}

}
