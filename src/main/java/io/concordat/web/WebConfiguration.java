package io.concordat.web;

import java.util.List;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
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
	 * Controllers of paginated collections take a {@link Paging} parameter, read from the
	 * Pact Broker's paging query parameters.
	 */
	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == Paging.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
					NativeWebRequest request, WebDataBinderFactory binders) {
				return Paging.of(request.getParameter("pageNumber"), request.getParameter("pageSize"),
						request.getParameter("page"), request.getParameter("size"));
			}

		});
	}

	/**
	 * Clients that send no Accept header, or {@code *}{@code /*}, get JSON; HAL is JSON.
	 */
	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.defaultContentType(MediaType.APPLICATION_JSON);
	}

}
