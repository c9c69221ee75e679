package io.concordat.benchmark;

/**
 * How much data the benchmark seeds and how many requests it times. Every value can be
 * changed with a system property of the same name prefixed {@code benchmark.}, e.g.
 * {@code -Dbenchmark.versions=20}.
 *
 * <p>
 * The seeded history follows what consumer CI builds produce: every consumer publishes
 * each of its versions with one pact per provider, most builds republish the content of
 * the build before (nothing in the contract changed), and every
 * {@code contentChangeEvery}-th build changes it. Versions are on {@code main} except
 * every fourth, which is on one of a few feature branches; every build is tagged with its
 * branch name, and some main versions are later tagged {@code test} and {@code prod} as
 * deployments are recorded.
 *
 * @param consumers consumers, each publishing pacts with every provider
 * @param providers providers
 * @param versions versions each consumer publishes
 * @param interactions interactions per pact
 * @param contentChangeEvery a consumer's pacts change content every this many versions
 * @param providerVersions versions each provider records on its main branch
 * @param requests timed requests per operation
 * @param warmup untimed requests per operation before the timed ones
 * @param seedThreads concurrent clients while seeding (seeding is not timed)
 */
record Scale(int consumers, int providers, int versions, int interactions, int contentChangeEvery, int providerVersions,
		int requests, int warmup, int seedThreads) {

	static final String MAIN = "main";

	static Scale fromSystemProperties() {
		return new Scale(property("consumers", 20), property("providers", 5), property("versions", 100),
				property("interactions", 50), property("contentChangeEvery", 5), property("providerVersions", 20),
				property("requests", 500), property("warmup", 100), property("seedThreads", 2));
	}

	private static int property(String name, int defaultValue) {
		int value = Integer.getInteger("benchmark." + name, defaultValue);
		if (value < 1) {
			throw new IllegalArgumentException("benchmark." + name + " must be at least 1");
		}
		return value;
	}

	String consumer(int index) {
		return String.format("consumer-%02d", index + 1);
	}

	String provider(int index) {
		return String.format("provider-%d", index + 1);
	}

	static String version(int index) {
		return "1.0." + index;
	}

	static String branch(int version) {
		return (version % 4 == 3) ? "feat/f" + (version / 20) : MAIN;
	}

	/**
	 * What a version's pacts contain: the same for {@code contentChangeEvery} consecutive
	 * versions.
	 */
	String contentSeed(int version) {
		return "r" + (version / this.contentChangeEvery);
	}

	/** The seed of the content the consumers' latest versions published. */
	String latestContentSeed() {
		return contentSeed(this.versions - 1);
	}

	long distinctContents() {
		return (long) this.consumers * this.providers
				* ((this.versions + this.contentChangeEvery - 1) / this.contentChangeEvery);
	}

	@Override
	public String toString() {
		return this.consumers + " consumers x " + this.providers + " providers, " + this.versions
				+ " versions per consumer, " + this.interactions + " interactions per pact, content changing every "
				+ this.contentChangeEvery + " versions, " + this.providerVersions + " versions per provider; "
				+ this.warmup + " warm-up + " + this.requests + " timed requests per operation";
	}

}
