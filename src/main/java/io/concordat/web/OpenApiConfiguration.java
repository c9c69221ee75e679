package io.concordat.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document at {@code /openapi} says about itself: springdoc's default
 * ("OpenAPI definition", "v0") tells a reader nothing.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String DESCRIPTION = """
			Concordat is a consumer-driven contract broker that speaks the Pact Broker API: the `pact-broker` CLI, \
			pact-js, pact-jvm and pact_verifier work against it unchanged. Consumers publish pacts, providers \
			fetch the pacts to verify (`/pacts/provider/{provider}/for-verification`) and publish results, \
			pipelines record deployments and ask `/can-i-deploy`. Start from the HAL index at `/`; health is at \
			`/diagnostic/health`.""";

	@Bean
	OpenAPI concordatOpenApi(ObjectProvider<BuildProperties> build) {
		// build-info is written by the Maven build; a run straight from an IDE may lack
		// it.
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : "development";
		return new OpenAPI().info(new Info().title("Concordat").version(version).description(DESCRIPTION));
	}

}
