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

	static final String PRODUCTION = "production";

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

	/**
	 * What can-i-deploy reads: a production environment where each provider runs two
	 * versions (blue and green instances) and each consumer its newest prod-tagged main
	 * version; those provider versions and each provider's newest (the candidate) verify
	 * the pacts of each consumer's deployed and newest versions.
	 */
	void seedDeploymentsAndVerifications() {
		String environment = expect(
				this.broker.post("/environments", java.util.Map.of("name", PRODUCTION, "production", true)), 201)
			.json()
			.get("uuid")
			.asString();
		List<String> verifiers = List.of(Scale.version(0), Scale.version(5), candidate());
		for (int p = 0; p < this.scale.providers(); p++) {
			String provider = this.scale.provider(p);
			deploy(provider, verifiers.get(0), environment, "blue");
			deploy(provider, verifiers.get(1), environment, "green");
		}
		for (int c = 0; c < this.scale.consumers(); c++) {
			String consumer = this.scale.consumer(c);
			deploy(consumer, deployedConsumerVersion(), environment, null);
			for (int p = 0; p < this.scale.providers(); p++) {
				String provider = this.scale.provider(p);
				for (String version : List.of(deployedConsumerVersion(), Scale.version(this.scale.versions() - 1))) {
					String publish = expect(this.broker
						.get(path("pacts", "provider", provider, "consumer", consumer, "version", version)), 200).json()
						.at("/_links/pb:publish-verification-results/href")
						.asString();
					String resultsPath = publish.substring(publish.indexOf("/pacts/"));
					for (String verifier : verifiers) {
						expect(this.broker.post(resultsPath,
								java.util.Map.of("success", true, "providerApplicationVersion", verifier)), 201);
					}
				}
			}
		}
	}

	private void deploy(String pacticipant, String version, String environment, String instance) {
		java.util.Map<String, Object> body = (instance != null) ? java.util.Map.of("applicationInstance", instance)
				: java.util.Map.of();
		expect(this.broker.post(
				path("pacticipants", pacticipant, "versions", version, "deployed-versions", "environment", environment),
				body), 201);
	}

	/** The consumers' newest prod-tagged main-branch version: the one in production. */
	String deployedConsumerVersion() {
		int v = ((this.scale.versions() - 1) / 20) * 20;
		return Scale.version(v);
	}

	/**
	 * Each provider's newest version: the candidate asking whether it can be deployed.
	 */
	String candidate() {
		return Scale.version(this.scale.providerVersions() - 1);
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
