package io.concordat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.concordat.ConcordatTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Try it" runs as written: its marked shell block is read from README.md
 * and run, command by command in one bash, against this Concordat with the shipped
 * example pacts and provider. Each command must print what the README's indented comments
 * under it say, and succeed, except a can-i-deploy documented as "Computer says no". Only
 * the addresses change (this Concordat's random port, a free port for the provider), and
 * {@code npx} is replaced by the same pinned clients installed from the lockfile.
 */
@ConcordatTest
@ExtendWith(PactCli.RequiresNode.class)
class ReadmeTryItTests {

	private static final Pattern BLOCK = Pattern
		.compile("<!-- try-it:start -->\\s*```sh\\n(.*?)```\\s*<!-- try-it:end -->", Pattern.DOTALL);

	private static final Pattern NPX = Pattern.compile("npx -y -p @pact-foundation/pact-cli@([0-9.]+) ");

	private static final String README_BROKER = "http://localhost:9292";

	private static final String README_PROVIDER_PORT = "8081";

	private static final String EXPECTED = "#   ";

	@LocalServerPort
	int port;

	@Test
	void theReadmeWalkThroughRunsEndToEndAndAnswersWhatItSays() throws IOException {
		Path repository = PactCli.e2eFolder().getParent();
		List<Step> steps = steps(block(Files.readString(repository.resolve("README.md"))));
		assertThat(steps).extracting(Step::command)
			.anyMatch((command) -> command.contains("publish examples/pacts"))
			.anyMatch((command) -> command.contains("--publish"))
			.anyMatch((command) -> command.contains("record-deployment"));

		PactCli.Result run = PactCli.bash(repository, script(steps), Duration.ofMinutes(4));

		List<String> outputs = outputs(run, steps.size());
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			String output = outputs.get(i);
			boolean refusal = step.expected().contains("Computer says no");
			assertThat(output).as("%s%n%s", step.command(), run).endsWith(refusal ? "@@exit 1" : "@@exit 0");
			for (String expected : step.expected()) {
				assertThat(output).as("%s%n%s", step.command(), run).contains(expected);
			}
		}
		assertThat(String.join("\n", outputs)).containsSubsequence("Computer says no", "Computer says yes");
	}

	private String block(String readme) {
		Matcher block = BLOCK.matcher(readme);
		assertThat(block.find()).as("README.md has a block between <!-- try-it:start --> and <!-- try-it:end -->")
			.isTrue();
		String commands = block.group(1);
		Matcher npx = NPX.matcher(commands);
		assertThat(npx.find()).as("the block runs the clients with npx").isTrue();
		assertThat(npx.group(1)).as("the README's pact-cli is the one the suite pins in e2e/package.json")
			.isEqualTo(pinnedPactCli());
		assertThat(commands).contains(README_BROKER, README_PROVIDER_PORT);
		// The installed clients are first on the PATH, so npx's fetch becomes a plain
		// call.
		return NPX.matcher(commands)
			.replaceAll("")
			.replace(README_BROKER, "http://localhost:" + this.port)
			.replace(README_PROVIDER_PORT, Integer.toString(freePort()));
	}

	private static List<Step> steps(String block) {
		List<Step> steps = new ArrayList<>();
		for (String line : block.lines().toList()) {
			if (line.startsWith(EXPECTED)) {
				assertThat(steps).as("an expected answer follows a command: " + line).isNotEmpty();
				steps.get(steps.size() - 1).expected().add(line.substring(EXPECTED.length()).strip());
			}
			else if (!line.isBlank() && !line.startsWith("#")) {
				steps.add(new Step(line, new ArrayList<>()));
			}
		}
		return steps;
	}

	/** One bash for all steps, as in one terminal, each step's output between markers. */
	private static String script(List<Step> steps) {
		// Everything in one stream, so that each step's errors stay between its markers.
		StringBuilder script = new StringBuilder("exec 2>&1\n");
		for (int i = 0; i < steps.size(); i++) {
			script.append("echo '@@step ").append(i).append("'\n");
			script.append(steps.get(i).command()).append('\n');
			script.append("echo \"@@exit $?\"\n");
		}
		return script.toString();
	}

	private static List<String> outputs(PactCli.Result run, int steps) {
		List<String> outputs = new ArrayList<>();
		String printed = run.stdout();
		for (int i = 0; i < steps; i++) {
			int start = printed.indexOf("@@step " + i + "\n");
			assertThat(start).as("step %d ran%n%s", i, run).isNotNegative();
			Matcher exit = Pattern.compile("@@exit \\d+").matcher(printed);
			assertThat(exit.find(start)).as("step %d finished%n%s", i, run).isTrue();
			outputs.add(printed.substring(start, exit.end()));
		}
		return outputs;
	}

	private static String pinnedPactCli() {
		return JsonMapper.builder()
			.build()
			.readTree(PactCli.e2eFolder().resolve("package.json").toFile())
			.at("/devDependencies/@pact-foundation~1pact-cli")
			.asString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Step(String command, List<String> expected) {
	}

}
