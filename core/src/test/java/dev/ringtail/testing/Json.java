package dev.ringtail.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader for tests, on jackson-core's parser: the bytes must be valid UTF-8, no
 * object may hold a key twice, no string may hold a lone surrogate, and nothing may follow the
 * value. Objects become {@code LinkedHashMap}s, arrays {@code List}s, numbers {@code Long},
 * {@code BigInteger}, {@code Double} or {@code BigDecimal} (exact), as jackson reads them.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    public static Object parse(byte[] utf8) {
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty document");
            }
            Object value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("content after the value at " + parser.currentLocation());
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("invalid JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(byte[] utf8) {
        return (Map<String, Object>) parse(utf8);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> array(byte[] utf8) {
        return (List<Map<String, Object>>) parse(utf8);
    }

    private static Object read(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = checked(p.currentName());
                    map.put(name, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(read(p, t));
                }
                return list;
            }
            case VALUE_STRING:
                return checked(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected token " + token);
        }
    }

    private static String checked(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("lone surrogate at " + i + " in a JSON string");
            }
        }
        return text;
    }
}
