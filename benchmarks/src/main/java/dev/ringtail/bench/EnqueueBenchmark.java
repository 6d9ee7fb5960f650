package dev.ringtail.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How every enqueue row of the suite is measured, declared once: SampleTime (the percentiles of
 * single calls) and Throughput, in nanoseconds, three warm-up and five measured iterations of a
 * second, one fork. JMH reads these annotations from the superclass, so a row declares only what
 * differs. A row whose logger needs other JVM flags declares its own {@code @Fork}, which replaces
 * this one whole; one that needs fewer modes declares its own {@code @BenchmarkMode}.
 *
 * <p>The state is shared by the benchmark threads ({@link Scope#Benchmark}): they log into one
 * logger, as an application's threads do.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forks.NO_SLF4J_PROVIDER)
public abstract class EnqueueBenchmark {
}
