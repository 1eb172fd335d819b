package dev.cloudevents.spring.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.UTF8StreamJsonParser;

import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.InvalidCloudEventException;

/**
 * Names the member of an event that holds the first byte of a document that is not UTF-8,
 * for the exception that rejects the document: the attribute whose value holds it
 * ({@code data} for a byte anywhere in the data, nested member names included), or the
 * name of a member. Only documents already known to be invalid come here, off the hot
 * path: it walks the events with the reader's parser, which has read nothing yet.
 */
final class InvalidUtf8Locator {

	private final JsonParser parser;

	private final byte[] json;

	private final int offset;

	private final EventLimits limits;

	/** The member whose value is being read, while it is. */
	private @Nullable String member;

	/** The index of the event being read in a batch, or -1 for a single event. */
	private int index = -1;

	InvalidUtf8Locator(JsonParser parser, byte[] json, int offset, EventLimits limits) {
		this.parser = parser;
		this.json = json;
		this.offset = offset;
		this.limits = limits;
	}

	InvalidCloudEventException locate(boolean batch) {
		JsonParser parser = this.parser;
		try {
			JsonToken token = parser.nextToken();
			if (!(parser instanceof UTF8StreamJsonParser)) {
				return JsonEventReader.notUtf8();
			}
			if (batch && token == JsonToken.START_ARRAY) {
				this.index = 0;
				token = parser.nextToken();
			}
			while (token == JsonToken.START_OBJECT) {
				InvalidCloudEventException found = inEvent();
				if (found != null) {
					return inBatch(found);
				}
				if (this.index < 0) {
					break;
				}
				this.index++;
				token = parser.nextToken();
			}
		}
		catch (JacksonException ex) {
			// Jackson rejects some ill-formed sequences itself; other failures before the
			// byte are what is wrong first
			TokenStreamLocation location = ex.getLocation();
			if (location != null && location.getByteOffset() < this.offset) {
				return inBatch(JsonEventReader.failure(ex, this.limits));
			}
			return inBatch((this.member != null) ? invalid(this.member) : invalidJson());
		}
		return invalidJson();
	}

	private @Nullable InvalidCloudEventException inEvent() {
		JsonParser parser = this.parser;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			if (parser.currentTokenLocation().getByteOffset() > this.offset) {
				return invalidName();
			}
			this.member = name;
			parser.skipChildren();
			parser.finishToken();
			if (parser.currentLocation().getByteOffset() > this.offset) {
				return invalid(name);
			}
			this.member = null;
		}
		return null;
	}

	private InvalidCloudEventException invalid(String attribute) {
		return new InvalidCloudEventException(attribute, "must be valid UTF-8 (RFC 3629), but " + where());
	}

	private InvalidCloudEventException invalidJson() {
		return new InvalidCloudEventException("The JSON is not valid UTF-8 (RFC 3629): " + where());
	}

	private InvalidCloudEventException invalidName() {
		return new InvalidCloudEventException(
				"The name of a member of the event must be valid UTF-8 (RFC 3629), but " + where());
	}

	private String where() {
		return "the byte 0x%02X at offset %d starts no well-formed sequence".formatted(this.json[this.offset] & 0xFF,
				this.offset);
	}

	private InvalidCloudEventException inBatch(InvalidCloudEventException ex) {
		return (this.index >= 0) ? JsonEventReader.inBatch(ex, this.index) : ex;
	}

}
