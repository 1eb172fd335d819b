package dev.cloudevents.spring.http.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
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

	static final NettyDataBufferFactory NETTY = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

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
	void aBodyInManyBuffersIsReadWholeAndEachBufferIsReleased() {
		byte[] body = TestEvents.STRUCTURED_1_0.getBytes(StandardCharsets.UTF_8);
		List<NettyDataBuffer> buffers = new ArrayList<>();
		for (int i = 0; i < body.length; i += 7) {
			buffers.add(netty(Arrays.copyOfRange(body, i, Math.min(i + 7, body.length))));
		}
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response.setBody(Flux.fromIterable(buffers));
		response.getHeaders().setContentType(JsonEventFormat.MEDIA_TYPE);
		assertThat(this.reader.readMono(EVENT, response, Map.of()).block())
			.isEqualTo(this.reader.readMono(EVENT, structured(body), Map.of()).block());
		assertThat(buffers).allSatisfy((buffer) -> assertThat(buffer.getNativeBuffer().refCnt()).isZero());
	}

	@Test
	void aBodyWithoutLengthThatGrowsOverTheLimitFailsAndReleasesTheBuffersItRead() {
		this.reader.setMaxBodySize(DataSize.ofBytes(8));
		List<NettyDataBuffer> buffers = List.of(netty(new byte[5]), netty(new byte[5]), netty(new byte[5]));
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response.setBody(Flux.fromIterable(buffers));
		response.getHeaders().setContentType(JsonEventFormat.MEDIA_TYPE);
		assertThatExceptionOfType(DataBufferLimitException.class)
			.isThrownBy(() -> this.reader.readMono(EVENT, response, Map.of()).block());
		// the third is never requested: its source keeps it
		assertThat(buffers.subList(0, 2))
			.allSatisfy((buffer) -> assertThat(buffer.getNativeBuffer().refCnt()).isZero());
		assertThat(buffers.get(2).getNativeBuffer().refCnt()).isOne();
	}

	@Test
	void anEmptyBodyIsDecodedAsNoData() {
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response.setBody(Flux.empty());
		response.getHeaders().set("ce-specversion", "1.0");
		response.getHeaders().set("ce-id", "1");
		response.getHeaders().set("ce-source", "/s");
		response.getHeaders().set("ce-type", "t");
		assertThat(this.reader.readMono(EVENT, response, Map.of()).block())
			.satisfies((event) -> assertThat(((CloudEvent) event).data()).isNull());
	}

	@Test
	void theConverterAndTheWriterShareOneContentModeHintKey() {
		assertThat(CloudEventHttpMessageConverter.CONTENT_MODE_HINT)
			.isEqualTo(CloudEventHttpMessageWriter.CONTENT_MODE_HINT)
			.isEqualTo(ContentMode.class.getName());
	}

	private static NettyDataBuffer netty(byte[] bytes) {
		return NETTY.wrap(Unpooled.wrappedBuffer(bytes));
	}

	private static MockClientHttpResponse structured(byte[] body) {
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response.setBody(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
		response.getHeaders().setContentType(JsonEventFormat.MEDIA_TYPE);
		return response;
	}

	private static MockClientHttpResponse response(String body) {
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response
			.setBody(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body.getBytes(StandardCharsets.UTF_8))));
		return response;
	}

}
