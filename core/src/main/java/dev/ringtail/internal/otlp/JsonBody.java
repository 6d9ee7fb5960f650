package dev.ringtail.internal.otlp;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringtail.internal.http.Batch;
import dev.ringtail.internal.http.Protocol;
import dev.ringtail.internal.json.JsonText;
import dev.ringtail.internal.json.OutputBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An {@code ExportLogsServiceRequest} in OTLP/JSON around a batch range's records, grouped as in
 * {@link ProtobufBody}:
 * {@code {"resourceLogs":[{"resource":{...},"scopeLogs":[{"scope":{"name":"..."},"logRecords":[...]}]}]}}.
 * One per sender thread.
 */
final class JsonBody implements Protocol.BodyWriter {
    private static final byte[] START = ascii("{\"resourceLogs\":[{\"resource\":");
    private static final byte[] SCOPE_LOGS = ascii(",\"scopeLogs\":[");
    private static final byte[] SCOPE = ascii("{\"scope\":{\"name\":");
    private static final byte[] LOG_RECORDS = ascii("},\"logRecords\":[");
    private static final byte[] END_SCOPE = ascii("]}");
    private static final byte[] END = ascii("]}]}");

    private final byte[] resource;
    private final int maxFieldChars;
    private final ScopeGroups groups = new ScopeGroups();
    private final OutputBuffer name = new OutputBuffer(256);
    private final JsonText text = new JsonText();
    private final JsonGenerator generator;

    JsonBody(Resource resource, int maxFieldChars) {
        this.resource = resource.json();
        this.maxFieldChars = maxFieldChars;
        try {
            generator = JsonRecordEncoder.FACTORY.createGenerator(name);
            generator.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for an in-memory target
        }
    }

    @Override
    public void write(Batch batch, int from, int to, OutputBuffer out) {
        groups.group(batch, from, to);
        out.reset();
        out.write(START, 0, START.length);
        out.write(resource, 0, resource.length);
        out.write(SCOPE_LOGS, 0, SCOPE_LOGS.length);
        byte[] records = batch.bytes();
        for (int g = 0; g < groups.count(); g++) {
            if (g > 0) {
                out.write(',');
            }
            out.write(SCOPE, 0, SCOPE.length);
            scopeName(groups.name(g), out);
            out.write(LOG_RECORDS, 0, LOG_RECORDS.length);
            for (int i = groups.first(g); i >= 0; i = groups.next(i)) {
                if (i != groups.first(g)) {
                    out.write(',');
                }
                out.write(records, batch.start(i), batch.end(i) - batch.start(i));
            }
            out.write(END_SCOPE, 0, END_SCOPE.length);
        }
        out.write(END, 0, END.length);
        text.release();
    }

    private void scopeName(String logger, OutputBuffer out) {
        name.reset();
        try {
            text.write(generator, logger, maxFieldChars);
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for an in-memory target
        }
        out.write(name, 0, name.size());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
