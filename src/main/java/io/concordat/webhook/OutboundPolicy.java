package io.concordat.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Where webhooks may call. A webhook is a request the broker makes on a user's behalf
 * from inside the network it runs in, so by default it may not reach the broker's host,
 * cloud metadata services or the private network: only {@code http} and {@code https},
 * and no loopback, link-local, private (10/8, 172.16/12, 192.168/16, fc00::/7) or
 * unspecified address, unless the host is in {@code concordat.webhooks.allowed-hosts}.
 * Checked when a webhook is saved and again, on the address actually resolved, before
 * every attempt, since a name can resolve differently later.
 */
@Component
public class OutboundPolicy {

	private static final String SEE = " See the concordat.webhooks.allowed-hosts setting.";

	private final List<String> allowedNames = new ArrayList<>();

	private final List<Cidr> allowedRanges = new ArrayList<>();

	OutboundPolicy(WebhookProperties properties) {
		for (String entry : properties.allowedHosts()) {
			String trimmed = entry.trim().toLowerCase(Locale.ROOT);
			if (trimmed.isEmpty()) {
				continue;
			}
			Cidr range = Cidr.parse(trimmed);
			if (range != null) {
				this.allowedRanges.add(range);
			}
			else {
				this.allowedNames.add(trimmed);
			}
		}
	}

	/**
	 * Checks a URL template when a webhook is saved. A host that does not resolve is
	 * accepted (it may exist only where the broker runs); the check at delivery covers
	 * it.
	 * @param url the URL with its templates already replaced by placeholders
	 * @return what is wrong, or empty when the URL may be called
	 */
	public Optional<String> refusal(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of("is not a valid URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
			return Optional.of("scheme must be http or https, not " + ((scheme != null) ? scheme : "missing") + ".");
		}
		String host = host(uri);
		if (host == null) {
			return Optional.of("must have a host.");
		}
		if (isAllowedName(host)) {
			return Optional.empty();
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
		for (InetAddress address : addresses) {
			Optional<String> refused = refusal(host, address);
			if (refused.isPresent()) {
				return refused;
			}
		}
		return Optional.empty();
	}

	/**
	 * Resolves the host of a URL about to be called and checks the addresses it resolves
	 * to.
	 * @param uri the rendered URL
	 * @return the address to connect to
	 * @throws RefusedTargetException when the URL or an address it resolves to is refused
	 * @throws UnknownHostException when the host does not resolve
	 */
	InetAddress resolve(URI uri) throws UnknownHostException {
		Optional<String> refused = refusal(uri.toString());
		if (refused.isPresent()) {
			throw new RefusedTargetException("request.url " + refused.get());
		}
		String host = host(uri);
		InetAddress[] addresses = InetAddress.getAllByName(host);
		if (!isAllowedName(host)) {
			for (InetAddress address : addresses) {
				refusal(host, address).ifPresent((reason) -> {
					throw new RefusedTargetException("request.url " + reason);
				});
			}
		}
		return addresses[0];
	}

	private boolean isAllowedName(String host) {
		return this.allowedNames.contains(host.toLowerCase(Locale.ROOT));
	}

	private Optional<String> refusal(String host, InetAddress address) {
		for (Cidr range : this.allowedRanges) {
			if (range.contains(address)) {
				return Optional.empty();
			}
		}
		String kind = kind(address);
		if (kind == null) {
			return Optional.empty();
		}
		return Optional.of("host " + host + " resolves to " + address.getHostAddress() + ", " + kind
				+ ", which webhooks may not call." + SEE);
	}

	private static @Nullable String kind(InetAddress address) {
		if (address.isAnyLocalAddress()) {
			return "an unspecified address";
		}
		if (address.isLoopbackAddress()) {
			return "a loopback address";
		}
		if (address.isLinkLocalAddress()) {
			return "a link-local address";
		}
		if (address.isSiteLocalAddress()) {
			return "a private address";
		}
		if (address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC) {
			return "a private address";
		}
		if (address instanceof Inet4Address) {
			byte[] bytes = address.getAddress();
			// 0.0.0.0/8 is "this network": connecting to it reaches the local host.
			if (bytes[0] == 0) {
				return "an unspecified address";
			}
		}
		return null;
	}

	private static @Nullable String host(URI uri) {
		String host = uri.getHost();
		if (host == null) {
			return null;
		}
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/** A delivery whose target is refused by the policy. */
	static class RefusedTargetException extends RuntimeException {

		RefusedTargetException(String message) {
			super(message);
		}

	}

	private record Cidr(byte[] network, int bits) {

		static @Nullable Cidr parse(String text) {
			int slash = text.indexOf('/');
			String address = (slash < 0) ? text : text.substring(0, slash);
			if (!address.matches("[0-9.]+") && !address.contains(":")) {
				return null;
			}
			try {
				byte[] bytes = InetAddress.getByName(address).getAddress();
				int bits = (slash < 0) ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
				return new Cidr(bytes, bits);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				return null;
			}
		}

		boolean contains(InetAddress candidate) {
			byte[] bytes = candidate.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			int remaining = this.bits;
			for (int i = 0; i < bytes.length && remaining > 0; i++, remaining -= 8) {
				int mask = (remaining >= 8) ? 0xFF : (0xFF << (8 - remaining)) & 0xFF;
				if ((bytes[i] & mask) != (this.network[i] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
