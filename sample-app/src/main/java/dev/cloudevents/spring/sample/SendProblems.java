package dev.cloudevents.spring.sample;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.client.CloudEventConnectionException;
import dev.cloudevents.spring.client.DeliveryAttempt;

/**
 * Answers every failure of {@code POST /api/send} with an RFC 9457 problem: 400 for a
 * request that is not understood, 502 for a target that cannot be reached or replies with
 * an invalid event, or a Kafka topic that does not acknowledge the record.
 */
@RestControllerAdvice(assignableTypes = SendController.class)
class SendProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidSendRequestException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidEvent(InvalidCloudEventException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The event is not valid: " + ex.getMessage());
		if (ex.getAttribute() != null) {
			problem.setProperty("attribute", ex.getAttribute());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail targetUnreachable(CloudEventConnectionException ex) {
		List<DeliveryAttempt> attempts = ex.getAttempts();
		return badGateway(ex.getTarget(),
				"Could not reach " + ex.getTarget() + ": " + attempts.get(attempts.size() - 1).outcome());
	}

	@ExceptionHandler
	ProblemDetail invalidReply(InvalidReplyException ex) {
		return badGateway(ex.getTarget(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail kafkaSendFailed(KafkaSendFailedException ex) {
		return badGateway(SendController.KAFKA_PREFIX + ex.getTopic(), ex.getMessage());
	}

	private static ProblemDetail badGateway(URI target, String detail) {
		return badGateway(target.toString(), detail);
	}

	private static ProblemDetail badGateway(String target, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, detail);
		problem.setProperty("target", target);
		return problem;
	}

}
