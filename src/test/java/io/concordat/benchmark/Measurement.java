package io.concordat.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.concordat.support.Broker.Response;

/**
 * Times one operation: {@code warmup} untimed requests, then {@code requests} timed ones,
 * one after the other from a single client. Request {@code i} is prepared (path chosen,
 * body serialised) before its clock starts; the clock covers sending it and reading the
 * whole response. Any unexpected status stops the benchmark, so that errors are never
 * timed as answers.
 */
final class Measurement {

	private Measurement() {
	}

	/**
	 * @param name what the table calls it
	 * @param status the status every response must have
	 * @param request prepares the {@code i}-th request ({@code i} counts warm-up and
	 * timed requests together, so writes can make each request new)
	 */
	record Operation(String name, int status, IntFunction<Supplier<Response>> request) {

	}

	/**
	 * @param operation what was measured
	 * @param n timed requests
	 * @param medianMs median latency
	 * @param p95Ms 95th percentile latency (nearest rank)
	 * @param p99Ms 99th percentile latency (nearest rank)
	 * @param perSecond timed requests divided by the time they took together
	 */
	record Result(String operation, int n, double medianMs, double p95Ms, double p99Ms, double perSecond) {

	}

	static Result run(Operation operation, int warmup, int requests) {
		for (int i = 0; i < warmup; i++) {
			call(operation, operation.request().apply(i));
		}
		long[] nanos = new long[requests];
		long total = 0;
		for (int i = 0; i < requests; i++) {
			Supplier<Response> request = operation.request().apply(warmup + i);
			long start = System.nanoTime();
			Response response = request.get();
			nanos[i] = System.nanoTime() - start;
			total += nanos[i];
			check(operation, response);
		}
		Arrays.sort(nanos);
		double median = (requests % 2 == 1) ? nanos[requests / 2]
				: (nanos[requests / 2 - 1] + nanos[requests / 2]) / 2.0;
		return new Result(operation.name(), requests, millis(median), millis(rank(nanos, 0.95)),
				millis(rank(nanos, 0.99)), requests / (total / 1e9));
	}

	private static void call(Operation operation, Supplier<Response> request) {
		check(operation, request.get());
	}

	private static void check(Operation operation, Response response) {
		if (response.status() != operation.status()) {
			throw new IllegalStateException(
					operation.name() + ": expected " + operation.status() + " but got " + response);
		}
	}

	private static long rank(long[] sorted, double percentile) {
		int rank = (int) Math.ceil(percentile * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static double millis(double nanos) {
		return nanos / 1e6;
	}

	static String table(List<Result> results) {
		StringBuilder table = new StringBuilder();
		table.append("| operation | n | median ms | p95 ms | p99 ms | req/s |\n");
		table.append("|---|---:|---:|---:|---:|---:|\n");
		for (Result result : results) {
			table.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.0f |\n", result.operation(),
					result.n(), result.medianMs(), result.p95Ms(), result.p99Ms(), result.perSecond()));
		}
		return table.toString();
	}

}
