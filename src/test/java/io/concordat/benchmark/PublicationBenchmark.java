package io.concordat.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import io.concordat.ConcordatApplication;
import io.concordat.TestDatabaseEnvironment;
import io.concordat.benchmark.Measurement.Operation;
import io.concordat.benchmark.Measurement.Result;
import io.concordat.database.DatabaseInfo;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.PactFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The performance benchmark: starts Concordat in-process on a random port, seeds it at
 * realistic scale through the public API ({@link Scale}), then times the requests Pact
 * clients make most, each from one sequential client after a warm-up, and prints a table.
 * Run it with {@code ./mvnw -q -B -Pbenchmark test-compile exec:java}; see
 * {@code docs/benchmarks.md}.
 *
 * <p>
 * The database is a fresh embedded PostgreSQL under {@code target/benchmark-postgres}, or
 * the server named by {@code CONCORDAT_TEST_DATABASE_URL}, which is then <em>wiped</em>
 * first (the test profile's clean-then-migrate, as the test suite does, and only if the
 * tests own that database); {@code CONCORDAT_DATABASE_URL} is never used. After start-up
 * the benchmark talks to Concordat over HTTP only; it reads just the seeded totals and
 * the PostgreSQL version from the database directly.
 *
 * <p>
 * Reads are timed before writes, so that every read sees exactly the seeded data; the
 * table lists the operations in a fixed order regardless.
 */
public final class PublicationBenchmark {

	private static final Path DATA_DIRECTORY = Path.of("target", "benchmark-postgres");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Broker broker;

	private final Scale scale;

	private PublicationBenchmark(Broker broker, Scale scale) {
		this.broker = broker;
		this.scale = scale;
	}

	public static void main(String[] args) throws Exception {
		Scale scale = Scale.fromSystemProperties();
		// The embedded PostgreSQL only cleans its directory when it closes, which an
		// interrupted run never gets to; start from nothing regardless.
		FileSystemUtils.deleteRecursively(DATA_DIRECTORY);
		SpringApplication application = new SpringApplication(ConcordatApplication.class);
		application.setAdditionalProfiles("test");
		try (ConfigurableApplicationContext concordat = application.run("--server.port=0",
				"--" + TestDatabaseEnvironment.DATA_DIRECTORY_PROPERTY + "=" + DATA_DIRECTORY)) {
			int port = concordat.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			JdbcClient jdbc = concordat.getBean(JdbcClient.class);
			System.out.println();
			System.out.println("Machine: " + machine(jdbc, concordat.getBean(DatabaseInfo.class)));
			System.out.println("Scale:   " + scale);
			PublicationBenchmark benchmark = new PublicationBenchmark(Broker.at(port), scale);

			long start = System.nanoTime();
			Seeding seeding = new Seeding(benchmark.broker, scale);
			seeding.run();
			seeding.seedDeploymentsAndVerifications();
			System.out.printf(Locale.ROOT, "Seeded through the API in %.0f s (%d concurrent clients)%n",
					(System.nanoTime() - start) / 1e9, scale.seedThreads());
			System.out.println("Seeded:  " + totals(jdbc, scale));
			benchmark.checkAnswers(seeding);

			start = System.nanoTime();
			List<Result> results = benchmark.measure();
			System.out.printf(Locale.ROOT, "Timed in %.0f s%s%n%n", (System.nanoTime() - start) / 1e9, loadAverage());
			System.out.print(Measurement.table(results));
		}
	}

