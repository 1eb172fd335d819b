package dev.cloudevents.spring.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import dev.cloudevents.spring.http.CloudEventHttpBinding;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyReaderTests {

	private static final byte[] PROBLEM = "{\"status\":400,\"detail\":\"no\"}".getBytes(StandardCharsets.UTF_8);

	private final ReplyReader reader = new ReplyReader(new CloudEventHttpBinding());

	@Test
	void anErrorAnswerWithAProblemCarriesIt() {
		CloudEventDeliveryException failure = failure("application/problem+json");
		assertThat(failure.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(failure.getProblemDetail()).satisfies((problem) -> assertThat(problem.getDetail()).isEqualTo("no"));
	}

	// a q above 1, and a leading quote that Spring Framework 7.0.8's parser fails on
	@ParameterizedTest
	@ValueSource(strings = { "application/problem+json; q=2", "\"application/problem+json" })
	void anErrorAnswerWithAContentTypeSpringCannotParseStillFailsWithItsStatus(String contentType) {
		CloudEventDeliveryException failure = failure(contentType);
		assertThat(failure.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(failure.getProblemDetail()).isNull();
	}

	@Test
	void maxBodySizeHasTheMeaningItHasForTheConverterAndTheCodecs() {
		this.reader.setMaxBodySize(DataSize.ofKilobytes(2));
		assertThat(this.reader.maxReplyBytes()).isEqualTo(2048);
		this.reader.setMaxBodySize(DataSize.ofBytes(-1));
		assertThat(this.reader.maxReplyBytes()).isEqualTo(-1);
	}

	private CloudEventDeliveryException failure(String contentType) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		return this.reader.deliveryFailure(URI.create("http://127.0.0.1/events"), HttpStatus.BAD_REQUEST, headers,
				PROBLEM);
	}

}
