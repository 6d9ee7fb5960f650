package dev.ringtail.internal.json;

import static dev.ringtail.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.testing.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Decimals a double cannot hold are written as strings, so no reader sees an infinity. */
class NumbersBeyondDoubleTest {
    private final EventSerializer serializer = new EventSerializer();

    private Object written(Object value) throws Exception {
        LogEvent e = event(Level.INFO, "n").addKeyValue("n", value);
        Map<String, Object> json = Json.object(serializer.serialize(e).toByteArray());
        return json.get("n");
    }

    @Test
    void decimalsBeyondTheDoubleRangeAreStrings() throws Exception {
        assertThat(written(new BigDecimal("1e400"))).isEqualTo("1E+400");
        assertThat(written(new BigDecimal("-1e400"))).isEqualTo("-1E+400");
        assertThat(written(new BigDecimal("1.8e308"))).isEqualTo("1.8E+308");
        assertThat(written(BigInteger.TWO.pow(1024))).isEqualTo(BigInteger.TWO.pow(1024).toString());
        assertThat(written(BigInteger.TEN.pow(5000).negate())).isInstanceOf(String.class);
    }

    @Test
    void decimalsInsideTheRangeStayExactNumbers() throws Exception {
        assertThat(written(new BigDecimal("1.7976931348623157e308"))).isEqualTo(new BigDecimal("1.7976931348623157E+308"));
        assertThat(written(BigInteger.TWO.pow(1023))).isEqualTo(BigInteger.TWO.pow(1023));
        assertThat(written(new BigDecimal("1e-400"))).isEqualTo(new BigDecimal("1E-400")); // underflow is finite
        assertThat(written(new BigDecimal("0.00"))).isEqualTo(new BigDecimal("0.00"));
        assertThat(written(new BigDecimal("12.5"))).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void finiteCheckAgreesWithDoubleParsing() {
        SplittableRandom random = new SplittableRandom(7);
        String[] mantissas = {"0", "1", "9", "17976931348623157", "1797693134862315799", "0.000017976931348623158",
                "179769313486231580000", "1.79769313486231570815", "999.999"};
        for (String mantissa : mantissas) {
            for (int exponent = 280; exponent <= 330; exponent++) {
                for (String sign : new String[] {"", "-"}) {
                    String text = sign + mantissa + "e" + (random.nextBoolean() ? "+" : "") + exponent;
                    assertThat(JsonNumbers.isFiniteDouble(text)).as(text)
                            .isEqualTo(Double.isFinite(Double.parseDouble(text)));
                }
            }
        }
        assertThat(JsonNumbers.isFiniteDouble("1e99999999999999999999999")).isFalse();
        assertThat(JsonNumbers.isFiniteDouble("1e-99999999999999999999999")).isTrue();
    }
}
