package dev.cloudevents.spring.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Tests {

	@Property(tries = 5000)
	void findsTheFirstIllFormedSequenceWhereTheJdkDecoderDoes(@ForAll("nearlyUtf8") byte[] bytes) {
		assertThat(Utf8.indexOfInvalid(bytes)).isEqualTo(jdkIndexOfInvalid(bytes));
		assertThat(Utf8.isValid(bytes)).isEqualTo(jdkIndexOfInvalid(bytes) < 0);
	}

	/**
	 * Text of any code points with, sometimes, one byte replaced, inserted or cut off
	 * anywhere, so that ill-formed sequences stand at every offset of the eight-byte
	 * words.
	 */
	@Provide
	Arbitrary<byte[]> nearlyUtf8() {
		Arbitrary<byte[]> text = Arbitraries.strings()
			.all()
			.ofMaxLength(40)
			.map((string) -> string.getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> broken = Combinators
			.combine(text, Arbitraries.doubles().between(0, 1), Arbitraries.bytes(),
					Arbitraries.integers().between(0, 2))
			.as((bytes, position, value, kind) -> {
				int at = (int) (bytes.length * position);
				if (kind == 2) {
					return Arrays.copyOf(bytes, at);
				}
				// 0 replaces the byte at the position, 1 inserts before it
				int rest = Math.min(bytes.length, at + 1 - kind);
				ByteBuffer result = ByteBuffer.allocate(bytes.length + 1);
				result.put(bytes, 0, at).put(value).put(bytes, rest, bytes.length - rest);
				return Arrays.copyOf(result.array(), result.position());
			});
		return Arbitraries.frequencyOf(Tuple.of(1, text), Tuple.of(3, broken),
				Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(24)));
	}

	private static int jdkIndexOfInvalid(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length * 2 + 2), true);
		return result.isError() ? in.position() : -1;
	}

}
