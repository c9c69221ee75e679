package io.concordat.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.PactFiles;

/**
 * Seeds the data the benchmark reads, through the public API only, the way clients
 * produce it (see {@link Scale}). Each consumer's versions are published in order by one
 * client; several consumers are seeded concurrently to keep seeding short.
 */
final class Seeding {

	private final Broker broker;

	private final Scale scale;

	Seeding(Broker broker, Scale scale) {
		this.broker = broker;
		this.scale = scale;
	}

	void run() throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(this.scale.seedThreads());
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int p = 0; p < this.scale.providers(); p++) {
				String provider = this.scale.provider(p);
				work.add(pool.submit(() -> seedProvider(provider)));
			}
			for (int c = 0; c < this.scale.consumers(); c++) {
				String consumer = this.scale.consumer(c);
				work.add(pool.submit(() -> seedConsumer(consumer)));
			}
			for (Future<?> future : work) {
				future.get();
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Seeding failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** A provider's own versions, as its CI records them, with some deployed to prod. */
	private void seedProvider(String provider) {
		for (int v = 0; v < this.scale.providerVersions(); v++) {
			String version = Scale.version(v);
			expect(this.broker.put(path("pacticipants", provider, "branches", Scale.MAIN, "versions", version), null),
					201);
			if (v % 5 == 0) {
				expect(this.broker.put(path("pacticipants", provider, "versions", version, "tags", "prod"), null), 201);
			}
		}
	}

	private void seedConsumer(String consumer) {
		for (int v = 0; v < this.scale.versions(); v++) {
			List<PactFiles> pacts = new ArrayList<>();
			for (int p = 0; p < this.scale.providers(); p++) {
				pacts.add(PactFiles.aPact()
					.between(consumer, this.scale.provider(p))
					.withInteractions(this.scale.interactions(), this.scale.contentSeed(v)));
			}
			String version = Scale.version(v);
			String branch = Scale.branch(v);
			expect(this.broker.post("/contracts/publish",
					PactFiles.publishBody(version, branch, List.of(branch), pacts)), 200);
			if (branch.equals(Scale.MAIN) && v % 10 == 0) {
				expect(this.broker.put(path("pacticipants", consumer, "versions", version, "tags", "test"), null), 201);
			}
			if (branch.equals(Scale.MAIN) && v % 20 == 0) {
				expect(this.broker.put(path("pacticipants", consumer, "versions", version, "tags", "prod"), null), 201);
			}
		}
	}

	/** Segments are names the benchmark chose, all URL-safe. */
	static String path(String... segments) {
		return "/" + String.join("/", segments);
	}

	static Response expect(Response response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("Expected " + status + " but got " + response);
		}
		return response;
	}

}
