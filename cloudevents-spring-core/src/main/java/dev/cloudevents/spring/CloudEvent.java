package dev.cloudevents.spring;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * An immutable CloudEvent of spec version 1.0 or 0.3: context attributes, extensions and
 * data.
 * <p>
 * Build one with {@link #builder()}, which fills in {@code id}, {@code time} and
 * {@code specversion} when they are omitted and validates every attribute:
 * <pre class="code">
 * CloudEvent event = CloudEvent.builder()
 *     .type("com.example.order.created")
 *     .source(URI.create("https://example.com/orders"))
 *     .data(new Order("42", 3))
 *     .build();
 * </pre>
 * <p>
 * Data is kept as bytes, exactly as received, or as the object given to the builder until
 * an encoder serializes it with its {@link JsonMapper}. The value type converts nothing:
 * data is written and read as other types by
 * {@link dev.cloudevents.spring.json.JsonEventFormat#dataBytes(CloudEvent)} and
 * {@link dev.cloudevents.spring.json.JsonEventFormat#dataAs(CloudEvent, Class)}, with the
 * format's mapper, the application's one in a Spring Boot application.
 *
 * @since 0.1.0
 */
public final class CloudEvent {

	/** Name of the {@code specversion} attribute. */
	public static final String SPECVERSION = "specversion";

	/** Name of the {@code id} attribute. */
	public static final String ID = "id";

	/** Name of the {@code source} attribute. */
	public static final String SOURCE = "source";

	/** Name of the {@code type} attribute. */
	public static final String TYPE = "type";

	/** Name of the {@code datacontenttype} attribute. */
	public static final String DATACONTENTTYPE = "datacontenttype";

	/** Name of the {@code dataschema} attribute (1.0). */
	public static final String DATASCHEMA = "dataschema";

	/** Name of the {@code schemaurl} attribute (0.3). */
	public static final String SCHEMAURL = "schemaurl";

	/** Name of the {@code datacontentencoding} attribute (0.3). */
	public static final String DATACONTENTENCODING = "datacontentencoding";

	/** Name of the {@code subject} attribute. */
	public static final String SUBJECT = "subject";

	/** Name of the {@code time} attribute. */
	public static final String TIME = "time";

	private static final String APPLICATION_JSON = "application/json";

	private static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";

	private final SpecVersion specVersion;

	private final String id;

	private final String sourceText;

	// built from the text when first asked for: java.net.URI parses slowly, and most
	// consumers never look at the source as a URI
	private volatile @Nullable URI source;

	private final String type;

	private final @Nullable String dataContentType;

	private final @Nullable URI dataSchema;

	private final @Nullable String dataContentEncoding;

	private final @Nullable String subject;

	// the time as it was received, checked: parsed when first asked for, and passed on
	// as it is when it is in canonical form
	private final @Nullable String timeText;

	private volatile @Nullable OffsetDateTime time;

	private final Map<String, Object> extensions;

	private final byte @Nullable [] data;

	private final boolean jsonValueData;

	private final @Nullable Object dataValue;

	// whether a value that the HTTP binding writes as a header may need percent-encoding:
	// the builder's checks tell, so that encoding need not look at every value again
	private final boolean percentEncoding;

	private CloudEvent(Builder builder, SpecVersion specVersion, String id, String sourceText, String type) {
		this.specVersion = specVersion;
		this.id = id;
		this.sourceText = sourceText;
		this.source = builder.source;
		this.type = type;
		this.dataContentType = builder.dataContentType;
		this.dataSchema = builder.dataSchema;
		this.dataContentEncoding = builder.dataContentEncoding;
		this.subject = builder.subject;
		this.time = builder.time;
		this.timeText = builder.timeText;
		this.extensions = builder.shareExtensions();
		this.data = builder.data;
		this.jsonValueData = builder.jsonValueData;
		this.dataValue = builder.dataValue;
		this.percentEncoding = builder.percentEncoding;
	}

	/**
	 * Start building an event. On {@link Builder#build()}, an omitted {@code id} becomes
	 * a random UUID, an omitted {@code time} becomes now and an omitted
	 * {@code specversion} becomes {@link SpecVersion#V1_0}.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder(true);
	}

	/**
	 * Create an event from attributes by name and data, as the Python SDK's
	 * {@code CloudEvent(attributes, data)} does. An omitted {@code id} becomes a random
	 * UUID, an omitted {@code time} now and an omitted {@code specversion}
	 * {@link SpecVersion#V1_0}, as {@link #builder()} does. <pre class="code">
	 * CloudEvent event = CloudEvent.of(Map.of("type", "com.example.sampletype1",
	 *         "source", "https://example.com/event-producer"), Map.of("message", "Hello World!"));
	 * </pre>
	 * @param attributes attribute values by name: a {@code String} is read as the
	 * attribute's canonical string encoding ({@link Builder#attribute(String, String)}),
	 * a {@link SpecVersion}, {@link URI} or {@link OffsetDateTime} is taken as it is, and
	 * any other value of an extension as {@link Builder#extension(String, Object)} takes
	 * it; {@code null} values are skipped
	 * @param data the data as {@link Builder#data(Object)} takes it, or {@code null}
	 * @return the event
	 * @throws InvalidCloudEventException if a required attribute is missing or an
	 * attribute is not valid
	 */
	public static CloudEvent of(Map<String, ?> attributes, @Nullable Object data) {
		Builder builder = builder();
		attributes.forEach((name, value) -> {
			if (value instanceof String text) {
				builder.attribute(name, text);
			}
			else if (value instanceof SpecVersion version && SPECVERSION.equals(name)) {
				builder.specVersion(version);
			}
			else if (value instanceof OffsetDateTime time && TIME.equals(name)) {
				builder.time(time);
			}
			else if (value instanceof URI uri
					&& (SOURCE.equals(name) || DATASCHEMA.equals(name) || SCHEMAURL.equals(name))) {
				builder.attribute(name, uri.toString());
			}
			else if (value != null) {
				builder.extension(name, value);
			}
		});
		return builder.data(data).build();
	}

	/**
	 * A builder that fills nothing in, so that a received event is the event that was
	 * sent; event formats reach it through {@link EventFormatSupport}.
	 */
	static Builder strictBuilder() {
		return new Builder(false);
	}

	/**
	 * Return a builder holding a copy of this event's attributes and data, to derive
	 * another event from it.
	 * @return a new builder that fills nothing in: an attribute of this event that is
	 * removed stays absent
	 */
	public Builder mutate() {
		Builder builder = new Builder(false);
		builder.specVersion = this.specVersion;
		builder.id = this.id;
		builder.source = this.source;
		builder.sourceText = this.sourceText;
		builder.type = this.type;
		builder.dataContentType = this.dataContentType;
		builder.dataSchema = this.dataSchema;
		builder.dataContentEncoding = this.dataContentEncoding;
		builder.subject = this.subject;
		builder.time = this.time;
		builder.timeText = this.timeText;
		this.extensions.forEach(builder::putExtension);
		builder.data = this.data;
		builder.jsonValueData = this.jsonValueData;
		builder.dataValue = this.dataValue;
		builder.percentEncoding = this.percentEncoding;
		return builder;
	}

	/**
	 * Return the same event in another spec version. From 1.0 to 0.3, {@code dataschema}
	 * becomes {@code schemaurl}; from 0.3 to 1.0, {@code schemaurl} becomes
	 * {@code dataschema} (which must then be absolute) and {@code datacontentencoding},
	 * which only describes how 0.3's JSON format carried the data, is dropped.
	 * @param version the target version
	 * @return an event of that version (this one when it already is)
	 * @throws InvalidCloudEventException if an extension name is a core attribute of the
	 * target version, or the schema is not valid there
	 */
	public CloudEvent toSpecVersion(SpecVersion version) {
		if (version == this.specVersion) {
			return this;
		}
		Builder builder = mutate().specVersion(version);
		builder.dataContentEncoding = null;
		return builder.build();
	}

	/**
	 * Return the spec version of this event.
	 * @return the spec version
	 */
	public SpecVersion specVersion() {
		return this.specVersion;
	}

	/**
	 * Return the {@code id} attribute.
	 * @return the id, never empty
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Return the {@code source} attribute.
	 * @return the source, a URI-reference
	 */
	public URI source() {
		URI source = this.source;
		if (source == null) {
			// the builder made sure that it parses
			source = URI.create(this.sourceText);
			this.source = source;
		}
		return source;
	}

	/**
	 * Return the {@code type} attribute.
	 * @return the type, never empty
	 */
	public String type() {
		return this.type;
	}

	/**
	 * Return the {@code datacontenttype} attribute.
	 * @return the media type of the data, or {@code null}
	 */
	public @Nullable String dataContentType() {
		return this.dataContentType;
	}

	/**
	 * Return the {@code dataschema} attribute of a 1.0 event, or the {@code schemaurl}
	 * attribute of a 0.3 event.
	 * @return the schema of the data, or {@code null}
	 */
	public @Nullable URI dataSchema() {
		return this.dataSchema;
	}

	/**
	 * Return the {@code datacontentencoding} attribute (0.3 only).
	 * @return the encoding, such as {@code "base64"}, or {@code null}
	 */
	public @Nullable String dataContentEncoding() {
		return this.dataContentEncoding;
	}

	/**
	 * Return the {@code subject} attribute.
	 * @return the subject, or {@code null}
	 */
	public @Nullable String subject() {
		return this.subject;
	}

	/**
	 * Return the {@code time} attribute.
	 * @return the time, or {@code null}
	 */
	public @Nullable OffsetDateTime time() {
		OffsetDateTime time = this.time;
		if (time == null && this.timeText != null) {
			// the builder checked it
			time = Timestamps.parse(TIME, this.timeText);
			this.time = time;
		}
		return time;
	}

	/**
	 * Return the extension attributes, in the order they were given. Values are
	 * {@link String}, {@link Integer}, {@link Boolean}, {@link URI},
	 * {@link OffsetDateTime} or {@code byte[]}.
	 * @return an unmodifiable map of extension names to values
	 */
	public Map<String, Object> extensions() {
		return this.extensions;
	}

	/**
	 * Return the value of an extension attribute.
	 * @param name the extension name
	 * @return the value, or {@code null} if the event has no such extension
	 */
	public @Nullable Object extension(String name) {
		return this.extensions.get(name);
	}

	/**
	 * Return the value of any context attribute, core or extension, by name, as
	 * {@code event["source"]} does in the Python SDK. {@code specversion} answers its
	 * string value.
	 * @param name the attribute name
	 * @return the value, or {@code null} if the event has no such attribute
	 */
	public @Nullable Object attribute(String name) {
		return switch (name) {
			case SPECVERSION -> this.specVersion.value();
			case ID -> this.id;
			case SOURCE -> source();
			case TYPE -> this.type;
			case DATACONTENTTYPE -> this.dataContentType;
			case SUBJECT -> this.subject;
			case TIME -> time();
			case DATASCHEMA -> (this.specVersion == SpecVersion.V1_0) ? this.dataSchema : this.extensions.get(name);
			case SCHEMAURL -> (this.specVersion == SpecVersion.V0_3) ? this.dataSchema : this.extensions.get(name);
			case DATACONTENTENCODING ->
				(this.specVersion == SpecVersion.V0_3) ? this.dataContentEncoding : this.extensions.get(name);
			default -> this.extensions.get(name);
		};
	}

	/**
	 * Return every context attribute that is set, core attributes first, then extensions,
	 * with the values {@link #attribute(String)} returns.
	 * @return a new ordered map of attribute names to values
	 */
	public Map<String, Object> attributes() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(SPECVERSION, this.specVersion.value());
		attributes.put(ID, this.id);
		attributes.put(SOURCE, source());
		attributes.put(TYPE, this.type);
		putIfSet(attributes, DATACONTENTTYPE, this.dataContentType);
		putIfSet(attributes, (this.specVersion == SpecVersion.V1_0) ? DATASCHEMA : SCHEMAURL, this.dataSchema);
		putIfSet(attributes, DATACONTENTENCODING, this.dataContentEncoding);
		putIfSet(attributes, SUBJECT, this.subject);
		putIfSet(attributes, TIME, time());
		attributes.putAll(this.extensions);
		return attributes;
	}

	private static void putIfSet(Map<String, Object> attributes, String name, @Nullable Object value) {
		if (value != null) {
			attributes.put(name, value);
		}
	}

	/**
	 * Return the canonical string encoding of an attribute value, as headers carry it:
	 * timestamps in RFC 3339, binary values in Base64, everything else as its string
	 * form.
	 * @param name the attribute name
	 * @return the string value, or {@code null} if the event has no such attribute
	 */
	public @Nullable String attributeAsString(String name) {
		if (name.equals(SOURCE)) {
			return this.sourceText;
		}
		if (this.timeText != null && name.equals(TIME) && Timestamps.isCanonical(this.timeText)) {
			return this.timeText;
		}
		Object value = attribute(name);
		return (value != null) ? Values.canonicalString(value) : null;
	}

	/**
	 * Return whether the event carries data.
	 * @return {@code true} if there is data, even empty data
	 */
	public boolean hasData() {
		return this.data != null || this.dataValue != null;
	}

	/**
	 * Return whether the data is JSON: the {@code datacontenttype} is {@code *}/json or
	 * {@code *}/{@code *+json}.
	 * @return whether the data is JSON-formatted
	 */
	public boolean isJsonData() {
		return JsonEventFormat.isJsonContentType(this.dataContentType);
	}

	// whether the data is known to be exactly one JSON value, as event formats read it:
	// such bytes need no check before being embedded as JSON
	boolean isJsonValueData() {
		return this.jsonValueData && this.data != null;
	}

	/**
	 * Return the data as bytes, as received or given to the builder. Data given as an
	 * object to {@link Builder#data(Object)} is not serialized here, where no mapper is
	 * known: {@link dev.cloudevents.spring.json.JsonEventFormat#dataBytes(CloudEvent)}
	 * returns its bytes and
	 * {@link dev.cloudevents.spring.json.JsonEventFormat#dataAs(CloudEvent, Class)} the
	 * object.
	 * <p>
	 * The returned array is the event's own, not a copy, so that large data is never
	 * copied on its way through: do not modify it.
	 * @return the data bytes, or {@code null} if the event has none or holds an object
	 */
	public byte @Nullable [] data() {
		return this.data;
	}

	// the object given to Builder.data(Object), which encoders write as JSON with their
	// own mapper
	@Nullable Object dataValue() {
		return this.dataValue;
	}

	// false when id, source, type, subject, dataschema and every String or URI extension
	// are header tokens (printable ASCII but space, '"' and '%')
	boolean mayNeedPercentEncoding() {
		return this.percentEncoding;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof CloudEvent that)) {
			return false;
		}
		return this.specVersion == that.specVersion && this.id.equals(that.id) && source().equals(that.source())
				&& this.type.equals(that.type) && Objects.equals(this.dataContentType, that.dataContentType)
				&& Objects.equals(this.dataSchema, that.dataSchema)
				&& Objects.equals(this.dataContentEncoding, that.dataContentEncoding)
				&& Objects.equals(this.subject, that.subject) && Objects.equals(time(), that.time())
				&& extensionsEqual(this.extensions, that.extensions) && Arrays.equals(this.data, that.data)
				&& Objects.equals(this.dataValue, that.dataValue);
	}

	private static boolean extensionsEqual(Map<String, Object> a, Map<String, Object> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (Map.Entry<String, Object> entry : a.entrySet()) {
			Object value = b.get(entry.getKey());
			if (!Objects.deepEquals(entry.getValue(), value)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.specVersion, this.id, source(), this.type);
	}

	@Override
	public String toString() {
		StringBuilder result = new StringBuilder("CloudEvent{");
		attributes().forEach(
				(name, value) -> result.append(name).append('=').append(Values.canonicalString(value)).append(", "));
		byte[] bytes = data();
		result.append("data=").append((bytes != null) ? bytes.length + " bytes" : "none").append('}');
		return result.toString();
	}

	/**
	 * A builder of {@link CloudEvent} instances. Every setter validates its value
	 * straight away; {@link #build()} checks that the required attributes are present.
	 */
	public static final class Builder {

		private final boolean fillDefaults;

		private @Nullable SpecVersion specVersion;

		private @Nullable String id;

		// the text is the source; the URI is there when it was given or had to be parsed
		// to be checked
		private @Nullable URI source;

		private @Nullable String sourceText;

		private @Nullable String type;

		private @Nullable String dataContentType;

		private @Nullable URI dataSchema;

		private @Nullable String dataContentEncoding;

		private @Nullable String subject;

		private @Nullable OffsetDateTime time;

		private @Nullable String timeText;

		private @Nullable Map<String, Object> extensions;

		// set once an event holds the map: the builder copies it before changing it again
		private boolean extensionsShared;

		// created on first use: most events have none of these attributes
		private @Nullable Map<String, String> versionedAttributes;

		private byte @Nullable [] data;

		private boolean jsonValueData;

		private @Nullable Object dataValue;

		// set for good once a value that the HTTP binding writes as a header is not a
		// header token: a value replaced or removed later does not clear it
		private boolean percentEncoding;

		private Builder(boolean fillDefaults) {
			this.fillDefaults = fillDefaults;
		}

		/**
		 * Set the spec version.
		 * @param specVersion the version
		 * @return this builder
		 */
		public Builder specVersion(SpecVersion specVersion) {
			this.specVersion = specVersion;
			return this;
		}

		/**
		 * Set the {@code id}.
		 * @param id a non-empty string
		 * @return this builder
		 */
		public Builder id(String id) {
			headerValue(Values.requireString(ID, id));
			this.id = id;
			return this;
		}

		/**
		 * Set the {@code source}.
		 * @param source a non-empty URI-reference
		 * @return this builder
		 */
		public Builder source(URI source) {
			headerValue(Values.checkUriReference(SOURCE, source));
			this.source = source;
			this.sourceText = source.toString();
			return this;
		}

		/**
		 * Set the {@code source} from its string form.
		 * @param source a non-empty URI-reference
		 * @return this builder
		 */
		public Builder source(String source) {
			if (Values.plainUriReference(source)) {
				// of plain characters, only the '%' of an escape is no header token
				headerValue(source.indexOf('%') < 0);
				this.source = null;
			}
			else {
				this.source = Values.uriReference(SOURCE, source);
				headerValue(false);
			}
			this.sourceText = source;
			return this;
		}

		/**
		 * Set the {@code type}.
		 * @param type a non-empty string
		 * @return this builder
		 */
		public Builder type(String type) {
			headerValue(Values.requireString(TYPE, type));
			this.type = type;
			return this;
		}

		/**
		 * Set the {@code datacontenttype}.
		 * @param dataContentType an RFC 2046 media type, or {@code null} to unset it
		 * @return this builder
		 */
		public Builder dataContentType(@Nullable String dataContentType) {
			this.dataContentType = (dataContentType != null) ? Values.mediaType(DATACONTENTTYPE, dataContentType)
					: null;
			return this;
		}

		/**
		 * Set the {@code dataschema} (1.0) or {@code schemaurl} (0.3).
		 * @param dataSchema an absolute URI (1.0) or a URI-reference (0.3), or
		 * {@code null} to unset it
		 * @return this builder
		 */
		public Builder dataSchema(@Nullable URI dataSchema) {
			if (dataSchema != null) {
				headerValue(Values.checkUriReference(DATASCHEMA, dataSchema));
			}
			this.dataSchema = dataSchema;
			return this;
		}

		/**
		 * Set the {@code datacontentencoding} of a 0.3 event.
		 * @param dataContentEncoding the encoding, such as {@code "base64"}, or
		 * {@code null} to unset it
		 * @return this builder
		 */
		public Builder dataContentEncoding(@Nullable String dataContentEncoding) {
			if (dataContentEncoding != null) {
				// not a header: binary mode carries no datacontentencoding
				Values.requireString(DATACONTENTENCODING, dataContentEncoding);
			}
			this.dataContentEncoding = dataContentEncoding;
			return this;
		}

		/**
		 * Set the {@code subject}.
		 * @param subject a non-empty string, or {@code null} to unset it
		 * @return this builder
		 */
		public Builder subject(@Nullable String subject) {
			if (subject != null) {
				headerValue(Values.requireString(SUBJECT, subject));
			}
			this.subject = subject;
			return this;
		}

		/**
		 * Set the {@code time}.
		 * @param time the time the occurrence happened, or {@code null} to unset it
		 * @return this builder
		 */
		public Builder time(@Nullable OffsetDateTime time) {
			this.time = time;
			this.timeText = null;
			return this;
		}

		/**
		 * Set an extension attribute.
		 * @param name lower-case letters and digits, not a core attribute of the event's
		 * spec version nor {@code data}
		 * @param value a {@link String}, {@link Integer} (or a {@code long} in its
		 * range), {@link Boolean}, {@link URI}, {@link OffsetDateTime} or {@code byte[]};
		 * {@code null} removes the extension
		 * @return this builder
		 */
		public Builder extension(String name, @Nullable Object value) {
			checkExtensionName(name);
			if (value != null) {
				Object checked = Values.extensionValue(name, value);
				if (checked instanceof String string) {
					headerValue(Values.checkString(name, string));
				}
				else if (checked instanceof URI uri) {
					headerValue(Values.checkString(name, uri.toString()));
				}
				putExtension(name, checked);
			}
			else if (this.extensions != null && this.extensions.containsKey(name)) {
				ownExtensions().remove(name);
			}
			return this;
		}

		/**
		 * Set any attribute by name from its canonical string encoding, as protocol
		 * headers carry it: core attributes are parsed to their types ({@code time} as
		 * RFC 3339, {@code source} as a URI-reference, ...), any other name is a String
		 * extension. This is how bindings build events from headers.
		 * @param name the attribute name
		 * @param value the canonical string value
		 * @return this builder
		 */
		public Builder attribute(String name, String value) {
			switch (name) {
				case SPECVERSION -> this.specVersion = SpecVersion.of(value);
				case ID -> id(value);
				case SOURCE -> source(value);
				case TYPE -> type(value);
				case DATACONTENTTYPE -> dataContentType(value);
				case SUBJECT -> subject(value);
				case TIME -> {
					Timestamps.check(TIME, value);
					this.time = null;
					this.timeText = value;
				}
				// their meaning depends on a specversion that may come later
				case DATASCHEMA, SCHEMAURL, DATACONTENTENCODING -> versionedAttributes().put(name, value);
				default -> extension(name, value);
			}
			return this;
		}

		/**
		 * Set the data to bytes, kept as they are (not copied).
		 * @param data the bytes, or {@code null} for no data
		 * @return this builder
		 */
		public Builder data(byte @Nullable [] data) {
			this.data = data;
			this.jsonValueData = false;
			this.dataValue = null;
			return this;
		}

		// data known to be exactly one JSON value in UTF-8, such as the slice of a
		// document that an event format has just parsed: encoders copy it into the JSON
		// format as it is, where bytes given to data(byte[]) are checked first, so that
		// bytes that are not JSON cannot break the envelope
		Builder jsonData(byte[] json) {
			data(json);
			this.jsonValueData = true;
			if (this.dataContentType == null) {
				this.dataContentType = APPLICATION_JSON;
			}
			return this;
		}

		/**
		 * Set the data to bytes of the given media type.
		 * @param dataContentType the media type of the data
		 * @param data the bytes, kept as they are (not copied)
		 * @return this builder
		 */
		public Builder data(@Nullable String dataContentType, byte @Nullable [] data) {
			return dataContentType(dataContentType).data(data);
		}

		/**
		 * Set the data to text, encoded as UTF-8. Unless a {@code datacontenttype} is
		 * set, it becomes {@code text/plain; charset=utf-8}.
		 * @param text the text, or {@code null} for no data
		 * @return this builder
		 */
		public Builder data(@Nullable String text) {
			if (text == null) {
				return data((byte[]) null);
			}
			data(text.getBytes(StandardCharsets.UTF_8));
			if (this.dataContentType == null) {
				this.dataContentType = TEXT_PLAIN_UTF8;
			}
			return this;
		}

		/**
		 * Set the data to an object that is serialized to JSON when the event is encoded
		 * (with the encoder's {@link JsonMapper}, the application's one in a Spring Boot
		 * application). A {@code byte[]} or {@code String} is taken as
		 * {@link #data(byte[])} or {@link #data(String)} would. Unless a
		 * {@code datacontenttype} is set, it becomes {@code application/json}.
		 * @param value a POJO, record, {@code Map}, {@code JsonNode} or {@code null} for
		 * no data
		 * @return this builder
		 */
		public Builder data(@Nullable Object value) {
			if (value == null || value instanceof byte[]) {
				return data((byte[]) value);
			}
			if (value instanceof String text) {
				return data(text);
			}
			this.data = null;
			this.dataValue = value;
			if (this.dataContentType == null) {
				this.dataContentType = APPLICATION_JSON;
			}
			return this;
		}

		/**
		 * Validate and build the event.
		 * @return the event
		 * @throws InvalidCloudEventException if a required attribute is missing or an
		 * attribute is not valid for the spec version
		 */
		public CloudEvent build() {
			if (this.fillDefaults) {
				if (this.specVersion == null) {
					this.specVersion = SpecVersion.V1_0;
				}
				if (this.id == null) {
					this.id = UUID.randomUUID().toString();
				}
				if (this.time == null && this.timeText == null) {
					this.time = OffsetDateTime.now(ZoneOffset.UTC);
				}
			}
			SpecVersion version = this.specVersion;
			String eventId = this.id;
			if (version == null) {
				throw new InvalidCloudEventException(SPECVERSION, "is required");
			}
			if (eventId == null) {
				throw new InvalidCloudEventException(ID, "is required");
			}
			String source = this.sourceText;
			if (source == null) {
				throw new InvalidCloudEventException(SOURCE, "is required");
			}
			if (this.type == null) {
				throw new InvalidCloudEventException(TYPE, "is required");
			}
			Map<String, String> versioned = this.versionedAttributes;
			if (versioned != null) {
				for (Map.Entry<String, String> entry : versioned.entrySet()) {
					String name = entry.getKey();
					if (!version.isCoreAttribute(name)) {
						extension(name, entry.getValue());
					}
					else if (name.equals(DATACONTENTENCODING)) {
						dataContentEncoding(entry.getValue());
					}
					else {
						dataSchema(Values.uriReference(name, entry.getValue()));
					}
				}
				this.versionedAttributes = null;
			}
			if (version == SpecVersion.V1_0) {
				if (this.dataSchema != null) {
					Values.checkAbsoluteUri(DATASCHEMA, this.dataSchema);
				}
				if (this.dataContentEncoding != null) {
					throw new InvalidCloudEventException(DATACONTENTENCODING,
							"is not an attribute of spec version 1.0");
				}
			}
			for (String name : (this.extensions != null) ? this.extensions.keySet() : Collections.<String>emptySet()) {
				if (version.isCoreAttribute(name)) {
					throw new InvalidCloudEventException(name,
							"is a core attribute of spec version " + version + " and cannot be an extension");
				}
			}
			return new CloudEvent(this, version, eventId, source, this.type);
		}

		// other values (numbers, booleans, timestamps, Base64) are header tokens anyway
		private void headerValue(boolean token) {
			if (!token) {
				this.percentEncoding = true;
			}
		}

		private Map<String, String> versionedAttributes() {
			Map<String, String> versioned = this.versionedAttributes;
			if (versioned == null) {
				versioned = new LinkedHashMap<>(4);
				this.versionedAttributes = versioned;
			}
			return versioned;
		}

		private void putExtension(String name, Object value) {
			ownExtensions().put(name, value);
		}

		private Map<String, Object> ownExtensions() {
			if (this.extensions == null) {
				// sized for the one or two extensions most events have
				this.extensions = new LinkedHashMap<>(4);
			}
			else if (this.extensionsShared) {
				this.extensions = new LinkedHashMap<>(this.extensions);
				this.extensionsShared = false;
			}
			return this.extensions;
		}

		private Map<String, Object> shareExtensions() {
			if (this.extensions == null || this.extensions.isEmpty()) {
				return Collections.emptyMap();
			}
			this.extensionsShared = true;
			return Collections.unmodifiableMap(this.extensions);
		}

		private static void checkExtensionName(String name) {
			if (name.isEmpty()) {
				throw new InvalidCloudEventException("An extension name must not be empty");
			}
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
					throw new InvalidCloudEventException(name,
							"is not a valid extension name: only lower-case letters a-z and digits 0-9 are allowed");
				}
			}
			if (name.equals("data")) {
				throw new InvalidCloudEventException(name, "is reserved and cannot be an extension name");
			}
			switch (name) {
				case SPECVERSION, ID, SOURCE, TYPE, DATACONTENTTYPE, SUBJECT, TIME ->
					throw new InvalidCloudEventException(name, "is a core attribute and cannot be an extension");
				default -> {
				}
			}
		}

	}

}
