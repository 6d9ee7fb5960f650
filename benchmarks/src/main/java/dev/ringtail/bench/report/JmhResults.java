package dev.ringtail.bench.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON JMH writes with {@code -rf json} (jackson-core only, into plain maps and lists). */
final class JmhResults {
    private JmhResults() {
    }

    /** The results, and the run facts of the first one (JDK, VM, JMH version). */
    record Run(List<Result> results, Map<String, Object> facts) {
    }

    static Run read(Path file) throws IOException {
        Object root;
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            parser.nextToken();
            root = value(parser);
        }
        if (!(root instanceof List)) {
            throw new IOException(file + " is not a JMH JSON result (expected an array)");
        }
        List<Result> results = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        for (Object o : (List<?>) root) {
            Map<?, ?> entry = (Map<?, ?>) o;
            if (facts.isEmpty()) {
                for (String k : new String[] {"jmhVersion", "jdkVersion", "vmName", "vmVersion", "jvmArgs",
                        "warmupIterations", "warmupTime", "measurementIterations", "measurementTime", "forks"}) {
                    if (entry.containsKey(k)) {
                        facts.put(k, entry.get(k));
                    }
                }
            }
            results.add(result(entry));
        }
        return new Run(results, facts);
    }

    private static Result result(Map<?, ?> e) {
        Map<String, String> params = new LinkedHashMap<>();
        if (e.get("params") instanceof Map) {
            ((Map<?, ?>) e.get("params")).forEach((k, v) -> params.put(k.toString(), v.toString()));
        }
        Map<?, ?> primary = (Map<?, ?>) e.get("primaryMetric");
        Map<Double, Double> percentiles = new LinkedHashMap<>();
        if (primary.get("scorePercentiles") instanceof Map) {
            ((Map<?, ?>) primary.get("scorePercentiles")).forEach(
                    (k, v) -> percentiles.put(Double.parseDouble(k.toString()), number(v)));
        }
        double alloc = Double.NaN;
        if (e.get("secondaryMetrics") instanceof Map) {
            for (Map.Entry<?, ?> m : ((Map<?, ?>) e.get("secondaryMetrics")).entrySet()) {
                // older JMH versions prefix profiler metrics with a middle dot
                if (m.getKey().toString().replace("\u00b7", "").equals("gc.alloc.rate.norm")) {
                    alloc = number(((Map<?, ?>) m.getValue()).get("score"));
                }
            }
        }
        return new Result(e.get("benchmark").toString(), e.get("mode").toString(),
                (int) number(e.get("threads")), params, number(primary.get("score")),
                number(primary.get("scoreError")), primary.get("scoreUnit").toString(), percentiles, alloc);
    }

    private static double number(Object o) {
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        if (o == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(o.toString()); // JMH writes "NaN" as a string
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                return p.getText();
        }
    }
}
