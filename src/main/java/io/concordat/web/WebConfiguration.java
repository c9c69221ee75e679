package io.concordat.web;

import java.util.List;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes Tomcat and Spring MVC accept Pact Broker URLs as the real clients send them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
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
	 * Replaces Tomcat's HTML error page, for the requests Tomcat refuses before Spring
	 * MVC sees them, with the API's error bodies. The host's default valve is removed so
	 * that only one of them reports.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports(WebProperties properties) {
		String baseUrl = properties.baseUrl();
		return (factory) -> factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve.getClass() == ErrorReportValve.class) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new ApiErrorReportValve(baseUrl));
			}
		}));
	}

	/**
	 * Guards every request, after the request context exists (so error bodies can build
	 * links) and before anything reads headers, query or body.
	 */
	@Bean
	FilterRegistrationBean<RequestGuard> requestGuard(WebProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
		FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(
				new RequestGuard(properties.maxRequestSize().toBytes(), errors));
		// Spring Boot orders its RequestContextFilter at REQUEST_WRAPPER_FILTER_MAX_ORDER
		// - 105.
		registration.setOrder(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 100);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PathNames());
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
