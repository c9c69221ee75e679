package io.concordat.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the real {@code pact-broker} command line client (npm
 * {@code @pact-foundation/pact-cli}, pinned in the repository's {@code e2e/} folder)
 * against a broker URL.
 * <p>
 * The client is installed with {@code npm ci} the first time it is needed in a JVM,
 * unless {@code node_modules} already holds exactly what the lockfile pins. When Node.js
 * or npm are missing, the calling test is skipped, unless the {@code CI} environment
 * variable is set: there the suite must not pass by skipping.
 */
final class PactCli {

	/** Written into node_modules once npm ci has installed it from the lockfile. */
	static final String INSTALLED_LOCK = ".concordat-installed-lock";

	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration NODE_TIMEOUT = Duration.ofMinutes(3);

	private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

	private static final String NODE_NEEDED = "Node.js and npm are needed for the end-to-end suite";

	private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");

	private static Path installedExecutable;

	private final Path executable;

	private final String brokerUrl;

	private PactCli(Path executable, String brokerUrl) {
		this.executable = executable;
		this.brokerUrl = brokerUrl;
	}

	/**
	 * Makes sure the client is installed, then returns a runner that talks to the given
	 * broker.
	 * @param brokerUrl the broker's base URL
	 * @return a runner for that broker
	 */
	static PactCli against(String brokerUrl) {
		return new PactCli(install(), brokerUrl);
	}

	/**
	 * Installs the client once per JVM, or skips (fails on CI) when Node.js is missing.
	 * @return the {@code pact-broker} executable
	 */
	static synchronized Path install() {
		if (installedExecutable != null) {
			return installedExecutable;
		}
		requireNode();
		Path e2e = e2eFolder();
		Path executable = e2e.resolve("node_modules").resolve(".bin").resolve(executableName("pact-broker"));
		if (!installedFromLockfile(e2e)) {
			Result npm = execute(List.of(executableName("npm"), "ci", "--no-audit", "--no-fund"), e2e,
					Map.of("SCARF_ANALYTICS", "false"), INSTALL_TIMEOUT);
			if (npm.exitCode() != 0 || !Files.exists(executable)) {
				throw new IllegalStateException("Could not install the Pact CLI in " + e2e + "\n" + npm);
			}
			write(e2e.resolve("node_modules").resolve(INSTALLED_LOCK), lockDigest(e2e));
		}
		installedExecutable = executable;
		return executable;
	}

	/**
	 * Whether {@code node_modules} holds the clients the lockfile pins, so that
	 * {@code npm ci} can be skipped.
	 * @param e2e the folder holding the lockfile
	 * @return whether the last successful install was from the current lockfile
	 */
	static boolean installedFromLockfile(Path e2e) {
		Path executable = e2e.resolve("node_modules").resolve(".bin").resolve(executableName("pact-broker"));
		return Files.exists(executable)
				&& lockDigest(e2e).equals(readQuietly(e2e.resolve("node_modules").resolve(INSTALLED_LOCK)));
	}

	/**
	 * What {@code node_modules} was installed from: the SHA-256 of the package and lock
	 * files, written after a successful {@code npm ci}. A matching digest means the
	 * installed clients are exactly the pinned ones, so the install (and its registry
	 * requests) is skipped; a changed lockfile, or an install that never finished,
	 * installs again.
	 */
	static String lockDigest(Path e2e) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(Files.readAllBytes(e2e.resolve("package.json")));
			sha256.update(Files.readAllBytes(e2e.resolve("package-lock.json")));
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the lockfile in " + e2e, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String readQuietly(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	/**
	 * Runs {@code pact-broker <args> --broker-base-url <url>}.
	 * @param args the subcommand and its options
	 * @return what the client printed and its exit code
	 */
	Result run(String... args) {
		List<String> command = new ArrayList<>();
		command.add(this.executable.toString());
		command.addAll(List.of(args));
		command.add("--broker-base-url");
		command.add(this.brokerUrl);
		// One attempt per request: the client's default backs off and retries server
		// errors for over a minute, which would only hide failures here.
		Map<String, String> environment = Map.of("PACT_BROKER_HTTP_RETRIES", "1", "NO_COLOR", "1", "CLICOLOR", "0");
		return execute(command, this.executable.getParent(), environment, COMMAND_TIMEOUT);
	}

	/**
	 * Runs a Node.js script of the {@code e2e} folder (pact-js consumer tests and
	 * verifications), with the installed clients resolvable from it.
	 * @param script the script, relative to the {@code e2e} folder
	 * @param args its arguments
	 * @return what it printed and its exit code
	 */
	Result node(String script, String... args) {
		List<String> command = new ArrayList<>();
		command.add(executableName("node"));
		command.add(script);
		command.addAll(List.of(args));
		return execute(command, e2eFolder(), Map.of("NO_COLOR", "1", "PACT_DO_NOT_TRACK", "true"), NODE_TIMEOUT);
	}

	/**
	 * Runs a bash script in a folder, as a person would paste it into a terminal, with
	 * the installed clients' folder first on the {@code PATH}.
	 * @param directory where it runs
	 * @param script the commands
	 * @param timeout how long it may take
	 * @return what it printed and its exit code
	 */
	static Result bash(Path directory, String script, Duration timeout) {
		Path file = null;
		try {
			file = Files.createTempFile("pact-script-", ".sh");
			Files.writeString(file, script, StandardCharsets.UTF_8);
			String path = install().getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", "");
			return execute(List.of("bash", file.toString()), directory,
					Map.of("PATH", path, "NO_COLOR", "1", "PACT_DO_NOT_TRACK", "true", "PACT_BROKER_HTTP_RETRIES", "1"),
					timeout);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write a script", ex);
		}
		finally {
			deleteQuietly(file);
		}
	}

	private static Result execute(List<String> command, Path directory, Map<String, String> extraEnvironment,
			Duration timeout) {
		Path stdout = null;
		Path stderr = null;
		try {
			stdout = Files.createTempFile("pact-cli-", ".out");
			stderr = Files.createTempFile("pact-cli-", ".err");
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile());
			Map<String, String> environment = builder.environment();
			// Broker settings of whoever runs the build must not leak into the tests.
			environment.keySet().removeIf((name) -> name.startsWith("PACT_BROKER_") || name.equals("CLICOLOR_FORCE"));
			environment.putAll(extraEnvironment);
			Process process = builder.start();
			process.getOutputStream().close();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor();
				throw new IllegalStateException(
						"Timed out after " + timeout + ": " + new Result(command, -1, read(stdout), read(stderr)));
			}
			return new Result(command, process.exitValue(), read(stdout), read(stderr));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command, ex);
		}
		finally {
			deleteQuietly(stdout);
			deleteQuietly(stderr);
		}
	}

	private static void requireNode() {
		Assumptions.assumeTrue(nodeAvailable(), NODE_NEEDED);
	}

	/**
	 * Whether the suite can run here; on CI a missing Node.js is an error, not a reason
	 * to skip.
	 */
	private static boolean nodeAvailable() {
		boolean available = onPath(executableName("node")) && onPath(executableName("npm"));
		if (!available && System.getenv("CI") != null) {
			throw new IllegalStateException(NODE_NEEDED + ", but node or npm is not on the PATH");
		}
		return available;
	}

	private static boolean onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(Pattern.quote(File.pathSeparator))) {
			if (!directory.isBlank() && Files.isExecutable(Path.of(directory, name))) {
				return true;
			}
		}
		return false;
	}

	private static String executableName(String name) {
		if (!WINDOWS) {
			return name;
		}
		return name.equals("node") ? "node.exe" : name + ".cmd";
	}

	/**
	 * The {@code e2e/} folder of the repository, found from the working directory (the
	 * module's folder when Maven runs the tests) or any of its parents.
	 */
	static Path e2eFolder() {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			if (Files.isRegularFile(directory.resolve("e2e").resolve("package.json"))) {
				return directory.resolve("e2e");
			}
		}
		throw new IllegalStateException("No e2e/package.json found above " + Path.of("").toAbsolutePath()
				+ "; run the tests from the repository");
	}

	private static String read(Path file) throws IOException {
		return ANSI_ESCAPE.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// A leftover temporary file is harmless.
			}
		}
	}

	/**
	 * Skips a whole test class, before any Spring context starts, when Node.js is missing
	 * on a developer's machine; fails it on CI.
	 */
	static final class RequiresNode implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return nodeAvailable() ? ConditionEvaluationResult.enabled("Node.js and npm are on the PATH")
					: ConditionEvaluationResult.disabled(NODE_NEEDED);
		}

	}

	/**
	 * What a command printed, with colour codes removed.
	 *
	 * @param command the command line that ran
	 * @param exitCode its exit code
	 * @param stdout its standard output
	 * @param stderr its standard error
	 */
	record Result(List<String> command, int exitCode, String stdout, String stderr) {

		@Override
		public String toString() {
			return String.join(" ", this.command) + "\nexit code: " + this.exitCode + "\n--- stdout ---\n" + this.stdout
					+ "\n--- stderr ---\n" + this.stderr;
		}

	}

}
