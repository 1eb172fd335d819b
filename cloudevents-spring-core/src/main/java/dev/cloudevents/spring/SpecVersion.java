package dev.cloudevents.spring;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The CloudEvents specification versions this library reads and writes.
 *
 * @since 0.1.0
 */
public enum SpecVersion {

	/**
	 * CloudEvents 0.3.
	 */
	V0_3("0.3",
			Set.of(CloudEvent.SPECVERSION, CloudEvent.ID, CloudEvent.SOURCE, CloudEvent.TYPE,
					CloudEvent.DATACONTENTTYPE, CloudEvent.DATACONTENTENCODING, CloudEvent.SCHEMAURL,
					CloudEvent.SUBJECT, CloudEvent.TIME)),

	/**
	 * CloudEvents 1.0.
	 */
	V1_0("1.0", Set.of(CloudEvent.SPECVERSION, CloudEvent.ID, CloudEvent.SOURCE, CloudEvent.TYPE,
			CloudEvent.DATACONTENTTYPE, CloudEvent.DATASCHEMA, CloudEvent.SUBJECT, CloudEvent.TIME));

	private final String value;

	private final Set<String> attributeNames;

	SpecVersion(String value, Set<String> attributeNames) {
		this.value = value;
		this.attributeNames = attributeNames;
	}

	/**
	 * Return the value of the {@code specversion} attribute, such as {@code "1.0"}.
	 * @return the version string
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Return the names of the context attributes this version defines.
	 * @return the core attribute names
	 */
	public Set<String> attributeNames() {
		return this.attributeNames;
	}

	/**
	 * Return whether this version defines a context attribute of the given name.
	 * @param name an attribute name
	 * @return whether {@code name} is a core attribute of this version
	 */
	public boolean isCoreAttribute(String name) {
		return this.attributeNames.contains(name);
	}

	/**
	 * Return the version for a {@code specversion} value.
	 * @param value the attribute value, such as {@code "1.0"}
	 * @return the version
	 * @throws InvalidCloudEventException if the value is missing or not a supported
	 * version
	 */
	public static SpecVersion of(@Nullable String value) {
		if (value == null) {
			throw new InvalidCloudEventException(CloudEvent.SPECVERSION, "is required");
		}
		return switch (value) {
			case "1.0" -> V1_0;
			case "0.3" -> V0_3;
			default -> throw new InvalidCloudEventException(CloudEvent.SPECVERSION,
					"'" + value + "' is not a supported version (1.0 or 0.3)");
		};
	}

	@Override
	public String toString() {
		return this.value;
	}

}
