package dev.cloudevents.spring.http;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * The headers of a message the binding writes: a multi-value map with case-insensitive
 * names in insertion order, held in two arrays and searched by a scan, for the handful of
 * headers an event has. What {@code new HttpHeaders()} costs per header (a lower-case
 * copy of the name, two hash-map entries and a list) was more than the rest of a
 * binary-mode encode. It behaves as the {@code LinkedCaseInsensitiveMap} behind
 * {@code new HttpHeaders()} does, down to a name given in other letter case replacing the
 * entry and moving it to the end.
 */
final class HeaderMap extends AbstractMap<String, List<String>> implements MultiValueMap<String, String> {

	private String[] names;

	// a header's values: a String while it has only the one set, else its List
	private @Nullable Object[] values;

	private int size;

	HeaderMap(int capacity) {
		this.names = new String[Math.max(capacity, 1)];
		this.values = new Object[this.names.length];
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public boolean containsKey(@Nullable Object name) {
		return indexOf(name) >= 0;
	}

	@Override
	public @Nullable List<String> get(@Nullable Object name) {
		int index = indexOf(name);
		return (index >= 0) ? list(index) : null;
	}

	@Override
	public @Nullable List<String> put(String name, @Nullable List<String> values) {
		return asList(store(name, values));
	}

	@Override
	public @Nullable List<String> remove(@Nullable Object name) {
		int index = indexOf(name);
		return (index >= 0) ? asList(removeAt(index)) : null;
	}

	@Override
	public void clear() {
		Arrays.fill(this.names, 0, this.size, null);
		Arrays.fill(this.values, 0, this.size, null);
		this.size = 0;
	}

	@Override
	public @Nullable String getFirst(String name) {
		int index = indexOf(name);
		if (index < 0) {
			return null;
		}
		Object value = this.values[index];
		if (value instanceof String string) {
			return string;
		}
		List<?> list = (List<?>) value;
		return (list != null && !list.isEmpty()) ? (String) list.get(0) : null;
	}

	@Override
	public void add(String name, @Nullable String value) {
		int index = indexOf(name);
		if (index < 0) {
			append(name, value);
		}
		else {
			mutableList(index).add(value);
		}
	}

	@Override
	public void addAll(String name, List<? extends String> values) {
		int index = indexOf(name);
		if (index < 0) {
			append(name, new ArrayList<>(values));
		}
		else {
			mutableList(index).addAll(values);
		}
	}

	@Override
	public void addAll(MultiValueMap<String, String> values) {
		values.forEach(this::addAll);
	}

	@Override
	public void set(String name, @Nullable String value) {
		store(name, value);
	}

	@Override
	public void setAll(Map<String, String> values) {
		values.forEach(this::set);
	}

	@Override
	public Map<String, String> toSingleValueMap() {
		Map<String, String> single = new LinkedHashMap<>();
		for (int i = 0; i < this.size; i++) {
			String first = getFirst(this.names[i]);
			if (first != null) {
				single.put(this.names[i], first);
			}
		}
		return single;
	}

	@Override
	public Set<Map.Entry<String, List<String>>> entrySet() {
		return new EntrySet();
	}

	private int indexOf(@Nullable Object name) {
		if (name instanceof String string) {
			for (int i = 0; i < this.size; i++) {
				String candidate = this.names[i];
				if (candidate == string || sameName(candidate, string)) {
					return i;
				}
			}
		}
		return -1;
	}

	/**
	 * {@link String#equalsIgnoreCase}, which folds the case of every character of names
	 * of the same length, behind a quick look from the end: names of an event share their
	 * beginning ({@code ce-}), and two ASCII characters that differ in more than the case
	 * bit differ in any case.
	 */
	private static boolean sameName(String a, String b) {
		int length = a.length();
		if (length != b.length()) {
			return false;
		}
		for (int i = length - 1; i >= 0; i--) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != y && (x | y) < 0x80 && (x | 0x20) != (y | 0x20)) {
				return false;
			}
		}
		return a.equalsIgnoreCase(b);
	}

	/**
	 * Store a value (a String or a List) under a name; a name in other letter case
	 * replaces the entry and moves it to the end, as {@code LinkedCaseInsensitiveMap}
	 * does.
	 * @return the value it replaced
	 */
	private @Nullable Object store(String name, @Nullable Object value) {
		int index = indexOf(name);
		if (index < 0) {
			append(name, value);
			return null;
		}
		if (this.names[index].equals(name)) {
			Object old = this.values[index];
			this.values[index] = value;
			return old;
		}
		Object old = removeAt(index);
		append(name, value);
		return old;
	}

	/**
	 * Add a header whose name is not in the map yet, without looking for it.
	 */
	void append(String name, @Nullable Object value) {
		if (this.size == this.names.length) {
			this.names = Arrays.copyOf(this.names, this.size * 2);
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.names[this.size] = name;
		this.values[this.size] = value;
		this.size++;
	}

	private @Nullable Object removeAt(int index) {
		Object old = this.values[index];
		int moved = this.size - index - 1;
		System.arraycopy(this.names, index + 1, this.names, index, moved);
		System.arraycopy(this.values, index + 1, this.values, index, moved);
		this.size--;
		this.names[this.size] = null;
		this.values[this.size] = null;
		return old;
	}

	/** The values as a list that stays the entry's value, as other maps hand out. */
	@SuppressWarnings("unchecked")
	private @Nullable List<String> list(int index) {
		Object value = this.values[index];
		if (value instanceof String string) {
			List<String> list = new ArrayList<>(1);
			list.add(string);
			this.values[index] = list;
			return list;
		}
		return (List<String>) value;
	}

	private List<@Nullable String> mutableList(int index) {
		List<String> list = list(index);
		if (list == null) {
			list = new ArrayList<>(1);
			this.values[index] = list;
		}
		return list;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable List<String> asList(@Nullable Object value) {
		return (value instanceof String string) ? new ArrayList<>(List.of(string)) : (List<String>) value;
	}

	private final class EntrySet extends AbstractSet<Map.Entry<String, List<String>>> {

		@Override
		public int size() {
			return HeaderMap.this.size;
		}

		@Override
		public Iterator<Map.Entry<String, List<String>>> iterator() {
			return new Iterator<>() {

				private int next;

				private int last = -1;

				@Override
				public boolean hasNext() {
					return this.next < HeaderMap.this.size;
				}

				@Override
				public Map.Entry<String, List<String>> next() {
					if (!hasNext()) {
						throw new NoSuchElementException();
					}
					this.last = this.next++;
					return new Entry(this.last);
				}

				@Override
				public void remove() {
					if (this.last < 0) {
						throw new IllegalStateException();
					}
					removeAt(this.last);
					this.next = this.last;
					this.last = -1;
				}

			};
		}

	}

	private final class Entry implements Map.Entry<String, List<String>> {

		private final int index;

		private final String name;

		Entry(int index) {
			this.index = index;
			this.name = HeaderMap.this.names[index];
		}

		@Override
		public String getKey() {
			return this.name;
		}

		@Override
		public @Nullable List<String> getValue() {
			return list(this.index);
		}

		@Override
		public @Nullable List<String> setValue(@Nullable List<String> value) {
			List<String> old = list(this.index);
			HeaderMap.this.values[this.index] = value;
			return old;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Map.Entry<?, ?> entry && this.name.equals(entry.getKey())
					&& Objects.equals(getValue(), entry.getValue());
		}

		@Override
		public int hashCode() {
			return this.name.hashCode() ^ Objects.hashCode(getValue());
		}

		@Override
		public String toString() {
			return this.name + "=" + getValue();
		}

	}

}
