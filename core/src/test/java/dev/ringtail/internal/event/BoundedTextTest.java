package dev.ringtail.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.CharBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundedTextTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, 7, -7, 9, 10, -10, 99, 100, 123_456_789, -123_456_789, Integer.MAX_VALUE,
            Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1})
    void writesANumberAsLongToStringDoes(long value) {
        BoundedText text = new BoundedText(100);
        text.start();
        text.append("n=");
        text.append(value);
        text.append(";");
        assertThat(text.toString()).isEqualTo("n=" + value + ";");
    }

    @Test
    void aNumberNearTheLimitIsCutLikeAnyText() {
        BoundedText text = new BoundedText(5);
        text.start();
        text.append(Long.MIN_VALUE);
        text.end();
        assertThat(text.toString()).isEqualTo("-9223" + Truncation.PREFIX + "15" + Truncation.SUFFIX);
    }

    @Test
    void takesEveryKindOfCharSequence() {
        BoundedText other = new BoundedText(10);
        other.start();
        other.append("bounded");
        BoundedText text = new BoundedText(100);
        text.start();
        text.append("string ");
        text.append(new StringBuilder("builder "));
        text.append(CharBuffer.wrap("buffer "));
        text.append(other);
        text.append("__x__", 2, 3);
        assertThat(text.toString()).isEqualTo("string builder buffer boundedx");
        assertThat(text.length()).isEqualTo(30);
        assertThat(text.charAt(7)).isEqualTo('b');
        assertThat(text.subSequence(7, 14).toString()).isEqualTo("builder");
    }

    @Test
    void cutsAtTheLimitWithTheMarkerAndNeverSplitsASurrogatePair() {
        BoundedText text = new BoundedText(4);
        text.start();
        text.append("abc\uD83D\uDE00def");
        text.end();
        assertThat(text.isTruncated()).isTrue();
        assertThat(text.toString()).isEqualTo("abc" + Truncation.PREFIX + "5" + Truncation.SUFFIX);
    }

    @Test
    void neverGrowsPastTheLimitAndTheMarker() {
        BoundedText text = new BoundedText(1000);
        text.start();
        for (int i = 0; i < 100; i++) {
            text.append("0123456789abcdefghij");
        }
        text.end();
        assertThat(text.length()).isEqualTo(1000 + Truncation.markerLength(1000));
        assertThat(text.capacity()).isLessThanOrEqualTo(1000 + 40);
    }

    @Test
    void copiesAnotherTextWithItsTruncationAndShrinksBackToItsBase() {
        BoundedText big = new BoundedText(10_000);
        big.start();
        big.append("x".repeat(5_000));
        assertThat(big.fitsBase()).isFalse();
        assertThat(big.charsBeyondBase()).isEqualTo(big.capacity() - BoundedText.BASE_CHARS);

        BoundedText small = new BoundedText(3);
        small.start();
        small.append("abcdef");
        small.end();
        BoundedText copy = new BoundedText(100);
        copy.copyFrom(small);
        assertThat(copy.toString()).isEqualTo(small.toString());
        assertThat(copy.isTruncated()).isTrue();

        big.shrink();
        assertThat(big.capacity()).isEqualTo(BoundedText.BASE_CHARS);
        assertThat(big.charsBeyondBase()).isZero();
    }

    @Test
    void readsOutsideTheTextAreRefused() {
        BoundedText text = new BoundedText(10);
        text.start();
        text.append("abc");
        assertThatThrownBy(() -> text.charAt(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> text.subSequence(2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> text.getChars(0, 4, new char[4], 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
