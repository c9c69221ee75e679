package io.concordat.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands a test or a {@code @BeforeEach} method a {@link Broker} connected to the
 * Concordat its Spring context started: {@code void connect(Broker broker)}. Registered
 * by {@code @ConcordatTest}, so API tests need no port field of their own.
 */
public class BrokerParameterResolver implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == Broker.class;
	}

	@Override
	public Broker resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		Integer port = SpringExtension.getApplicationContext(extension)
			.getEnvironment()
			.getProperty("local.server.port", Integer.class);
		if (port == null) {
			throw new IllegalStateException(
					"A Broker needs a running Concordat: annotate the test with @ConcordatTest");
		}
		return Broker.at(port);
	}

}