	/** Times every operation, reads first, and returns the results in table order. */
	private List<Result> measure() {
		List<Operation> table = List.of(publishNewContent(), republishIdenticalContent(),
				get("GET pact by consumer version", (random) -> pactPath(random) + "/version/" + seededVersion(random)),
				get("GET latest pact", (random) -> pactPath(random) + "/latest"),
				get("GET latest pact by tag (prod)", (random) -> pactPath(random) + "/latest/prod"),
				get("GET /pacts/provider/{p}/latest", (random) -> "/pacts/provider/" + provider(random) + "/latest"),
				get("GET /pacts/latest", (random) -> "/pacts/latest"),
				get("GET /pacts/provider/{p}/branch/latest",
						(random) -> "/pacts/provider/" + provider(random) + "/branch/latest"),
				get("GET /pacticipants/{p}",
						(random) -> "/pacticipants/" + (random.nextBoolean() ? consumer(random) : provider(random))),
				get("GET /pacticipants/{p}/versions/{v}",
						(random) -> "/pacticipants/" + consumer(random) + "/versions/" + seededVersion(random)),
				get("GET /pacticipants/{p}/versions (page of 100)",
						(random) -> "/pacticipants/" + consumer(random) + "/versions?size=100"),
				get("GET / (index)", (random) -> "/"), putTag(), putBranchVersion(),
				get("GET /can-i-deploy consumer version to environment",
						(random) -> "/can-i-deploy?pacticipant=" + consumer(random) + "&version="
								+ seededVersion(random) + "&environment=" + Seeding.PRODUCTION),
				get("GET /can-i-deploy provider version to environment",
						(random) -> "/can-i-deploy?pacticipant=" + provider(random) + "&version="
								+ Scale.version(random.nextInt(this.scale.providerVersions())) + "&environment="
								+ Seeding.PRODUCTION),
				get("GET /matrix as the CLI's can-i-deploy asks",
						(random) -> "/matrix?q[][pacticipant]=" + provider(random) + "&q[][version]="
								+ Scale.version(this.scale.providerVersions() - 1) + "&latestby=cvpv&environment="
								+ Seeding.PRODUCTION));
		List<Operation> order = new ArrayList<>(table.subList(2, table.size()));
		order.add(table.get(1));
		order.add(table.get(0));
		Result[] results = new Result[table.size()];
		for (Operation operation : order) {
			Result result = Measurement.run(operation, this.scale.warmup(), this.scale.requests());
			System.out.printf(Locale.ROOT, "  %-48s median %7.2f ms%n", operation.name(), result.medianMs());
			results[table.indexOf(operation)] = result;
		}
		return List.of(results);
	}

	/**
	 * A new version publishing one pact whose content no version had: parsed, stored,
	 * interactions and fields written.
	 */
	private Operation publishNewContent() {
		return new Operation("POST /contracts/publish, new content", 200, (i) -> {
			PactFiles pact = PactFiles.aPact()
				.between(this.scale.consumer(i % this.scale.consumers()), providerFor(i))
				.withInteractions(this.scale.interactions(), "new-" + i);
			return post("/contracts/publish", pact.publishBody("2.0." + i, Scale.MAIN, List.of(Scale.MAIN)));
		});
	}

	/**
	 * A new version publishing the same pact as the consumer's latest version, as most CI
	 * builds do: parsed and recognised, no content written.
	 */
	private Operation republishIdenticalContent() {
		return new Operation("POST /contracts/publish, identical content", 200, (i) -> {
			PactFiles pact = PactFiles.aPact()
				.between(this.scale.consumer(i % this.scale.consumers()), providerFor(i))
				.withInteractions(this.scale.interactions(), this.scale.latestContentSeed());
			return post("/contracts/publish", pact.publishBody("3.0." + i, Scale.MAIN, List.of(Scale.MAIN)));
		});
	}

	/**
	 * A deployment recorded as a tag on an existing consumer version; each request adds a
	 * tag the version did not have.
	 */
	private Operation putTag() {
		int versions = this.scale.consumers() * this.scale.versions();
		return new Operation("PUT tag", 201, (i) -> {
			int round = i / versions;
			String tag = (round == 0) ? "staging" : "staging-" + round;
			String path = Seeding.path("pacticipants", this.scale.consumer(i % this.scale.consumers()), "versions",
					Scale.version((i / this.scale.consumers()) % this.scale.versions()), "tags", tag);
			return () -> this.broker.put(path, null);
		});
	}

	/** A provider build recording its new version on its main branch. */
	private Operation putBranchVersion() {
		return new Operation("PUT branch version", 201, (i) -> {
			String path = Seeding.path("pacticipants", providerFor(i), "branches", Scale.MAIN, "versions", "2.0." + i);
			return () -> this.broker.put(path, null);
		});
	}

	private String providerFor(int i) {
		return this.scale.provider((i / this.scale.consumers()) % this.scale.providers());
	}

	private Operation get(String name, RandomPath path) {
		int salt = name.hashCode();
		return new Operation(name, 200, (i) -> {
			String chosen = path.choose(new Random(salt * 1_000_003L + i));
			return () -> this.broker.get(chosen);
		});
	}

	private Supplier<Response> post(String path, Object body) {
		String text = json.writeValueAsString(body);
		return () -> this.broker.post(path, text);
	}

