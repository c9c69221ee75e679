package io.concordat.webhook;

import java.util.List;

/**
 * Where the webhooks of one integration stand: the latest delivery of each webhook that
 * fired for it.
 *
 * @param configured whether any webhook is defined for the integration
 * @param latest the latest delivery of each webhook, oldest first
 */
public record WebhookStatus(boolean configured, List<TriggeredWebhookView> latest) {

	public long count(String status) {
		return this.latest.stream().filter((delivery) -> delivery.status().equals(status)).count();
	}

	/**
	 * One word for the dashboard, as the Pact Broker chooses it: {@code none} without
	 * webhooks, then {@code retrying} before {@code failure} before {@code success}, and
	 * {@code not_run} when nothing has been delivered yet.
	 */
	public String overall() {
		if (!this.configured && this.latest.isEmpty()) {
			return "none";
		}
		for (String status : List.of("retrying", "failure", "success")) {
			if (count(status) > 0) {
				return status;
			}
		}
		return "not_run";
	}

}
