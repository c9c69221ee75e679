package io.concordat.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: the entry point every Pact client navigates from. Relation names,
 * templates and variable names are exactly the Pact Broker's, because clients substitute
 * them by name.
 */
@RestController
class IndexController {

	private static final List<Relation> RELATIONS = List.of(template("pb:publish-pact",
			"/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}", "Publish a pact"),
			fixed("pb:publish-contracts", "/contracts/publish", "Publish contracts"),
			fixed("pb:latest-pact-versions", "/pacts/latest", "Latest pact versions"),
			// The Pact Broker declares this one not templated although it has variables;
			// clients expand it anyway.
			new Relation("pb:tagged-pact-versions", "/pacts/provider/{provider}/consumer/{consumer}/tag/{tag}",
					"All versions of a pact for a given consumer, provider and consumer version tag", false),
			template("pb:branch-pact-versions", "/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}",
					"All versions of pacts for a provider, for a named consumers branch"),
			template("pb:latest-branch-pact-versions",
					"/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}/latest/versions",
					"Latest version of pact for a provider, for a named consumers branch"),
			template("pb:main-branch-pact-versions", "/pacts/provider/{provider}/consumer/{consumer}/branch/versions",
					"All versions of pacts for a provider, for a named consumers main branch"),
			template("pb:latest-main-branch-pact-versions",
					"/pacts/provider/{provider}/consumer/{consumer}/branch/latest/versions",
					"Latest version of pact for a provider, for a named consumers main branch"),
			template("pb:provider-pacts-with-main-branch", "/pacts/provider/{provider}/branch",
					"All pacts for a provider, for any consumers main branch"),
			template("pb:provider-pacts-with-branch", "/pacts/provider/{provider}/branch/{branch}",
					"All pacts for a provider, for any consumers named branch"),
			template("pb:latest-provider-pacts-with-main-branch", "/pacts/provider/{provider}/branch/latest",
					"Latest pact for a provider, for any consumers main branch"),
			template("pb:latest-provider-pacts-with-branch", "/pacts/provider/{provider}/branch/{branch}/latest",
					"Latest pacts for a provider, for any consumers named branch"),
			fixed("pb:pacticipants", "/pacticipants", "Pacticipants"),
			template("pb:pacticipant", "/pacticipants/{pacticipant}", "Fetch pacticipant by name"),
			template("pb:latest-provider-pacts", "/pacts/provider/{provider}/latest", "Latest pacts by provider"),
			template("pb:latest-provider-pacts-with-tag", "/pacts/provider/{provider}/latest/{tag}",
					"Latest pacts for provider with the specified tag"),
			template("pb:provider-pacts-with-tag", "/pacts/provider/{provider}/tag/{tag}",
					"All pact versions for the provider with the specified consumer version tag"),
			template("pb:provider-pacts", "/pacts/provider/{provider}", "All pact versions for the specified provider"),
			template("pb:latest-version", "/pacticipants/{pacticipant}/latest-version", "Latest pacticipant version"),
			template("pb:latest-tagged-version", "/pacticipants/{pacticipant}/latest-version/{tag}",
					"Latest pacticipant version with the specified tag"),
			fixed("pb:webhooks", "/webhooks", "Webhooks"), template("pb:webhook", "/webhooks/{uuid}", "Webhook"),
			fixed("pb:integrations", "/integrations", "Integrations"),
			template("pb:pacticipant-version-tag", "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}",
					"Get, create or delete a tag for a pacticipant version"),
			template("pb:pacticipant-branch", "/pacticipants/{pacticipant}/branches/{branch}",
					"Get or delete a pacticipant branch"),
			template("pb:pacticipant-branch-version",
					"/pacticipants/{pacticipant}/branches/{branch}/versions/{version}",
					"Get or add/create a pacticipant version for a branch"),
			template("pb:pacticipant-version", "/pacticipants/{pacticipant}/versions/{version}",
					"Get, create or delete a pacticipant version"),
			new Relation("pb:metrics", "/metrics", "Get Pact Broker metrics", null),
			template("pb:can-i-deploy-pacticipant-version-to-tag",
					"/can-i-deploy?pacticipant={pacticipant}&version={version}&to={tag}",
					"Determine if an application version can be safely deployed to an environment identified by the given tag"),
			template("pb:can-i-deploy-pacticipant-version-to-environment",
					"/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}",
					"Determine if an application version can be safely deployed to an environment"),
			template("pb:provider-pacts-for-verification", "/pacts/provider/{provider}/for-verification",
					"Pact versions to be verified for the specified provider"),
			fixed("pb:environments", "/environments", "Environments"),
			template("pb:environment", "/environments/{uuid}", "Environment"));

	private final Links links;

	IndexController(Links links) {
		this.links = links;
	}

	@GetMapping("/")
	ResponseEntity<Map<String, Object>> index() {
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", new Link(this.links.baseUrl(), "Index", null, false));
		for (Relation relation : RELATIONS) {
			rels.put(relation.rel(),
					new Link(this.links.raw(relation.path()), relation.title(), null, relation.templated()));
		}
		rels.put("beta:provider-pacts-for-verification",
				new Link(this.links.raw("/pacts/provider/{provider}/for-verification"),
						"DEPRECATED - please use pb:provider-pacts-for-verification", "beta", true));
		String doc = this.links.raw("/doc/{rel}?context=index");
		rels.put("curies", List.of(new Link(doc, null, "pb", true), new Link(doc, null, "beta", true)));
		return Hal.ok(Map.of("_links", rels));
	}

	/**
	 * {@code GET /doc/{rel}}: what the {@code curies} of the index point to, a short page
	 * per relation (HAL browsers show it).
	 */
	@GetMapping("/doc/{rel}")
	ResponseEntity<String> documentation(@PathVariable String rel) {
		Relation relation = RELATIONS.stream()
			.filter((candidate) -> candidate.rel().equals("pb:" + rel))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No documentation for the relation '" + rel + "'"));
		String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(relation.rel())
				+ "</title></head><body><h1>" + escape(relation.rel()) + "</h1><p>" + escape(relation.title())
				+ "</p><p><code>" + escape(this.links.raw(relation.path())) + "</code></p>"
				+ (Boolean.TRUE.equals(relation.templated())
						? "<p>A URI template: replace each <code>{variable}</code> with its URL-encoded value.</p>"
						: "")
				+ "</body></html>";
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=utf-8")).body(page);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static Relation template(String rel, String path, String title) {
		return new Relation(rel, path, title, true);
	}

	private static Relation fixed(String rel, String path, String title) {
		return new Relation(rel, path, title, false);
	}

	private record Relation(String rel, String path, String title, Boolean templated) {
	}

}
