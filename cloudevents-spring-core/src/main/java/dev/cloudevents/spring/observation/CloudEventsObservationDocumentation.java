package dev.cloudevents.spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of CloudEvents: {@link #SEND cloudevents.send} and {@link #RECEIVE
 * cloudevents.receive}, with their key names. The names of event attributes are those of
 * the OpenTelemetry semantic conventions for CloudEvents.
 *
 * @since 0.1.0
 */
public enum CloudEventsObservationDocumentation implements ObservationDocumentation {

	/**
	 * One delivery of an event (or a batch) by a template, all attempts included: the
	 * HTTP client's or Kafka producer's own observations are its children, one per
	 * attempt.
	 */
	SEND {
		@Override
		public String getName() {
			return "cloudevents.send";
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCloudEventSendObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	},

	/**
	 * An event (or a batch) handed to a handler, from reading it to the handler's return:
	 * a child of the server's or listener's own observation. An event rejected before it
	 * reaches the handler is observed with its error.
	 */
	RECEIVE {
		@Override
		public String getName() {
			return "cloudevents.receive";
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCloudEventReceiveObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.EVENT_ID, HighCardinalityKeyNames.EVENT_SOURCE,
					HighCardinalityKeyNames.EVENT_SUBJECT };
		}
	};

	/**
	 * Key names that become metric tags as well as span attributes.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The event's {@code type}, the one type of a batch, {@code "mixed"} for a batch
		 * of several, or {@code "none"} if no event was read.
		 */
		EVENT_TYPE("cloudevents.event_type"),

		/**
		 * The event's {@code specversion}, such as {@code 1.0}, or {@code "none"}.
		 */
		EVENT_SPEC_VERSION("cloudevents.event_spec_version"),

		/**
		 * {@code binary}, {@code structured}, {@code batch}, or {@code "none"} if the
		 * message carried no CloudEvent.
		 */
		CONTENT_MODE("cloudevents.content_mode"),

		/**
		 * The protocol binding: {@code http} or {@code kafka}.
		 */
		BINDING("cloudevents.binding"),

		/**
		 * {@code SUCCESS}, {@code REJECTED} (an event refused as invalid or unsupported),
		 * {@code CLIENT_ERROR} or {@code SERVER_ERROR} (by the HTTP status answered), or
		 * {@code ERROR} (no status: a connection failure, a failed listener).
		 */
		OUTCOME("outcome"),

		/**
		 * The HTTP status answered (the last one, after retries), or {@code "none"}.
		 */
		STATUS("status"),

		/**
		 * The simple class name of the error, or {@code "none"}.
		 */
		EXCEPTION("exception");

		private final String name;

		LowCardinalityKeyNames(String name) {
			this.name = name;
		}

		@Override
		public String asString() {
			return this.name;
		}

	}

	/**
	 * Key names that become span attributes only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The event's {@code id} (absent for a batch).
		 */
		EVENT_ID("cloudevents.event_id"),

		/**
		 * The event's {@code source} (absent for a batch).
		 */
		EVENT_SOURCE("cloudevents.event_source"),

		/**
		 * The event's {@code subject}, when it has one.
		 */
		EVENT_SUBJECT("cloudevents.event_subject"),

		/**
		 * The number of attempts a delivery took, from 1 ({@link #SEND} only).
		 */
		ATTEMPTS("cloudevents.delivery.attempts");

		private final String name;

		HighCardinalityKeyNames(String name) {
			this.name = name;
		}

		@Override
		public String asString() {
			return this.name;
		}

	}

}
