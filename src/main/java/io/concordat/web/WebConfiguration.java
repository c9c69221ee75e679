package io.concordat.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes Tomcat and Spring MVC accept Pact Broker URLs as the real clients send them.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * Branch names such as {@code feat/x} arrive as {@code feat%2Fx} inside one path
	 * segment: pass the encoded slash through (decoding it would split the segment). The
	 * matrix query {@code q[][pacticipant]=…} is sent with literal brackets, which Tomcat
	 * rejects unless they are allowed.
	 */
	@Bean
	TomcatConnectorCustomizer pactBrokerUrls() {
		return (connector) -> {
			connector.setEncodedSolidusHandling("passthrough");
			connector.setProperty("relaxedQueryChars", "[]{}|^`\"<>\\");
			connector.setProperty("relaxedPathChars", "[]{}|^`\"<>\\");
		};
	}

	/**
	 * Clients that send no Accept header, or {@code *}{@code /*}, get JSON; HAL is JSON.
	 */
	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.defaultContentType(MediaType.APPLICATION_JSON);
	}

}
