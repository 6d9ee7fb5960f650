package dev.ringtail.internal.otlp;

import dev.ringtail.internal.http.Batch;
import dev.ringtail.internal.http.Protocol;
import dev.ringtail.internal.json.OutputBuffer;

/**
 * An {@code ExportLogsServiceRequest} in binary protobuf around a batch range's records: one
 * {@code ResourceLogs} (the sink's {@link Resource}), one {@code ScopeLogs} per logger name
 * (scope name = logger name, cut at the field bound), the records as the consumer encoded them.
 * Every size is computed from the records' lengths before anything is written. One per sender
 * thread.
 */
final class ProtobufBody implements Protocol.BodyWriter {
    private static final int RESOURCE_LOGS = 1;
    private static final int RESOURCE = 1;
    private static final int SCOPE_LOGS = 2;
    private static final int SCOPE = 1;
    private static final int LOG_RECORDS = 2;
    private static final int SCOPE_NAME = 1;

    private final byte[] resource;
    private final int maxFieldChars;
    private final ScopeGroups groups = new ScopeGroups();
    private final ProtoWriter w = new ProtoWriter(new OutputBuffer(16));
    private int[] scopeLogsSizes = new int[16];
    private int[] nameSizes = new int[16];

    ProtobufBody(Resource resource, int maxFieldChars) {
        this.resource = resource.protobuf();
        this.maxFieldChars = maxFieldChars;
    }

    @Override
    public void write(Batch batch, int from, int to, OutputBuffer out) {
        groups.group(batch, from, to);
        int n = groups.count();
        if (scopeLogsSizes.length < n) {
            scopeLogsSizes = new int[n];
            nameSizes = new int[n];
        }
        w.into(out);
        long resourceLogs = ProtoWriter.fieldSize(resource.length);
        for (int g = 0; g < n; g++) {
            nameSizes[g] = w.textSize(groups.name(g), maxFieldChars);
            long scopeLogs = ProtoWriter.fieldSize(ProtoWriter.fieldSize(nameSizes[g]));
            for (int i = groups.first(g); i >= 0; i = groups.next(i)) {
                scopeLogs += ProtoWriter.fieldSize(batch.end(i) - batch.start(i));
            }
            scopeLogsSizes[g] = Math.toIntExact(scopeLogs);
            resourceLogs += ProtoWriter.fieldSize(scopeLogsSizes[g]);
        }
        out.reset();
        out.ensure(Math.toIntExact(resourceLogs + 6));
        w.lengthDelimited(RESOURCE_LOGS, Math.toIntExact(resourceLogs));
        w.bytes(RESOURCE, resource, resource.length);
        byte[] records = batch.bytes();
        for (int g = 0; g < n; g++) {
            w.lengthDelimited(SCOPE_LOGS, scopeLogsSizes[g]);
            w.lengthDelimited(SCOPE, ProtoWriter.fieldSize(nameSizes[g]));
            w.text(SCOPE_NAME, groups.name(g), maxFieldChars);
            for (int i = groups.first(g); i >= 0; i = groups.next(i)) {
                int start = batch.start(i);
                w.lengthDelimited(LOG_RECORDS, batch.end(i) - start);
                out.write(records, start, batch.end(i) - start);
            }
        }
    }
}