	private String pactPath(Random random) {
		return "/pacts/provider/" + provider(random) + "/consumer/" + consumer(random);
	}

	private String consumer(Random random) {
		return this.scale.consumer(random.nextInt(this.scale.consumers()));
	}

	private String provider(Random random) {
		return this.scale.provider(random.nextInt(this.scale.providers()));
	}

	private String seededVersion(Random random) {
		return Scale.version(random.nextInt(this.scale.versions()));
	}

	/**
	 * Checks, once and untimed, that the timed requests answer with the seeded data
	 * rather than something smaller.
	 */
	private void checkAnswers(Seeding seeding) {
		String integration = "/pacts/provider/" + this.scale.provider(0) + "/consumer/" + this.scale.consumer(0);
		expectSize(integration + "/version/" + Scale.version(0), "/interactions", this.scale.interactions());
		expectSize(integration + "/latest", "/interactions", this.scale.interactions());
		expectSize(integration + "/latest/prod", "/interactions", this.scale.interactions());
		expectSize("/pacts/latest", "/pacts", this.scale.consumers() * this.scale.providers());
		String provider = "/pacts/provider/" + this.scale.provider(0);
		expectSize(provider + "/latest", "/_links/pb:pacts", this.scale.consumers());
		expectSize(provider + "/branch/latest", "/_embedded/pacts", this.scale.consumers());
		expectSize("/pacticipants/" + this.scale.consumer(0) + "/versions/" + Scale.version(0),
				"/_links/pb:pact-versions", this.scale.providers());
		String canIDeploy = "/can-i-deploy?pacticipant=" + this.scale.provider(0) + "&version=" + seeding.candidate()
				+ "&environment=" + Seeding.PRODUCTION;
		expectSize(canIDeploy, "/matrix", this.scale.consumers());
		if (!Seeding.expect(this.broker.get(canIDeploy), 200).json().at("/summary/deployable").asBoolean(false)) {
			throw new IllegalStateException("Expected the candidate to be deployable: GET " + canIDeploy);
		}
		expectSize("/can-i-deploy?pacticipant=" + this.scale.consumer(0) + "&version="
				+ seeding.deployedConsumerVersion() + "&environment=" + Seeding.PRODUCTION, "/matrix",
				2 * this.scale.providers());
	}

	private void expectSize(String path, String pointer, int size) {
		Response response = Seeding.expect(this.broker.get(path), 200);
		JsonNode list = response.json().at(pointer);
		if (!list.isArray() || list.size() != size) {
			throw new IllegalStateException(
					"Expected " + size + " entries at " + pointer + " of GET " + path + " but got " + list);
		}
	}

	private static String machine(JdbcClient jdbc, DatabaseInfo database) {
		String postgres = jdbc.sql("show server_version").query(String.class).single();
		return Runtime.getRuntime().availableProcessors()
				+ " cores" + cpuModel() + ", " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.runtime.version") + ", " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch") + ", PostgreSQL " + postgres + (database.embedded()
						? " (embedded, started by the benchmark)" : " (server named by CONCORDAT_DATABASE_URL)")
				+ loadAverage();
	}

	/** Other work on the machine skews every figure; say how busy it was. */
	private static String loadAverage() {
		try {
			String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return ", load average " + load[0] + " " + load[1] + " " + load[2];
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> " (" + line.substring(line.indexOf(':') + 1).trim() + ")")
				.findFirst()
				.orElse("");
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	private static String totals(JdbcClient jdbc, Scale scale) {
		long contents = count(jdbc, "pact_versions");
		if (contents != scale.distinctContents()) {
			throw new IllegalStateException(
					"Expected " + scale.distinctContents() + " distinct contents but found " + contents);
		}
		return String.format(Locale.ROOT,
				"%d pacticipants, %d versions, %d branches, %d tags, %d pact publications, %d distinct contents, "
						+ "%d interactions, %d fields",
				count(jdbc, "pacticipants"), count(jdbc, "versions"), count(jdbc, "branches"), count(jdbc, "tags"),
				count(jdbc, "pact_publications"), contents, count(jdbc, "interactions"),
				count(jdbc, "interaction_fields"));
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/**
	 * Chooses a request's path; each request gets its own seeded {@link Random}, so runs
	 * repeat.
	 */
	@FunctionalInterface
	private interface RandomPath {

		String choose(Random random);

	}

}
