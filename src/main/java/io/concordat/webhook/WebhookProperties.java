package io.concordat.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered ({@code concordat.webhooks.*}).
 *
 * @param allowedHosts host names, IP addresses or CIDR ranges that may be called although
 * they are loopback, link-local or private (everything else of that kind is refused)
 * @param retryDelays the wait before each retry after a failed attempt; their number is
 * the number of retries (the Pact Broker's default schedule)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the response
 * @param pollInterval how often the dispatcher looks for due deliveries
 * @param concurrentDeliveries how many deliveries one dispatcher sends at once
 * @param lease how long a claimed delivery stays reserved to its dispatcher; a dispatcher
 * that died mid-attempt leaves it to be claimed again once this has passed, so it must
 * exceed the longest attempt (connect timeout plus twice the read timeout)
 * @param responseBodyLimit how many characters of a response body are kept in the log
 * @param dispatcherEnabled whether this instance delivers; a replica that should only
 * serve requests leaves delivery to the others
 */
@ConfigurationProperties("concordat.webhooks")
public record WebhookProperties(@DefaultValue List<String> allowedHosts, @DefaultValue( {
		"PT10S", "PT1M", "PT2M", "PT5M", "PT10M", "PT20M" }) List<Duration> retryDelays,
		@DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT15S") Duration readTimeout,
		@DefaultValue("PT1S") Duration pollInterval, @DefaultValue("4") int concurrentDeliveries,
		@DefaultValue("PT1M") Duration lease, @DefaultValue("10000") int responseBodyLimit,
		@DefaultValue("true") boolean dispatcherEnabled){

	public WebhookProperties {
		// An attempt takes at most the connect timeout plus the read timeout twice (for
		// the headers, then for the body); one still running when its lease expires
		// would be claimed and sent again by another dispatcher.
		Duration longestAttempt = connectTimeout.plus(readTimeout.multipliedBy(2));
		if (lease.compareTo(longestAttempt) <= 0) {
			throw new IllegalArgumentException(
					"concordat.webhooks.lease (" + lease + ") must exceed connect-timeout + 2 x read-timeout ("
							+ longestAttempt + "), so that no attempt outlives its lease");
		}
	}

}
