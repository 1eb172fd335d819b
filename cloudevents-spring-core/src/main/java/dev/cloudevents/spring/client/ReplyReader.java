package dev.cloudevents.spring.client;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.http.CloudEventHttpBinding;

/**
 * Turns what a target answered into a {@link CloudEventResponse} or a
 * {@link CloudEventDeliveryException}, for both templates.
 */
final class ReplyReader {

	private final CloudEventHttpBinding binding;

	/**
	 * The most of a body a send reads when it wants no event from it: an error's problem
	 * detail, or a success it only drains.
	 */
	static final int MAX_UNWANTED_BODY = 64 * 1024;

	private final JsonMapper problemMapper;

	// cloudevents.http.max-body-size, for replies too
	private int maxReplyBytes = 1024 * 1024;

	ReplyReader(CloudEventHttpBinding binding) {
		this.binding = binding;
		this.problemMapper = binding.format()
			.jsonMapper()
			.rebuild()
			.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
			.build();
	}

	CloudEventResponse response(HttpStatusCode status, HttpHeaders headers, byte[] body) {
		CloudEvent event = (this.binding.contentMode(headers) != null) ? this.binding.fromHttp(headers, body) : null;
		@Nullable ProblemDetail problem = status.is2xxSuccessful() ? null : problemDetail(headers, body);
		return new CloudEventResponse(status, headers, event, problem);
	}

	// negative means no limit, as for the converter and the codecs
	void setMaxBodySize(DataSize maxBodySize) {
		Assert.isTrue(maxBodySize.toBytes() < Integer.MAX_VALUE, "Max body size must be less than 2 GB");
		this.maxReplyBytes = (maxBodySize.toBytes() < 0) ? -1 : (int) maxBodySize.toBytes();
	}

	/**
	 * Return the largest reply read as an event, in bytes, or -1 for no limit.
	 */
	int maxReplyBytes() {
		return this.maxReplyBytes;
	}

	InvalidCloudEventException replyTooLong() {
		return new InvalidCloudEventException("The reply is longer than the limit of " + this.maxReplyBytes
				+ " bytes (cloudevents.http.max-body-size)");
	}

	CloudEventDeliveryException deliveryFailure(URI target, HttpStatusCode status, HttpHeaders headers, byte[] body) {
		return new CloudEventDeliveryException(target, status, headers, problemDetail(headers, body));
	}

	private @Nullable ProblemDetail problemDetail(HttpHeaders headers, byte[] body) {
		MediaType contentType = contentType(headers);
		if (contentType == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType)
				|| body.length == 0) {
			return null;
		}
		try {
			return this.problemMapper.readValue(body, ProblemDetail.class);
		}
		catch (JacksonException ex) {
			// a malformed problem must not hide the status, which the
			// exception still carries
			return null;
		}
	}

	// an error answer with a Content-Type Spring cannot parse still fails the send with
	// its status, not with the parser's exception
	private static @Nullable MediaType contentType(HttpHeaders headers) {
		try {
			return headers.getContentType();
		}
		catch (InvalidMediaTypeException | IndexOutOfBoundsException ex) {
			return null;
		}
	}

}
