package io.concordat.matrix.web;

import java.util.List;

import io.concordat.matrix.MatrixQuery;
import io.concordat.matrix.MatrixResult;
import io.concordat.matrix.MatrixService;
import io.concordat.web.Hal;
import io.concordat.web.Links;
import io.concordat.web.MediaTypes;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The matrix and the questions asked of it: {@code GET /matrix} (what the
 * {@code pact-broker can-i-deploy} and {@code can-i-merge} commands ask),
 * {@code GET /can-i-deploy}, can-i-deploy for a branch head and can-i-merge for the main
 * branch head. JSON by default, the Pact Broker's table for {@code text/plain}.
 */
@RestController
class MatrixController {

	private final MatrixService matrix;

	private final Links links;

	MatrixController(MatrixService matrix, Links links) {
		this.matrix = matrix;
		this.links = links;
	}

	@GetMapping("/matrix")
	ResponseEntity<?> matrix(HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return respond(this.matrix.query(MatrixQueries.matrix(request.getQueryString())), accept);
	}

	/**
	 * Every version of a consumer against every version of a provider, with the
	 * {@code /matrix} options ({@code latestby}, {@code success[]}, {@code limit}…).
	 */
	@GetMapping("/matrix/provider/{provider}/consumer/{consumer}")
	ResponseEntity<?> integration(@PathVariable String provider, @PathVariable String consumer,
			HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		MatrixQuery options = MatrixQueries.matrix(request.getQueryString());
		return respond(this.matrix.integration(consumer, provider, options), accept);
	}

	@GetMapping("/can-i-deploy")
	ResponseEntity<?> canIDeploy(HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		MatrixQuery query = MatrixQueries.canIDeploy(request.getQueryString());
		return respond(this.matrix.query(query), accept);
	}

	@GetMapping("/pacticipants/{pacticipant}/branches/{branch}/latest-version/can-i-deploy/to-environment/{environment}")
	ResponseEntity<?> canIDeployBranch(@PathVariable String pacticipant, @PathVariable String branch,
			@PathVariable String environment,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return respond(this.matrix.canIDeployBranch(pacticipant, branch, environment), accept);
	}

	@GetMapping("/pacticipants/{pacticipant}/latest-version/{tag}/can-i-deploy/to/{to}")
	ResponseEntity<?> canIDeployTagToTag(@PathVariable String pacticipant, @PathVariable String tag,
			@PathVariable String to,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return respond(this.matrix.canIDeployTagToTag(pacticipant, tag, to), accept);
	}

	@GetMapping("/pacticipants/{pacticipant}/main-branch/can-i-merge")
	ResponseEntity<?> canIMerge(@PathVariable String pacticipant,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return respond(this.matrix.canIMerge(pacticipant), accept);
	}

	private ResponseEntity<?> respond(MatrixResult result, @Nullable String accept) {
		if (wantsText(accept)) {
			return ResponseEntity.ok().contentType(MediaTypes.TEXT_PLAIN).body(MatrixText.of(result));
		}
		return Hal.ok(new MatrixRepresentation(this.links, this.matrix.versionDetails(result)).of(result));
	}

	/** Text only when it is asked for and JSON is not. */
	static boolean wantsText(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types = MediaType.parseMediaTypes(accept);
		boolean text = types.stream()
			.anyMatch((type) -> type.isCompatibleWith(MediaType.TEXT_PLAIN) && !type.isWildcardType());
		boolean json = types.stream().anyMatch((type) -> !type.isWildcardType() && type.getSubtype().endsWith("json"));
		return text && !json;
	}

}
